import { inArray } from 'drizzle-orm';
import { CompareQuery } from '../../shared/contracts/document-versions.js';
import { type Comparison, type VersionRef, VersionState } from '../../shared/contracts/general-part.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { compareVersions } from './compare-versions.js';
import { generalPartVersions } from './general-part.table.js';
import { loadSections } from './version-reads.js';

/**
 * Comparing two versions of 50 pages takes tens of milliseconds of word diffing, and the same two are
 * compared by everyone who follows a revision: kept while nothing is written (an edit of a draft is).
 */
const comparisons = createReadCache<Comparison>({ maxEntries: 16 });

/** Any two versions (of one cycle or of two), section by section. Either unknown: 404. */
export async function compareGeneralPart(ctx: Ctx, raw: unknown): Promise<Comparison> {
  authorize(ctx, everyone);
  const query = parse(CompareQuery, raw);
  return comparisons.read(ctx, 'every scope', JSON.stringify([query.from, query.to]), (reader) =>
    compare(reader, query),
  );
}

async function compare(db: Db | Tx, query: CompareQuery): Promise<Comparison> {
  const rows = await db
    .select({
      id: generalPartVersions.id,
      cycleId: generalPartVersions.cycleId,
      number: generalPartVersions.number,
      state: generalPartVersions.state,
    })
    .from(generalPartVersions)
    .where(inArray(generalPartVersions.id, [query.from, query.to]));
  const refOf = (id: string): VersionRef => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound();
    return { ...row, state: VersionState.parse(row.state) };
  };
  const from = refOf(query.from);
  const to = refOf(query.to);
  const [fromSections, toSections] = await Promise.all([loadSections(db, from.id), loadSections(db, to.id)]);
  return { from, to, sections: compareVersions(fromSections, toSections) };
}
