import { and, asc, ilike, or, sql } from 'drizzle-orm';
import { type Person, SearchQuery } from '../../shared/contracts/registry.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeKeyCursorWithId, LongCursor, toPage } from '../platform/cursor.js';
import { containsPattern } from '../platform/like.js';
import { toPerson } from './person.mapper.js';
import { people } from './registry.table.js';

export const PersonListQuery = SearchQuery.extend({ cursor: LongCursor });

/**
 * People by name, searched in name, e-mail and organisation. Names repeat, so the id breaks ties in both
 * the order and the cursor.
 */
export async function listPeople(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: Person[]; nextCursor: string | null }> {
  const { db } = authorize(ctx, everyone);
  const query = parse(PersonListQuery, raw ?? {});
  const after = decodeKeyCursorWithId(query.cursor, 2);
  const pattern = query.q ? containsPattern(query.q) : null;
  const rows = await db
    .select()
    .from(people)
    .where(
      and(
        pattern
          ? or(ilike(people.name, pattern), ilike(people.email, pattern), ilike(people.organisation, pattern))
          : undefined,
        after ? sql`(${people.name}, ${people.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toPerson, (row) => [row.name, row.id]);
}
