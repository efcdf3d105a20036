import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  AgreementInForce,
  Commitment,
  CommitmentDetail,
  CommitmentIndicator,
  CommitmentOwner,
  CommitmentQuery,
  ReportStatus,
  ReportValue,
  TimelineEntry,
} from '../../shared/contracts/follow-up.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { commitmentChanges, commitmentIndicators, commitments, indicatorGoals } from './commitment.table.js';
import { mayReportOn } from './commitment-rules.js';
import { commitmentReports, reportIndicatorValues, reportingRounds } from './reporting-round.table.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The columns a commitment's answer is built from, with its region, subject area and department. */
export const commitmentColumns = {
  row: commitments,
  regionId: regions.id,
  regionName: regions.name,
  subjectAreaName: subjectAreas.name,
  departmentName: departments.name,
};

export function selectCommitments(db: Db | Tx) {
  return db
    .select(commitmentColumns)
    .from(commitments)
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(subjectAreas, eq(subjectAreas.id, commitments.subjectAreaId))
    .leftJoin(departments, eq(departments.id, commitments.ownerDepartmentId));
}

export type CommitmentRow = Awaited<ReturnType<ReturnType<typeof selectCommitments>['execute']>>[number];

export function ownerOf(
  row: { ownerDepartmentId: string | null },
  departmentName: string | null,
): CommitmentOwner {
  return row.ownerDepartmentId
    ? { type: 'department', department: { id: row.ownerDepartmentId, name: departmentName ?? '' } }
    : { type: 'region' };
}

type Latest = Commitment['latestReport'];

/** Each commitment's latest submitted report: from the round with the latest deadline. */
async function latestReportsOf(db: Db | Tx, ids: string[]): Promise<Map<string, Latest>> {
  const latest = new Map<string, Latest>();
  if (ids.length === 0) return latest;
  const rows = await db
    .selectDistinctOn([commitmentReports.commitmentId], {
      commitmentId: commitmentReports.commitmentId,
      roundId: reportingRounds.id,
      roundName: reportingRounds.name,
      status: commitmentReports.status,
      progress: commitmentReports.progress,
      submittedAt: commitmentReports.submittedAt,
    })
    .from(commitmentReports)
    .innerJoin(reportingRounds, eq(reportingRounds.id, commitmentReports.roundId))
    .where(and(inArray(commitmentReports.commitmentId, ids), eq(commitmentReports.state, 'submitted')))
    .orderBy(commitmentReports.commitmentId, desc(reportingRounds.deadline), desc(reportingRounds.createdAt));
  for (const r of rows) {
    latest.set(r.commitmentId, {
      roundId: r.roundId,
      roundName: r.roundName,
      status: r.status as ReportStatus,
      progress: r.progress ?? 0,
      submittedAt: iso(r.submittedAt) ?? '',
    });
  }
  return latest;
}

export function toCommitment(r: CommitmentRow, latest: Latest): Commitment {
  const c = r.row;
  return {
    id: c.id,
    agreementId: c.agreementId,
    cycleId: c.cycleId,
    region: { id: r.regionId, name: r.regionName },
    subjectArea: { id: c.subjectAreaId, name: r.subjectAreaName },
    owner: ownerOf(c, r.departmentName),
    title: c.title,
    description: c.description,
    sourceContributionId: c.sourceContributionId,
    agreedElsewhere: c.agreedElsewhere,
    responsible: { userId: c.responsibleUserId, name: c.responsibleName },
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    budgetNok: c.budgetNok,
    needsSeparateDecision: c.needsSeparateDecision,
    state: c.state as Commitment['state'],
    latestReport: latest,
    version: c.version,
  };
}

/** Commitments with their latest report, in the order of region, subject area and title. */
export async function listCommitments(db: Db | Tx, query: CommitmentQuery): Promise<Commitment[]> {
  const where: SQL[] = [];
  if (query.cycleId) where.push(eq(commitments.cycleId, query.cycleId));
  if (query.agreementId) where.push(eq(commitments.agreementId, query.agreementId));
  if (query.regionId) where.push(eq(agreements.regionId, query.regionId));
  if (query.departmentId) where.push(eq(commitments.ownerDepartmentId, query.departmentId));
  const rows = await selectCommitments(db)
    .where(and(...where))
    .orderBy(asc(regions.name), asc(subjectAreas.position), asc(commitments.title), asc(commitments.id));
  const latest = await latestReportsOf(
    db,
    rows.map((r) => r.row.id),
  );
  return rows.map((r) => toCommitment(r, latest.get(r.row.id) ?? null));
}

/** The agreements of a cycle in force, by region name: those a commitment agreed elsewhere can be added to. */
export async function listAgreementsInForce(db: Db | Tx, cycleId: string): Promise<AgreementInForce[]> {
  const states = await politicalStatesOf(db, { cycleId });
  const ids = [...states].filter(([, state]) => state === 'in_force').map(([id]) => id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: agreements.id,
      regionId: regions.id,
      regionName: regions.name,
      periodFrom: agreements.periodFrom,
      periodTo: agreements.periodTo,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(inArray(agreements.id, ids))
    .orderBy(asc(regions.name), asc(agreements.id));
  return rows.map((r) => ({
    id: r.id,
    region: { id: r.regionId, name: r.regionName },
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
  }));
}

/** One commitment with its latest report. */
export async function loadCommitment(db: Db | Tx, id: string): Promise<Commitment> {
  const [row] = await selectCommitments(db).where(eq(commitments.id, id));
  if (!row) throw notFound();
  const latest = await latestReportsOf(db, [id]);
  return toCommitment(row, latest.get(id) ?? null);
}

/** The indicators of commitments, with their goals and the values of submitted reports, in order. */
export async function indicatorsOf(db: Db | Tx, ids: string[]): Promise<Map<string, CommitmentIndicator[]>> {
  const byCommitment = new Map<string, CommitmentIndicator[]>();
  if (ids.length === 0) return byCommitment;
  const rows = await db
    .select()
    .from(commitmentIndicators)
    .where(inArray(commitmentIndicators.commitmentId, ids))
    .orderBy(commitmentIndicators.position, commitmentIndicators.createdAt);
  const indicatorIds = rows.map((r) => r.id);
  const goals =
    indicatorIds.length === 0
      ? []
      : await db
          .select()
          .from(indicatorGoals)
          .where(inArray(indicatorGoals.indicatorId, indicatorIds))
          .orderBy(indicatorGoals.dueOn);
  const values =
    indicatorIds.length === 0
      ? []
      : await db
          .select({
            indicatorId: reportIndicatorValues.indicatorId,
            value: reportIndicatorValues.value,
            measuredOn: reportIndicatorValues.measuredOn,
            roundName: reportingRounds.name,
          })
          .from(reportIndicatorValues)
          .innerJoin(commitmentReports, eq(commitmentReports.id, reportIndicatorValues.reportId))
          .innerJoin(reportingRounds, eq(reportingRounds.id, commitmentReports.roundId))
          .where(
            and(
              inArray(reportIndicatorValues.indicatorId, indicatorIds),
              eq(commitmentReports.state, 'submitted'),
            ),
          )
          .orderBy(reportIndicatorValues.measuredOn);
  for (const r of rows) {
    const list = byCommitment.get(r.commitmentId) ?? [];
    list.push({
      id: r.id,
      name: r.name,
      unit: r.unit,
      direction: r.direction as CommitmentIndicator['direction'],
      baselineValue: r.baselineValue,
      baselineOn: r.baselineOn,
      targetValue: r.targetValue,
      targetOn: r.targetOn,
      goals: goals.filter((g) => g.indicatorId === r.id).map((g) => ({ value: g.value, dueOn: g.dueOn })),
      values: values
        .filter((v) => v.indicatorId === r.id)
        .map((v) => ({ value: v.value, measuredOn: v.measuredOn, roundName: v.roundName })),
      version: r.version,
    });
    byCommitment.set(r.commitmentId, list);
  }
  return byCommitment;
}

/** The values of reports, by report. */
export async function valuesOfReports(db: Db | Tx, reportIds: string[]): Promise<Map<string, ReportValue[]>> {
  const byReport = new Map<string, ReportValue[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .select()
    .from(reportIndicatorValues)
    .where(inArray(reportIndicatorValues.reportId, reportIds))
    .orderBy(reportIndicatorValues.measuredOn, reportIndicatorValues.indicatorId);
  for (const r of rows) {
    const list = byReport.get(r.reportId) ?? [];
    list.push({ indicatorId: r.indicatorId, value: r.value, measuredOn: r.measuredOn, unit: r.unit });
    byReport.set(r.reportId, list);
  }
  return byReport;
}

/** A commitment's timeline: its submitted reports, the round with the latest deadline first. */
export async function timelineOf(db: Db | Tx, commitmentId: string): Promise<TimelineEntry[]> {
  const submitter = alias(users, 'submitter');
  const rows = await db
    .select({
      report: commitmentReports,
      roundName: reportingRounds.name,
      deadline: reportingRounds.deadline,
      submittedByName: submitter.name,
    })
    .from(commitmentReports)
    .innerJoin(reportingRounds, eq(reportingRounds.id, commitmentReports.roundId))
    .leftJoin(submitter, eq(submitter.id, commitmentReports.submittedBy))
    .where(and(eq(commitmentReports.commitmentId, commitmentId), eq(commitmentReports.state, 'submitted')))
    .orderBy(desc(reportingRounds.deadline), desc(reportingRounds.createdAt));
  const values = await valuesOfReports(
    db,
    rows.map((r) => r.report.id),
  );
  return rows.map((r) => ({
    reportId: r.report.id,
    roundId: r.report.roundId,
    roundName: r.roundName,
    deadline: r.deadline,
    status: r.report.status as ReportStatus,
    progress: r.report.progress ?? 0,
    done: (r.report.done as RichTextDoc | null) ?? null,
    next: (r.report.next as RichTextDoc | null) ?? null,
    spentNok: r.report.spentNok,
    values: values.get(r.report.id) ?? [],
    submittedAt: iso(r.report.submittedAt) ?? '',
    submittedByName: r.submittedByName,
  }));
}

/** A commitment with its indicators, the changes made to it and its timeline of reports. */
export async function loadCommitmentDetail(db: Db | Tx, actor: Actor, id: string): Promise<CommitmentDetail> {
  const commitment = await loadCommitment(db, id);
  const indicators = (await indicatorsOf(db, [id])).get(id) ?? [];
  const changes = await db
    .select({ change: commitmentChanges, changedByName: users.name })
    .from(commitmentChanges)
    .leftJoin(users, eq(users.id, commitmentChanges.changedBy))
    .where(eq(commitmentChanges.commitmentId, id))
    .orderBy(desc(commitmentChanges.changedAt), desc(commitmentChanges.id));
  const ownership = {
    ownerDepartmentId: commitment.owner.type === 'department' ? commitment.owner.department.id : null,
    regionId: commitment.region.id,
  };
  return {
    ...commitment,
    indicators,
    changes: changes.map(({ change, changedByName }) => ({
      id: change.id,
      reason: change.reason,
      decisionReference: change.decisionReference,
      before: change.before,
      after: change.after,
      changedByName,
      changedAt: change.changedAt.toISOString(),
    })),
    timeline: await timelineOf(db, id),
    mayReport: mayReportOn(actor, ownership),
    mayChange: actor.role === 'admin',
  };
}
