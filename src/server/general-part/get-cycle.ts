import { eq } from 'drizzle-orm';
import type { Cycle } from '../../shared/contracts/general-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { toCycle } from './general-part.mapper.js';
import { cycles } from './general-part.table.js';

export async function getCycle(ctx: Ctx, id: string): Promise<Cycle> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  if (!row) throw notFound();
  return toCycle(row);
}
