import { inArray } from 'drizzle-orm';
import {
  CompareQuery,
  type Comparison,
  type VersionRef,
  VersionState,
} from '../../shared/contracts/general-part.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { compareVersions } from './compare-versions.js';
import { documentVersions } from './general-part.table.js';
import { loadSections } from './version-reads.js';

/** Any two versions (of one cycle or of two), section by section. Either unknown: 404. */
export async function compareGeneralPart(ctx: Ctx, raw: unknown): Promise<Comparison> {
  const { db } = authorize(ctx, everyone);
  const query = parse(CompareQuery, raw);
  const rows = await db
    .select({
      id: documentVersions.id,
      cycleId: documentVersions.cycleId,
      number: documentVersions.number,
      state: documentVersions.state,
    })
    .from(documentVersions)
    .where(inArray(documentVersions.id, [query.from, query.to]));
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
