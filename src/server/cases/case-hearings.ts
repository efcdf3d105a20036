import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { HearingKind } from '../../shared/contracts/hearings.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { hearings } from '../hearings/hearing.table.js';
import { closedSql, osloTodaySql } from '../hearings/hearing-rules.js';
import { caseAgreements } from './case.table.js';

/**
 * The general part versions whose hearings a text rests on, as a subquery of ids: each pinned version, and
 * the drafts it was made from (`based_on_version_id`) back to the version approved before it, which is not
 * taken. So a version approved as it went on hearing brings its own hearing; a version written after a
 * hearing to take its input in brings the hearing of the draft before it; a version approved without any
 * hearing since the last approval brings none, whatever hearings the cycle held on other versions.
 */
export function versionsBehind(pinned: SQL): SQL {
  return sql`(with recursive behind(id, based_on) as (
    select v.id, v.based_on_version_id from ${generalPartVersions} v where v.id in (${pinned})
    union
    select p.id, p.based_on_version_id from behind b join ${generalPartVersions} p on p.id = b.based_on
    where p.approved_on is null
  ) select id from behind)`;
}

/** The general part versions a case's agreements are pinned to, as a subquery of ids. */
const pinnedByCase = (caseId: string) =>
  sql`select a.general_part_version_id from ${caseAgreements} ca join ${agreements} a on a.id = ca.agreement_id where ca.case_id = ${caseId}`;

export type CaseHearing = { hearingId: string; kind: HearingKind; versionNumber: number; deadline: string };

/**
 * The closed hearings behind the general part a case's agreements are pinned to ({@link versionsBehind}),
 * earliest deadline first: the hearings whose input summaries the case attaches. A hearing still open is
 * left out, so a case never carries a draft summary.
 */
export async function closedHearingsOfCase(db: Db | Tx, caseId: string): Promise<CaseHearing[]> {
  const rows = await db
    .select({
      hearingId: hearings.id,
      kind: hearings.kind,
      versionNumber: generalPartVersions.number,
      deadline: hearings.deadline,
    })
    .from(hearings)
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
    .where(
      and(sql`${hearings.versionId} in ${versionsBehind(pinnedByCase(caseId))}`, closedSql(osloTodaySql)),
    )
    .orderBy(asc(hearings.deadline), asc(hearings.id));
  return rows.map((h) => ({ ...h, kind: h.kind as HearingKind }));
}
