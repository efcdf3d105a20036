import { count, eq } from 'drizzle-orm';
import { AddIndicatorInput, type CommitmentDetail } from '../../shared/contracts/follow-up.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { conflict, forbidden } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { commitmentIndicators, indicatorGoals } from './commitment.table.js';
import { loadCommitmentDetail } from './commitment-reads.js';
import { lockCommitment, mayReportOn, reporters } from './commitment-rules.js';

type Indicator = ReturnType<typeof AddIndicatorInput.parse>;

/** Writes an indicator and its goals, last among the commitment's; returns its id. */
export async function insertIndicator(tx: Tx, commitmentId: string, input: Indicator): Promise<string> {
  const [existing] = await tx
    .select({ n: count() })
    .from(commitmentIndicators)
    .where(eq(commitmentIndicators.commitmentId, commitmentId));
  const [made] = await tx
    .insert(commitmentIndicators)
    .values({
      commitmentId,
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      baselineValue: input.baselineValue,
      baselineOn: input.baselineOn,
      targetValue: input.targetValue,
      targetOn: input.targetOn,
      position: existing?.n ?? 0,
    })
    .returning({ id: commitmentIndicators.id });
  if (!made) throw new Error('insert returned nothing');
  if (input.goals.length > 0) {
    await tx
      .insert(indicatorGoals)
      .values(input.goals.map((g) => ({ indicatorId: made.id, value: g.value, dueOn: g.dueOn })));
  }
  return made.id;
}

/**
 * Adds an indicator to a commitment: its unit, direction, baseline and target with their dates (the
 * target never before the baseline) and any intermediate goals. The commitment's owner or the admin.
 */
export async function addIndicator(ctx: Ctx, commitmentId: string, raw: unknown): Promise<CommitmentDetail> {
  const actx = authorize(ctx, reporters);
  assertId(commitmentId);
  const input = parse(AddIndicatorInput, raw);
  return actx.db.transaction(async (tx) => {
    const { commitment, regionId } = await lockCommitment(tx, commitmentId);
    if (!mayReportOn(actx.actor, { ownerDepartmentId: commitment.ownerDepartmentId, regionId })) {
      throw forbidden();
    }
    if (commitment.state !== 'active') throw conflict('validation.commitmentWithdrawn');
    const id = await insertIndicator(tx, commitmentId, input);
    await appendAudit(tx, actx, {
      action: 'indicator.create',
      entityType: 'indicator',
      entityId: id,
      before: null,
      after: { commitmentId, ...input },
    });
    return loadCommitmentDetail(tx, actx.actor, commitmentId);
  });
}
