import { eq } from 'drizzle-orm';
import type { Person } from '../../shared/contracts/registry.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { toPerson } from './person.mapper.js';
import { people } from './registry.table.js';

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const [row] = await db.select().from(people).where(eq(people.id, id));
  if (!row) throw notFound();
  return toPerson(row);
}
