import { and, eq } from 'drizzle-orm';
import type { FieldIssue } from '../../shared/contracts/field-errors.js';
import { type CommitmentReport, SaveReportInput } from '../../shared/contracts/follow-up.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { AppError, conflict, forbidden, notFound, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { commitmentIndicators } from './commitment.table.js';
import { lockCommitment, mayReportOn, reporters } from './commitment-rules.js';
import { loadReport } from './report-reads.js';
import {
  commitmentReports,
  reportIndicatorValues,
  reportingRoundCommitments,
  reportingRounds,
} from './reporting-round.table.js';

type Input = ReturnType<typeof SaveReportInput.parse>;

const issue = (field: string, code: string): FieldIssue => ({ field, code, params: {} });

/**
 * Checks the indicator values against the commitment's indicators: each of them, in its indicator's unit,
 * once per indicator and date; and, to submit, a status and a progress.
 */
async function checkReport(tx: Tx, commitmentId: string, input: Input, submit: boolean): Promise<void> {
  const issues: FieldIssue[] = [];
  if (submit && input.status === null) issues.push(issue('status', 'validation.required'));
  if (submit && input.progress === null) issues.push(issue('progress', 'validation.required'));
  const indicators = await tx
    .select({ id: commitmentIndicators.id, unit: commitmentIndicators.unit })
    .from(commitmentIndicators)
    .where(eq(commitmentIndicators.commitmentId, commitmentId));
  const seen = new Set<string>();
  input.values.forEach((v, i) => {
    const indicator = indicators.find((x) => x.id === v.indicatorId);
    if (!indicator) issues.push(issue(`values.${i}.indicatorId`, 'validation.unknownIndicator'));
    else if (indicator.unit !== v.unit) issues.push(issue(`values.${i}.unit`, 'validation.unitMismatch'));
    const key = `${v.indicatorId}:${v.measuredOn}`;
    if (seen.has(key)) issues.push(issue(`values.${i}.measuredOn`, 'validation.valueDateRepeats'));
    seen.add(key);
  });
  if (issues.length > 0) throw new AppError('validation', issues);
}

/**
 * Saves an owner's report on one commitment in an open round, as a draft or submitted: status, progress
 * (0–100), what was done and what comes next (rich text), kroner spent (never negative) and indicator
 * values with their dates, each in its indicator's unit. The commitment's owner (its department's editor,
 * or for the region's own commitments the region's contact) or the admin. A submitted report is changed
 * only after the admin reopens it.
 */
export async function saveReport(
  ctx: Ctx,
  roundId: string,
  commitmentId: string,
  raw: unknown,
  options: { submit: boolean },
): Promise<CommitmentReport> {
  const actx = authorize(ctx, reporters);
  assertId(roundId);
  assertId(commitmentId);
  const input = parse(SaveReportInput, raw);
  return actx.db.transaction(async (tx) => {
    // A share lock: reports of one round are saved side by side, while closing the round waits for them.
    const [round] = await tx
      .select()
      .from(reportingRounds)
      .where(eq(reportingRounds.id, roundId))
      .for('share');
    if (!round) throw notFound();
    const { commitment, regionId } = await lockCommitment(tx, commitmentId);
    const [covered] = await tx
      .select({ id: reportingRoundCommitments.commitmentId })
      .from(reportingRoundCommitments)
      .where(
        and(
          eq(reportingRoundCommitments.roundId, roundId),
          eq(reportingRoundCommitments.commitmentId, commitmentId),
        ),
      );
    if (!covered) throw notFound();
    if (!mayReportOn(actx.actor, { ownerDepartmentId: commitment.ownerDepartmentId, regionId })) {
      throw forbidden();
    }
    if (round.state !== 'open') throw conflict('validation.roundClosed');
    if (commitment.state !== 'active') throw conflict('validation.commitmentWithdrawn');
    const [existing] = await tx
      .select()
      .from(commitmentReports)
      .where(and(eq(commitmentReports.roundId, roundId), eq(commitmentReports.commitmentId, commitmentId)))
      .for('update');
    if (existing && existing.version !== input.version) throw stale();
    if (!existing && input.version !== undefined) throw stale();
    if (existing?.state === 'submitted') throw conflict('validation.reportSubmitted');
    await checkReport(tx, commitmentId, input, options.submit);
    const me = userIdOf(actx.actor);
    const now = new Date();
    const values = {
      status: input.status,
      progress: input.progress,
      done: input.done,
      next: input.next,
      spentNok: input.spentNok,
      savedBy: me,
      state: options.submit ? 'submitted' : 'draft',
      submittedAt: options.submit ? now : null,
      submittedBy: options.submit ? me : null,
      updatedAt: now,
    };
    let reportId: string;
    if (existing) {
      await tx
        .update(commitmentReports)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(commitmentReports.id, existing.id));
      await tx.delete(reportIndicatorValues).where(eq(reportIndicatorValues.reportId, existing.id));
      reportId = existing.id;
    } else {
      const [made] = await tx
        .insert(commitmentReports)
        .values({ roundId, commitmentId, ...values })
        .returning({ id: commitmentReports.id });
      if (!made) throw new Error('insert returned nothing');
      reportId = made.id;
    }
    if (input.values.length > 0) {
      await tx.insert(reportIndicatorValues).values(input.values.map((v) => ({ reportId, ...v })));
    }
    await appendAudit(tx, actx, {
      action: options.submit ? 'report.submit' : 'report.save',
      entityType: 'commitmentReport',
      entityId: reportId,
      before: existing ?? null,
      after: { roundId, commitmentId, ...values, values: input.values },
    });
    return loadReport(tx, actx.actor, roundId, commitmentId);
  });
}
