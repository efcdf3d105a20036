import { asc, desc } from 'drizzle-orm';
import type { Cycle } from '../../shared/contracts/general-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { toCycle } from './general-part.mapper.js';
import { cycles } from './general-part.table.js';

/** A county runs one cycle every few years, so the list is short and not paged. Newest first. */
export async function listCycles(ctx: Ctx): Promise<{ items: Cycle[]; nextCursor: null }> {
  const { db } = authorize(ctx, everyone);
  const rows = await db.select().from(cycles).orderBy(desc(cycles.periodFrom), asc(cycles.name));
  return { items: rows.map(toCycle), nextCursor: null };
}
