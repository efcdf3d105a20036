import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ReportingRound,
  ReportStatus,
  RoundOwner,
  RoundRow,
  RoundStatus,
} from '../../shared/contracts/follow-up.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import type { Actor } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { commitments } from './commitment.table.js';
import { ownerOf } from './commitment-reads.js';
import { mayReportOn } from './commitment-rules.js';
import { commitmentReports, reportingRoundCommitments, reportingRounds } from './reporting-round.table.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Rounds, the latest deadline first, with how many commitments each covers and how many are submitted. */
export async function listRounds(
  db: Db | Tx,
  where?: { cycleId?: string; id?: string },
): Promise<ReportingRound[]> {
  const filters: SQL[] = [];
  if (where?.cycleId) filters.push(eq(reportingRounds.cycleId, where.cycleId));
  if (where?.id) filters.push(eq(reportingRounds.id, where.id));
  const covered = db
    .select({ roundId: reportingRoundCommitments.roundId, n: count().as('n') })
    .from(reportingRoundCommitments)
    .groupBy(reportingRoundCommitments.roundId)
    .as('covered');
  const submitted = db
    .select({ roundId: commitmentReports.roundId, n: count().as('submitted_n') })
    .from(commitmentReports)
    .where(eq(commitmentReports.state, 'submitted'))
    .groupBy(commitmentReports.roundId)
    .as('submitted');
  const rows = await db
    .select({
      round: reportingRounds,
      cycleName: cycles.name,
      commitments: sql<number>`coalesce(${covered.n}, 0)::int`,
      submitted: sql<number>`coalesce(${submitted.n}, 0)::int`,
    })
    .from(reportingRounds)
    .innerJoin(cycles, eq(cycles.id, reportingRounds.cycleId))
    .leftJoin(covered, eq(covered.roundId, reportingRounds.id))
    .leftJoin(submitted, eq(submitted.roundId, reportingRounds.id))
    .where(and(...filters))
    .orderBy(desc(reportingRounds.deadline), desc(reportingRounds.createdAt));
  return rows.map(({ round, cycleName, ...counts }) => ({
    id: round.id,
    cycleId: round.cycleId,
    cycleName,
    name: round.name,
    deadline: round.deadline,
    state: round.state as ReportingRound['state'],
    closedAt: iso(round.closedAt),
    publishedAt: iso(round.publishedAt),
    commitments: Number(counts.commitments),
    submitted: Number(counts.submitted),
    version: round.version,
  }));
}

export async function loadRound(db: Db | Tx, id: string): Promise<ReportingRound> {
  const [round] = await listRounds(db, { id });
  if (!round) throw notFound();
  return round;
}

const ownerKey = (row: RoundRow) =>
  row.commitment.owner.type === 'department'
    ? `department:${row.commitment.owner.department.id}`
    : `region:${row.commitment.region.id}`;

/**
 * A round's status: every commitment it covers with where its report stands, and each owner (a department,
 * or a region for its own commitments) with how many it has submitted, those with the most left first.
 */
export async function loadRoundStatus(db: Db | Tx, actor: Actor, id: string): Promise<RoundStatus> {
  const round = await loadRound(db, id);
  const submitter = alias(users, 'submitter');
  const rows = await db
    .select({
      commitment: commitments,
      regionId: regions.id,
      regionName: regions.name,
      subjectAreaName: subjectAreas.name,
      departmentName: departments.name,
      report: commitmentReports,
      submittedByName: submitter.name,
    })
    .from(reportingRoundCommitments)
    .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(subjectAreas, eq(subjectAreas.id, commitments.subjectAreaId))
    .leftJoin(departments, eq(departments.id, commitments.ownerDepartmentId))
    .leftJoin(
      commitmentReports,
      and(
        eq(commitmentReports.roundId, reportingRoundCommitments.roundId),
        eq(commitmentReports.commitmentId, reportingRoundCommitments.commitmentId),
      ),
    )
    .leftJoin(submitter, eq(submitter.id, commitmentReports.submittedBy))
    .where(eq(reportingRoundCommitments.roundId, id))
    .orderBy(asc(regions.name), asc(subjectAreas.position), asc(commitments.title), asc(commitments.id));
  const result: RoundRow[] = rows.map((r) => ({
    commitment: {
      id: r.commitment.id,
      title: r.commitment.title,
      region: { id: r.regionId, name: r.regionName },
      subjectArea: { id: r.commitment.subjectAreaId, name: r.subjectAreaName },
      owner: ownerOf(r.commitment, r.departmentName),
    },
    report: r.report
      ? {
          id: r.report.id,
          state: r.report.state as 'draft' | 'submitted',
          status: (r.report.status as ReportStatus | null) ?? null,
          progress: r.report.progress,
          submittedAt: iso(r.report.submittedAt),
          submittedByName: r.submittedByName,
          reopenedReason: r.report.reopenedReason,
          version: r.report.version,
        }
      : null,
    mayReport:
      round.state === 'open' &&
      mayReportOn(actor, { ownerDepartmentId: r.commitment.ownerDepartmentId, regionId: r.regionId }),
  }));
  const owners = new Map<string, RoundOwner>();
  for (const row of result) {
    const key = ownerKey(row);
    const owner = owners.get(key) ?? {
      owner: row.commitment.owner,
      region: row.commitment.owner.type === 'region' ? row.commitment.region : null,
      commitments: 0,
      submitted: 0,
    };
    owner.commitments++;
    if (row.report?.state === 'submitted') owner.submitted++;
    owners.set(key, owner);
  }
  const name = (o: RoundOwner) =>
    o.owner.type === 'department' ? o.owner.department.name : (o.region?.name ?? '');
  return {
    ...round,
    rows: result,
    owners: [...owners.values()].sort(
      (a, b) =>
        b.commitments - b.submitted - (a.commitments - a.submitted) || name(a).localeCompare(name(b), 'nb'),
    ),
    mayManage: actor.role === 'admin',
  };
}

/** The commitments of a round not yet submitted, with their owner's department and region. */
export async function unsubmittedOf(db: Db | Tx, roundId: string) {
  return db
    .select({
      commitmentId: commitments.id,
      ownerDepartmentId: commitments.ownerDepartmentId,
      regionId: agreements.regionId,
    })
    .from(reportingRoundCommitments)
    .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .leftJoin(
      commitmentReports,
      and(
        eq(commitmentReports.roundId, reportingRoundCommitments.roundId),
        eq(commitmentReports.commitmentId, reportingRoundCommitments.commitmentId),
      ),
    )
    .where(
      and(
        eq(reportingRoundCommitments.roundId, roundId),
        sql`(${commitmentReports.state} is null or ${commitmentReports.state} <> 'submitted')`,
      ),
    );
}
