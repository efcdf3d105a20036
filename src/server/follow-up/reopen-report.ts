import { and, eq } from 'drizzle-orm';
import { type CommitmentReport, ReopenReportInput } from '../../shared/contracts/follow-up.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, notFound, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadReport } from './report-reads.js';
import { commitmentReports, reportingRounds } from './reporting-round.table.js';

/**
 * Reopens a submitted report in an open round, with the reason the owner will see: it becomes a draft its
 * owner may change and submit again. The admin only.
 */
export async function reopenReport(
  ctx: Ctx,
  roundId: string,
  commitmentId: string,
  raw: unknown,
): Promise<CommitmentReport> {
  const actx = authorize(ctx, adminOnly);
  assertId(roundId);
  assertId(commitmentId);
  const input = parse(ReopenReportInput, raw);
  return actx.db.transaction(async (tx) => {
    const [round] = await tx
      .select()
      .from(reportingRounds)
      .where(eq(reportingRounds.id, roundId))
      .for('share');
    if (!round) throw notFound();
    const [report] = await tx
      .select()
      .from(commitmentReports)
      .where(and(eq(commitmentReports.roundId, roundId), eq(commitmentReports.commitmentId, commitmentId)))
      .for('update');
    if (!report) throw notFound();
    if (report.version !== input.version) throw stale();
    if (round.state !== 'open') throw conflict('validation.roundClosed');
    if (report.state !== 'submitted') throw conflict('validation.reportNotSubmitted');
    const now = new Date();
    const [after] = await tx
      .update(commitmentReports)
      .set({
        state: 'draft',
        submittedAt: null,
        submittedBy: null,
        reopenedReason: input.reason,
        reopenedBy: userIdOf(actx.actor),
        reopenedAt: now,
        updatedAt: now,
        version: report.version + 1,
      })
      .where(eq(commitmentReports.id, report.id))
      .returning();
    await appendAudit(tx, actx, {
      action: 'report.reopen',
      entityType: 'commitmentReport',
      entityId: report.id,
      before: report,
      after,
    });
    return loadReport(tx, actx.actor, roundId, commitmentId);
  });
}
