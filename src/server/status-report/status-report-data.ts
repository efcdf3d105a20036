import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { MeetingType } from '../../shared/contracts/meetings.js';
import type {
  AgreementPhase,
  EvidenceKind,
  MilestoneStage,
  MilestoneState,
} from '../../shared/contracts/milestones.js';
import { fromOsloParts, osloParts, toOsloIso } from '../../shared/contracts/oslo-time.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import { contributionStatusChanges, contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { meetingAgreements, meetings } from '../meetings/meeting.table.js';
import { agreementMilestones } from '../milestones/milestone.table.js';
import { evidenceOf, noEvidenceFacts } from '../milestones/milestone-evidence.js';
import { phaseOf, stateOf } from '../milestones/milestone-phase.js';
import { evidenceFactsOf } from '../milestones/milestone-reads.js';
import { databaseNow } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { county, departments, regions } from '../registry/registry.table.js';

/**
 * Everything the status report prints, without words of its own (status-report-model.ts writes them). Read
 * for the whole cycle in a fixed number of queries, whatever the number of regions: the cycle, the county
 * and the clock, the agreements, their milestones, the milestones' evidence (the milestones feature's own
 * query), the meetings with the agreements they concern, the contribution counts, and the agreed changes
 * in the status history since the date.
 */
export type StatusReportData = {
  county: string;
  cycle: { id: string; name: string; periodFrom: string; periodTo: string };
  /** The first day told about (YYYY-MM-DD, Oslo). */
  since: string;
  /** When the report was made, Oslo time with its offset, and that day. */
  madeAt: string;
  today: string;
  /** Meetings that concern no agreement (the county's kickoff, say), told once for the cycle. */
  cycleMeetings: { held: ReportMeeting[]; planned: ReportMeeting[] };
  /** One per agreement of the cycle, by region name. */
  regions: RegionStatus[];
};

export type ReportMeeting = { startsAt: string; type: MeetingType; title: string };

export type ReportMilestone = {
  name: string;
  stage: MilestoneStage;
  optional: boolean;
  /** As it stands: done when its evidence holds (milestone-phase.ts, stateOf). */
  state: MilestoneState;
  plannedDate: string | null;
  /** The day it was completed (Oslo): by its evidence, or the date recorded by hand; null while open. */
  completedOn: string | null;
};

export type RegionStatus = {
  agreementId: string;
  region: string;
  phase: AgreementPhase;
  regionReady: boolean;
  /** In the agreement's order. */
  milestones: ReportMilestone[];
  /** Held (or further, minutes written) from `since` on, oldest first. */
  meetingsHeld: ReportMeeting[];
  /** Planned from now on, soonest first. */
  meetingsPlanned: ReportMeeting[];
  contributions: { total: number; agreed: number };
  /** Agreed from `since` on and agreed still, each dated by its latest change to agreed, oldest first. */
  agreedSince: { on: string; title: string; owner: string }[];
};

const heldStates = ['held', 'minutes_for_comment', 'minutes_approved'];

const osloDay = (at: Date | string) => osloParts(typeof at === 'string' ? at : at.toISOString()).date;

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Reads a cycle's status since a day (YYYY-MM-DD); 404 when there is no such cycle. */
export async function loadStatusReportData(
  db: Db | Tx,
  cycleId: string,
  since: string,
): Promise<StatusReportData> {
  const [cycle] = await db
    .select({ id: cycles.id, name: cycles.name, periodFrom: cycles.periodFrom, periodTo: cycles.periodTo })
    .from(cycles)
    .where(eq(cycles.id, cycleId));
  if (!cycle) throw notFound();
  const [owner] = await db.select({ name: county.name }).from(county);
  const now = await databaseNow(db);
  const sinceAt = new Date(fromOsloParts(since, '00:00') ?? `${since}T00:00:00Z`);

  const agreementRows = await db
    .select({ id: agreements.id, region: regions.name, ready: agreements.regionReady })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.cycleId, cycleId))
    .orderBy(asc(regions.name), asc(agreements.id));

  const milestoneRows = await db
    .select({
      agreementId: agreementMilestones.agreementId,
      name: agreementMilestones.name,
      stage: agreementMilestones.stage,
      optional: agreementMilestones.optional,
      state: agreementMilestones.state,
      evidence: agreementMilestones.evidence,
      plannedDate: agreementMilestones.plannedDate,
      actualDate: agreementMilestones.actualDate,
      doneAt: agreementMilestones.doneAt,
    })
    .from(agreementMilestones)
    .innerJoin(agreements, eq(agreements.id, agreementMilestones.agreementId))
    .where(eq(agreements.cycleId, cycleId))
    .orderBy(asc(agreementMilestones.position), asc(agreementMilestones.createdAt));
  const facts = await evidenceFactsOf(db, { cycleId });
  const political = await politicalStatesOf(db, { cycleId });

  // Held since the day, or planned from now on; cancelled ones and the past still planned are not news.
  const meetingRows = await db
    .select({
      id: meetings.id,
      type: meetings.type,
      title: meetings.title,
      startsAt: meetings.startsAt,
      state: meetings.state,
      agreementIds: sql<
        string[] | null
      >`(select array_agg(${meetingAgreements.agreementId}) from ${meetingAgreements} where ${meetingAgreements.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.cycleId, cycleId),
        sql`((${meetings.state} in ('held', 'minutes_for_comment', 'minutes_approved') and ${meetings.startsAt} >= ${sinceAt.toISOString()}) or (${meetings.state} = 'planned' and ${meetings.startsAt} >= ${now.toISOString()}))`,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.title));

  const counts = await db
    .select({
      agreementId: contributions.agreementId,
      total: sql<number>`count(*)::int`,
      agreed: sql<number>`(count(*) filter (where ${contributions.status} = 'agreed'))::int`,
    })
    .from(contributions)
    .where(eq(contributions.cycleId, cycleId))
    .groupBy(contributions.agreementId);

  const agreedRows = await db
    .select({
      contributionId: contributions.id,
      agreementId: contributions.agreementId,
      title: contributions.title,
      department: departments.name,
      region: regions.name,
      changedAt: contributionStatusChanges.changedAt,
    })
    .from(contributionStatusChanges)
    .innerJoin(contributions, eq(contributions.id, contributionStatusChanges.contributionId))
    .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .leftJoin(departments, eq(departments.id, contributions.ownerDepartmentId))
    .where(
      and(
        eq(contributions.cycleId, cycleId),
        eq(contributions.status, 'agreed'),
        eq(contributionStatusChanges.toStatus, 'agreed'),
        gte(contributionStatusChanges.changedAt, sinceAt),
      ),
    )
    .orderBy(asc(contributionStatusChanges.changedAt), asc(contributions.title));

  const milestonesOf = groupBy(milestoneRows, (m) => m.agreementId);
  const countsOf = new Map(counts.map((c) => [c.agreementId, c]));
  // The latest change to agreed of each contribution: one agreed twice is told once, at its last.
  const latestAgreed = new Map<string, (typeof agreedRows)[number]>();
  for (const r of agreedRows) {
    latestAgreed.delete(r.contributionId);
    latestAgreed.set(r.contributionId, r);
  }
  const agreedOf = groupBy([...latestAgreed.values()], (r) => r.agreementId);
  const toMeeting = (m: (typeof meetingRows)[number]): ReportMeeting => ({
    startsAt: toOsloIso(m.startsAt),
    type: m.type as MeetingType,
    title: m.title,
  });
  const meetingsOf = new Map<string, { held: ReportMeeting[]; planned: ReportMeeting[] }>();
  const cycleMeetings = { held: [] as ReportMeeting[], planned: [] as ReportMeeting[] };
  for (const m of meetingRows) {
    const which = heldStates.includes(m.state) ? 'held' : 'planned';
    const ids = m.agreementIds ?? [];
    if (ids.length === 0) cycleMeetings[which].push(toMeeting(m));
    for (const id of ids) {
      const own = meetingsOf.get(id) ?? { held: [], planned: [] };
      own[which].push(toMeeting(m));
      meetingsOf.set(id, own);
    }
  }

  const regionsStatus = agreementRows.map((a): RegionStatus => {
    const own = facts.get(a.id) ?? noEvidenceFacts;
    const milestones = (milestonesOf.get(a.id) ?? []).map((m): ReportMilestone => {
      const evidence = evidenceOf(m.evidence as EvidenceKind | null, own);
      const state = stateOf(m.state as MilestoneState, evidence);
      const byEvidence = evidence?.met && evidence.at ? osloDay(evidence.at) : null;
      const byHand = m.actualDate ?? (m.doneAt ? osloDay(m.doneAt) : null);
      return {
        name: m.name,
        stage: m.stage as MilestoneStage,
        optional: m.optional,
        state,
        plannedDate: m.plannedDate,
        completedOn: state === 'done' ? (byEvidence ?? byHand) : null,
      };
    });
    const count = countsOf.get(a.id);
    const meetingsOfAgreement = meetingsOf.get(a.id);
    return {
      agreementId: a.id,
      region: a.region,
      phase: phaseOf({
        milestones,
        regionReady: a.ready,
        specialPartAgreed: own.agreedSpecialPart !== null,
        political: political.get(a.id) ?? null,
      }),
      regionReady: a.ready,
      milestones,
      meetingsHeld: meetingsOfAgreement?.held ?? [],
      meetingsPlanned: meetingsOfAgreement?.planned ?? [],
      contributions: { total: Number(count?.total ?? 0), agreed: Number(count?.agreed ?? 0) },
      agreedSince: (agreedOf.get(a.id) ?? []).map((r) => ({
        on: osloDay(r.changedAt),
        title: r.title,
        owner: r.department ?? r.region,
      })),
    };
  });

  return {
    county: owner?.name ?? '',
    cycle,
    since,
    madeAt: toOsloIso(now),
    today: osloDay(now),
    cycleMeetings,
    regions: regionsStatus,
  };
}
