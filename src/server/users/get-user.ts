import { eq } from 'drizzle-orm';
import type { User } from '../../shared/contracts/users.js';
import { authorize, readers } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { toUser } from './user.mapper.js';
import { users } from './user.table.js';

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const { db } = authorize(ctx, readers);
  assertId(id);
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound();
  return toUser(row);
}
