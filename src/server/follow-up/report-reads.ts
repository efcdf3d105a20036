import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CommitmentReport, ReportStatus } from '../../shared/contracts/follow-up.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { users } from '../users/user.table.js';
import { indicatorsOf, loadCommitment, valuesOfReports } from './commitment-reads.js';
import { mayReportOn } from './commitment-rules.js';
import { commitmentReports, reportingRoundCommitments, reportingRounds } from './reporting-round.table.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * One commitment's report in one round, with the commitment and its indicators. A draft is shown to those
 * who may write it, the admin and the viewers; to others it is as if nothing were written yet.
 */
export async function loadReport(
  db: Db | Tx,
  actor: Actor,
  roundId: string,
  commitmentId: string,
): Promise<CommitmentReport> {
  const [round] = await db
    .select({ round: reportingRounds })
    .from(reportingRoundCommitments)
    .innerJoin(reportingRounds, eq(reportingRounds.id, reportingRoundCommitments.roundId))
    .where(
      and(
        eq(reportingRoundCommitments.roundId, roundId),
        eq(reportingRoundCommitments.commitmentId, commitmentId),
      ),
    );
  if (!round) throw notFound();
  const commitment = await loadCommitment(db, commitmentId);
  const indicators = (await indicatorsOf(db, [commitmentId])).get(commitmentId) ?? [];
  const submitter = alias(users, 'submitter');
  const [row] = await db
    .select({ report: commitmentReports, submittedByName: submitter.name })
    .from(commitmentReports)
    .leftJoin(submitter, eq(submitter.id, commitmentReports.submittedBy))
    .where(and(eq(commitmentReports.roundId, roundId), eq(commitmentReports.commitmentId, commitmentId)));
  const owns = mayReportOn(actor, {
    ownerDepartmentId: commitment.owner.type === 'department' ? commitment.owner.department.id : null,
    regionId: commitment.region.id,
  });
  const open = round.round.state === 'open';
  const seesDraft = owns || actor.role === 'viewer';
  const report = row && (row.report.state === 'submitted' || seesDraft) ? row.report : null;
  const values = report ? ((await valuesOfReports(db, [report.id])).get(report.id) ?? []) : [];
  return {
    roundId,
    roundName: round.round.name,
    roundState: round.round.state as CommitmentReport['roundState'],
    deadline: round.round.deadline,
    commitment,
    indicators,
    report: report
      ? {
          id: report.id,
          state: report.state as 'draft' | 'submitted',
          status: (report.status as ReportStatus | null) ?? null,
          progress: report.progress,
          done: (report.done as RichTextDoc | null) ?? null,
          next: (report.next as RichTextDoc | null) ?? null,
          spentNok: report.spentNok,
          values,
          submittedAt: iso(report.submittedAt),
          submittedByName: row?.submittedByName ?? null,
          reopenedReason: report.reopenedReason,
          reopenedAt: iso(report.reopenedAt),
          version: report.version,
        }
      : null,
    mayWrite: open && owns && commitment.state === 'active' && row?.report.state !== 'submitted',
    mayReopen: open && actor.role === 'admin' && row?.report.state === 'submitted',
  };
}
