import { eq } from 'drizzle-orm';
import type { Region } from '../../shared/contracts/registry.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from './paging.js';
import { toRegion } from './region.mapper.js';
import { membersOf } from './region-members.js';
import { regions } from './registry.table.js';

export async function getRegion(ctx: Ctx, id: string): Promise<Region> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  if (!row) throw notFound();
  const members = await membersOf(db, [id]);
  return toRegion(row, members.get(id) ?? []);
}
