import { and, asc, gt, ilike, like, or } from 'drizzle-orm';
import { type Municipality, SearchQuery } from '../../shared/contracts/registry.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeKeyCursor, LongCursor, toPage } from '../platform/cursor.js';
import { containsPattern, prefixPattern } from '../platform/like.js';
import { toMunicipality } from './municipality.mapper.js';
import { municipalities } from './registry.table.js';

export const MunicipalityListQuery = SearchQuery.extend({ cursor: LongCursor });

/**
 * Municipalities in number order, optionally searched by name (anywhere in it) or number (from its start).
 * The number is unique, so it alone is the cursor.
 */
export async function listMunicipalities(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: Municipality[]; nextCursor: string | null }> {
  const { db } = authorize(ctx, everyone);
  const query = parse(MunicipalityListQuery, raw ?? {});
  const after = decodeKeyCursor(query.cursor, 1);
  const rows = await db
    .select()
    .from(municipalities)
    .where(
      and(
        query.q
          ? or(
              ilike(municipalities.name, containsPattern(query.q)),
              like(municipalities.number, prefixPattern(query.q)),
            )
          : undefined,
        after ? gt(municipalities.number, after[0] ?? '') : undefined,
      ),
    )
    .orderBy(asc(municipalities.number))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toMunicipality, (row) => [row.number]);
}
