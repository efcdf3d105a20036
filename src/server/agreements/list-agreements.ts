import { eq } from 'drizzle-orm';
import { AgreementListQuery, type AgreementSummary } from '../../shared/contracts/agreements.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { listAgreementSummaries } from './agreement-reads.js';

type AgreementList = { items: AgreementSummary[]; nextCursor: null };

/**
 * The list with its counts reads every contribution of the cycle (167,000 in a national cycle), and the
 * agreements page and the matrix's readers open it again and again: kept while nothing is written. Everyone
 * signed in reads the same list, so the key is the cycle alone. The whole answer is kept, not only its
 * items, so that it is the cached value itself that goes out and is serialized and compressed once
 * (platform/http/cached-responses.ts): a national cycle's 1,200 summaries cost milliseconds to serialize.
 */
const lists = createReadCache<AgreementList | null>({ maxEntries: 32 });

/** The agreements of a cycle, by region name; everyone signed in reads them. */
export async function listAgreements(ctx: Ctx, raw: unknown): Promise<AgreementList> {
  const actx = authorize(ctx, everyone);
  const query = parse(AgreementListQuery, raw);
  const list = await lists.read(actx, [cacheScope.cycle(query.cycle)], query.cycle, async (reader) => {
    const [cycle] = await reader.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, query.cycle));
    return cycle ? { items: await listAgreementSummaries(reader, cycle.id), nextCursor: null } : null;
  });
  if (!list) throw notFound();
  return list;
}
