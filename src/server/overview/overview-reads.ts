import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { countyInternalTypes } from '../../shared/contracts/meetings.js';
import type { EvidenceKind, MilestoneStage, MilestoneState } from '../../shared/contracts/milestones.js';
import { fromOsloParts, osloParts } from '../../shared/contracts/oslo-time.js';
import {
  type Overview,
  type OverviewMeeting,
  type OverviewMilestone,
  type OverviewRow,
  overviewDictionaries,
  shortId,
} from '../../shared/contracts/overview.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { agreementMilestones } from '../milestones/milestone.table.js';
import { evidenceOf, noEvidenceFacts } from '../milestones/milestone-evidence.js';
import { phaseOf, phaseStartOf, stateOf } from '../milestones/milestone-phase.js';
import { evidenceFactsOf } from '../milestones/milestone-reads.js';
import { regions } from '../registry/registry.table.js';

/**
 * Whose overview: the county's (every agreement of the cycle, every meeting) or one region contact's (their
 * region's agreement only, and never the county's internal meetings, as the meetings' own reads decide).
 */
export type OverviewReader = { kind: 'county' } | { kind: 'region'; regionId: string };

/** The calendar day in Oslo of an instant. */
export const osloDateOf = (at: Date | string) =>
  osloParts(typeof at === 'string' ? at : at.toISOString()).date;

/** The agreement's outer id, qualified: inside a subquery an unqualified "id" is the subquery's own. */
const outerAgreementId = sql.raw('"agreements"."id"');

type MeetingJson = { title: string; type: string; startsAt: string };

/** The places of the dictionaries' labels, for the rows. */
const placeOf = <T extends string>(labels: readonly T[]) => {
  const places = new Map<string, number>(labels.map((label, i) => [label, i]));
  return (label: string) => {
    const place = places.get(label);
    if (place === undefined) throw new Error(`not in the overview's dictionary: ${label}`);
    return place;
  };
};
const phasePlace = placeOf(overviewDictionaries.phases);
const statePlace = placeOf(overviewDictionaries.milestoneStates);
const typePlace = placeOf(overviewDictionaries.meetingTypes);

/** A meeting as the overview sends it: its type's place, its title, and its start on Oslo's wall clock. */
const toMeeting = (m: MeetingJson | null): OverviewMeeting | null => {
  if (!m) return null;
  const { date, time } = osloParts(m.startsAt);
  return [typePlace(m.type), m.title, `${date}T${time}`];
};

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The overview of a cycle as `reader` sees it on the Oslo day `today`, or null for an unknown cycle, in the
 * contract's compact shape (shared/contracts/overview.ts). Seven
 * queries whatever the number of agreements (eleven once some are in political cases): the cycle, its
 * agreements, their milestones, the evidence facts (one query, milestone-reads.ts), the political states
 * (adoption/political-state.ts), the contributions counted by status, and per agreement its open actions
 * and last and next meeting. The phase and the milestones' states come from the milestones' own
 * pure functions, so the overview never says other than the agreement's Fremdrift tab.
 */
export async function loadOverview(
  db: Db | Tx,
  cycleId: string,
  reader: OverviewReader,
  today: string,
): Promise<Overview | null> {
  const [cycle] = await db
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(eq(cycles.id, cycleId));
  if (!cycle) return null;
  const inScope: SQL | undefined = and(
    eq(agreements.cycleId, cycle.id),
    reader.kind === 'region' ? eq(agreements.regionId, reader.regionId) : undefined,
  );
  const agreementRows = await db
    .select({
      id: agreements.id,
      regionName: regions.name,
      createdAt: agreements.createdAt,
      ready: agreements.regionReady,
      readyAt: agreements.regionReadyMarkedAt,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(inScope)
    .orderBy(asc(regions.name), asc(regions.id));
  const dictionaries = {
    phases: [...overviewDictionaries.phases],
    milestoneStates: [...overviewDictionaries.milestoneStates],
    meetingTypes: [...overviewDictionaries.meetingTypes],
  };
  if (agreementRows.length === 0) {
    return {
      cycle,
      today,
      ...dictionaries,
      milestoneNames: [],
      rows: [],
      total: 0,
      matching: 0,
      nextCursor: null,
    };
  }
  // A region has one agreement in a cycle: a region contact's reads are that agreement's.
  const only = reader.kind === 'region' ? agreementRows[0]?.id : undefined;

  const milestoneRows = await db
    .select({
      agreementId: agreementMilestones.agreementId,
      name: agreementMilestones.name,
      stage: agreementMilestones.stage,
      evidence: agreementMilestones.evidence,
      optional: agreementMilestones.optional,
      state: agreementMilestones.state,
      plannedDate: agreementMilestones.plannedDate,
      actualDate: agreementMilestones.actualDate,
      doneAt: agreementMilestones.doneAt,
    })
    .from(agreementMilestones)
    .innerJoin(agreements, eq(agreements.id, agreementMilestones.agreementId))
    .where(inScope)
    .orderBy(
      asc(agreementMilestones.agreementId),
      asc(agreementMilestones.position),
      asc(agreementMilestones.createdAt),
    );
  const facts = await evidenceFactsOf(db, only ? { agreementId: only } : { cycleId: cycle.id });
  const political = await politicalStatesOf(db, only ? { agreementId: only } : { cycleId: cycle.id });

  const c = contributions;
  const counted = await db
    .select({
      agreementId: c.agreementId,
      proposed: sql<number>`(count(*) filter (where ${c.status} = 'proposed'))::int`,
      discussed: sql<number>`(count(*) filter (where ${c.status} = 'discussed'))::int`,
      agreed: sql<number>`(count(*) filter (where ${c.status} = 'agreed'))::int`,
      dropped: sql<number>`(count(*) filter (where ${c.status} = 'dropped'))::int`,
    })
    .from(c)
    .where(only ? eq(c.agreementId, only) : eq(c.cycleId, cycle.id))
    .groupBy(c.agreementId);

  const meetingsByAgreement = await meetingFactsOf(db, inScope, reader, today);

  const milestonesOf = new Map<string, typeof milestoneRows>();
  for (const m of milestoneRows) {
    const list = milestonesOf.get(m.agreementId);
    if (list) list.push(m);
    else milestonesOf.set(m.agreementId, [m]);
  }
  const countsOf = new Map(counted.map((r) => [r.agreementId, r]));
  const names = new Map<string, number>();
  const nameIndex = (name: string) => {
    let place = names.get(name);
    if (place === undefined) {
      place = names.size;
      names.set(name, place);
    }
    return place;
  };

  const rows: OverviewRow[] = agreementRows.map((a) => {
    const own = facts.get(a.id) ?? noEvidenceFacts;
    const milestones = (milestonesOf.get(a.id) ?? []).map((m) => {
      const evidence = evidenceOf(m.evidence as EvidenceKind | null, own);
      const state = stateOf(m.state as MilestoneState, evidence);
      const complete = state === 'done' || state === 'not_applicable';
      const doneDate = !complete
        ? null
        : (m.actualDate ??
          (evidence?.met && evidence.at ? osloDateOf(evidence.at) : null) ??
          (state === 'done' && m.doneAt ? osloDateOf(m.doneAt) : null));
      return {
        name: m.name,
        stage: m.stage as MilestoneStage,
        optional: m.optional,
        state,
        plannedDate: m.plannedDate,
        doneDate,
      };
    });
    const specialPartAgreedOn = own.agreedSpecialPart ? osloDateOf(own.agreedSpecialPart.agreedAt) : null;
    const phase = phaseOf({
      milestones,
      regionReady: a.ready,
      specialPartAgreed: specialPartAgreedOn !== null,
      political: political.get(a.id) ?? null,
    });
    const phaseSince = phaseStartOf({
      phase,
      milestones,
      createdOn: osloDateOf(a.createdAt),
      regionReadyOn: a.ready && a.readyAt ? osloDateOf(a.readyAt) : null,
      specialPartAgreedOn,
    });
    const isOpen = (m: (typeof milestones)[number]) => m.state !== 'done' && m.state !== 'not_applicable';
    const nextRequired = milestones.findIndex((m) => isOpen(m) && !m.optional);
    const next = nextRequired >= 0 ? nextRequired : milestones.findIndex(isOpen);
    const counts = countsOf.get(a.id);
    const meetingFacts = meetingsByAgreement.get(a.id);
    return [
      shortId(a.id),
      a.regionName,
      phasePlace(phase),
      phaseSince,
      a.ready,
      next >= 0 ? next : null,
      [counts?.proposed ?? 0, counts?.discussed ?? 0, counts?.agreed ?? 0, counts?.dropped ?? 0],
      meetingFacts?.openActions ?? 0,
      meetingFacts?.last ?? null,
      meetingFacts?.next ?? null,
      milestones.map(
        (m): OverviewMilestone => [nameIndex(m.name), statePlace(m.state), m.plannedDate, m.doneDate],
      ),
    ];
  });
  return {
    cycle,
    today,
    ...dictionaries,
    milestoneNames: [...names.keys()],
    rows,
    total: rows.length,
    matching: rows.length,
    nextCursor: null,
  };
}

/**
 * Per agreement in scope, in one query: the open actions of the meetings that concern it, and its last
 * meeting before today and its first from today on (cancelled ones aside), each a subquery on the meeting
 * agreements' index by agreement. A region contact's overview leaves out the county's internal meetings.
 */
async function meetingFactsOf(db: Db | Tx, inScope: SQL | undefined, reader: OverviewReader, today: string) {
  const dayStart = fromOsloParts(today, '00:00');
  if (!dayStart) throw new Error(`not a day: ${today}`);
  const visible =
    reader.kind === 'region'
      ? sql`and m.type not in (${sql.join(
          countyInternalTypes.map((type) => sql`${type}`),
          sql`, `,
        )})`
      : sql``;
  const meeting = (when: SQL, order: SQL) => sql`(
    select json_build_object('title', m.title, 'type', m.type, 'startsAt', m.starts_at)
    from meeting_agreements ma join meetings m on m.id = ma.meeting_id
    where ma.agreement_id = ${outerAgreementId} and m.state <> 'cancelled' and ${when} ${visible}
    order by ${order}, m.id limit 1)`;
  const rows = await db
    .select({
      id: agreements.id,
      openActions: sql<number>`(
        select count(*)::int
        from meeting_agreements ma join meetings m on m.id = ma.meeting_id
        join meeting_outcomes o on o.meeting_id = m.id
        where ma.agreement_id = ${outerAgreementId} and o.kind = 'action' and o.done_at is null ${visible})`,
      last: meeting(sql`m.starts_at < ${dayStart}::timestamptz`, sql`m.starts_at desc`),
      next: meeting(sql`m.starts_at >= ${dayStart}::timestamptz`, sql`m.starts_at asc`),
    })
    .from(agreements)
    .where(inScope);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        openActions: Number(r.openActions),
        last: toMeeting(json<MeetingJson | null>(r.last)),
        next: toMeeting(json<MeetingJson | null>(r.next)),
      },
    ]),
  );
}
