import { and, asc, gt, ilike, sql } from 'drizzle-orm';
import { type Region, RegionListQuery } from '../../shared/contracts/registry.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { containsPattern, decodeCursor, LongCursor, toPage } from './paging.js';
import { toRegion } from './region.mapper.js';
import { membersOf } from './region-members.js';
import { regions } from './registry.table.js';

export const RegionPageQuery = RegionListQuery.extend({ cursor: LongCursor });

/**
 * Regions by name, each with all its memberships. Two queries per page whatever its size: the regions,
 * then the members of exactly those regions. Names are unique ignoring case (regions_name_unique), so the
 * lower-cased name orders the list, serves as the cursor and lets the index do the seeking.
 */
export async function listRegions(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: Region[]; nextCursor: string | null }> {
  const { db } = authorize(ctx, everyone);
  const query = parse(RegionPageQuery, raw ?? {});
  const after = decodeCursor(query.cursor, 1);
  const sortKey = sql<string>`lower(${regions.name})`;
  const rows = await db
    .select({ region: regions, sortKey })
    .from(regions)
    .where(
      and(
        query.q ? ilike(regions.name, containsPattern(query.q)) : undefined,
        after ? gt(sortKey, after[0] ?? '') : undefined,
      ),
    )
    .orderBy(asc(sortKey))
    .limit(query.limit + 1);
  const shown = rows.slice(0, query.limit);
  const members = await membersOf(
    db,
    shown.map((r) => r.region.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => toRegion(r.region, members.get(r.region.id) ?? []),
    (r) => [r.sortKey],
  );
}
