import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { MeetingType } from '../../shared/contracts/meetings.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { hearingInputs, hearings } from '../hearings/hearing.table.js';
import { closedSql, osloTodaySql } from '../hearings/hearing-rules.js';
import { meetingAgreements, meetings } from '../meetings/meeting.table.js';
import { membersOf } from '../registry/region-members.js';
import { county, regions } from '../registry/registry.table.js';
import { specialPartVersions } from '../special-part/special-part.table.js';
import { versionsBehind } from './case-hearings.js';

/** What the case template says about one agreement of a batch, read from the live process. */
export type AgreementFacts = {
  id: string;
  regionId: string;
  regionName: string;
  periodFrom: string;
  periodTo: string;
  /** The member municipalities inside the county on the agreement's start date, by number. */
  parties: string[];
  generalPart: {
    id: string;
    number: number;
    state: string;
    approvedOn: string | null;
    caseNumber: string | null;
  };
  specialPart: { number: number; agreedOn: string } | null;
  /** The meetings held that concern the agreement, earliest first. */
  meetingsHeld: { type: MeetingType; date: string }[];
};

export type HearingFacts = {
  kind: 'informal' | 'formal';
  versionNumber: number;
  deadline: string;
  inputs: number;
  regionsAnswered: number;
};

export type BatchFacts = {
  countyName: string;
  cycleName: string;
  agreements: AgreementFacts[];
  /** The closed hearings behind the agreements' general part, the ones the case attaches (case-hearings.ts). */
  hearings: HearingFacts[];
};

const osloDay = sql`to_char(m.starts_at at time zone 'Europe/Oslo', 'YYYY-MM-DD')`;

/** The facts of a batch of agreements in a few queries, whatever its size, in the regions' name order. */
export async function loadBatchFacts(
  db: Db | Tx,
  cycleId: string,
  agreementIds: readonly string[],
): Promise<BatchFacts> {
  const [cycle] = await db.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, cycleId));
  const [owner] = await db.select({ name: county.name }).from(county);
  const rows = await db
    .select({
      id: agreements.id,
      regionId: agreements.regionId,
      regionName: regions.name,
      periodFrom: agreements.periodFrom,
      periodTo: agreements.periodTo,
      gp: {
        id: generalPartVersions.id,
        number: generalPartVersions.number,
        state: generalPartVersions.state,
        approvedOn: generalPartVersions.approvedOn,
        caseNumber: generalPartVersions.approvalCaseNumber,
      },
      spNumber: specialPartVersions.number,
      spAgreedOn: sql<
        string | null
      >`to_char(${specialPartVersions.agreedAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD')`,
      held: sql<
        { type: MeetingType; date: string }[]
      >`(select coalesce(json_agg(json_build_object('type', m.type, 'date', ${osloDay}) order by m.starts_at), '[]'::json) from ${meetingAgreements} ma join ${meetings} m on m.id = ma.meeting_id where ma.agreement_id = ${agreements.id} and m.state in ('held', 'minutes_for_comment', 'minutes_approved'))`,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, agreements.generalPartVersionId))
    .leftJoin(
      specialPartVersions,
      and(eq(specialPartVersions.agreementId, agreements.id), eq(specialPartVersions.state, 'agreed')),
    )
    .where(and(eq(agreements.cycleId, cycleId), inArray(agreements.id, [...agreementIds])))
    .orderBy(asc(regions.name));
  const members = await membersOf(
    db,
    rows.map((r) => r.regionId),
  );
  const versionIds = [...new Set(rows.map((r) => r.gp.id))];
  const hearingRows =
    versionIds.length === 0
      ? []
      : await db
          .select({
            kind: hearings.kind,
            versionNumber: generalPartVersions.number,
            deadline: hearings.deadline,
            inputs: count(hearingInputs.id),
            regionsAnswered: sql<number>`count(distinct ${hearingInputs.regionId})::int`,
          })
          .from(hearings)
          .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
          .leftJoin(hearingInputs, eq(hearingInputs.hearingId, hearings.id))
          .where(
            and(
              sql`${hearings.versionId} in ${versionsBehind(
                sql.join(
                  versionIds.map((id) => sql`${id}`),
                  sql`, `,
                ),
              )}`,
              closedSql(osloTodaySql),
            ),
          )
          .groupBy(hearings.id, generalPartVersions.number)
          .orderBy(asc(hearings.deadline));
  return {
    countyName: owner?.name ?? '',
    cycleName: cycle?.name ?? '',
    agreements: rows.map((r) => ({
      id: r.id,
      regionId: r.regionId,
      regionName: r.regionName,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      parties: (members.get(r.regionId) ?? [])
        .filter(
          (m) =>
            !m.outsideCounty &&
            m.validFrom <= r.periodFrom &&
            (m.validTo === null || m.validTo > r.periodFrom),
        )
        .map((m) => m.municipalityName),
      generalPart: r.gp,
      specialPart:
        r.spNumber !== null && r.spAgreedOn ? { number: r.spNumber, agreedOn: r.spAgreedOn } : null,
      meetingsHeld: r.held,
    })),
    hearings: hearingRows.map((h) => ({
      kind: h.kind as HearingFacts['kind'],
      versionNumber: h.versionNumber,
      deadline: h.deadline,
      inputs: Number(h.inputs),
      regionsAnswered: Number(h.regionsAnswered),
    })),
  };
}
