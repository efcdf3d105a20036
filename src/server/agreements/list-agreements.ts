import { eq } from 'drizzle-orm';
import { type AgreementList, AgreementListQuery } from '../../shared/contracts/agreements.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { derivedValue } from '../platform/read-cache.js';
import { agreementListPage } from './agreement-list-page.js';
import { listAgreementSummaries } from './agreement-reads.js';

/**
 * The list with its counts reads every contribution of the cycle (167,000 in a national cycle), and the
 * agreements page and the matrix's readers open it again and again: kept while nothing is written. Everyone
 * signed in reads the same list, so the key is the cycle alone. The whole answer is kept, not only its
 * items, so that it is the cached value itself that goes out and is serialized and compressed once
 * (platform/http/cached-responses.ts); the table's pages are made from it and kept with it.
 */
const lists = createReadCache<AgreementList | null>({ maxEntries: 32 });

/**
 * The agreements of a cycle; everyone signed in reads them. Without `limit` or any other parameter, every
 * agreement by region name, as the lists that choose among them need it; otherwise the page the
 * agreements table asks for (agreement-list-page.ts), a region contact's own agreement first.
 */
export async function listAgreements(ctx: Ctx, raw: unknown): Promise<AgreementList> {
  const { actor } = authorize(ctx, everyone);
  const query = parse(AgreementListQuery, raw);
  const list = await lists.read(ctx, [cacheScope.cycle(query.cycle)], query.cycle, async (reader) => {
    const [cycle] = await reader.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, query.cycle));
    if (!cycle) return null;
    const items = await listAgreementSummaries(reader, cycle.id);
    return { items, nextCursor: null, total: items.length, matching: items.length };
  });
  if (!list) throw notFound();
  const plain =
    query.limit === undefined && !query.q && !query.cursor && query.sort === 'region' && query.dir === 'asc';
  if (plain) return list;
  const ownRegionId = query.limit !== undefined && actor.role === 'region' ? actor.regionId : null;
  const { cycle: _cycle, ...page } = query;
  return derivedValue(list, JSON.stringify({ ...page, ownRegionId }), () =>
    agreementListPage(list.items, { ...query, limit: query.limit ?? list.items.length }, ownRegionId),
  );
}
