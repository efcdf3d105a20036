import { inArray } from 'drizzle-orm';
import { CompareQuery } from '../../shared/contracts/document-versions.js';
import type { SpecialPartComparison, SpecialPartState } from '../../shared/contracts/special-part.js';
import { compareVersions } from '../general-part/compare-versions.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError, notFound } from '../platform/errors.js';
import { specialPartVersions } from './special-part.table.js';
import { contributionsOf, loadSections } from './special-part-reads.js';

/**
 * Two versions of one agreement's special part, section by section, with the general part's compare. The
 * contributions section takes part as its generated text: frozen for a sent or agreed version, live for a
 * draft, so a comparison shows which contributions came, went or changed between two versions.
 */
export async function compareSpecialPartVersions(ctx: Ctx, raw: unknown): Promise<SpecialPartComparison> {
  const { db } = authorize(ctx, everyone);
  const query = parse(CompareQuery, raw);
  const rows = await db
    .select()
    .from(specialPartVersions)
    .where(inArray(specialPartVersions.id, [query.from, query.to]));
  const rowOf = (id: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound();
    return row;
  };
  const from = rowOf(query.from);
  const to = rowOf(query.to);
  if (from.agreementId !== to.agreementId) throw fieldError('to', 'validation.differentAgreements');
  const sectionsOf = async (row: typeof from) => loadSections(db, row.id, await contributionsOf(db, row));
  const [fromSections, toSections] = await Promise.all([sectionsOf(from), sectionsOf(to)]);
  const ref = (row: typeof from) => ({
    id: row.id,
    agreementId: row.agreementId,
    number: row.number,
    state: row.state as SpecialPartState,
  });
  return { from: ref(from), to: ref(to), sections: compareVersions(fromSections, toSections) };
}
