import { and, asc, gt, ilike, sql } from 'drizzle-orm';
import { type Region, RegionListQuery } from '../../shared/contracts/registry.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeKeyCursor, LongCursor, toPage } from '../platform/cursor.js';
import { containsPattern } from '../platform/like.js';
import { toRegion } from './region.mapper.js';
import { membersOf, regionColumns } from './region-members.js';
import { regions } from './registry.table.js';

export const RegionPageQuery = RegionListQuery.extend({ cursor: LongCursor });

type RegionPage = { items: Region[]; nextCursor: string | null };

/**
 * Everyone reads the regions, often and the same pages, and the registry changes seldom: pages are kept
 * per process and served while the audit trail shows no write since (platform/read-cache.ts). A page can
 * hold 500 regions, so few are kept.
 */
const regionPages = createReadCache<RegionPage>({ maxEntries: 32 });

/**
 * Regions by name, each with all its memberships. Two queries per page whatever its size: the regions,
 * then the members of exactly those regions. Names are unique ignoring case (regions_name_unique), so the
 * lower-cased name orders the list, serves as the cursor and lets the index do the seeking.
 */
export async function listRegions(ctx: Ctx, raw: unknown): Promise<RegionPage> {
  authorize(ctx, everyone);
  const query = parse(RegionPageQuery, raw ?? {});
  const after = decodeKeyCursor(query.cursor, 1);
  const key = JSON.stringify([query.q ?? null, after, query.limit]);
  return regionPages.read(ctx, [cacheScope.registry], key, (reader) =>
    readPage(reader, query.q, after?.[0], query.limit),
  );
}

async function readPage(
  db: Db | Tx,
  q: string | undefined,
  after: string | undefined,
  limit: number,
): Promise<RegionPage> {
  const sortKey = sql<string>`lower(${regions.name})`;
  const rows = await db
    .select({ region: regionColumns, sortKey })
    .from(regions)
    .where(
      and(q ? ilike(regions.name, containsPattern(q)) : undefined, after ? gt(sortKey, after) : undefined),
    )
    .orderBy(asc(sortKey))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const members = await membersOf(
    db,
    shown.map((r) => r.region.id),
  );
  return toPage(
    rows,
    limit,
    (r) => toRegion(r.region, members.get(r.region.id) ?? []),
    (r) => [r.sortKey],
  );
}
