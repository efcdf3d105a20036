import { eq, sql } from 'drizzle-orm';
import {
  type AgreementMilestones,
  type MilestoneStage,
  UpdateMilestoneInput,
} from '../../shared/contracts/milestones.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { fieldError, forbidden, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { auditedMilestone } from './milestone.mapper.js';
import { agreementMilestones } from './milestone.table.js';
import { loadAgreementMilestones } from './milestone-reads.js';
import { canEditMilestone } from './milestone-rules.js';

const editors = ['admin', 'region'] as const;

/**
 * Records a milestone's planned and actual date, state and note. Recording it done by hand needs the reason
 * (kept with who recorded it and when); leaving done drops the reason. A milestone whose evidence is met is
 * done whatever is recorded here. Answers with the agreement's milestones, since the phase may have moved.
 */
export async function updateMilestone(ctx: Ctx, id: string, raw: unknown): Promise<AgreementMilestones> {
  const actx = authorize(ctx, editors);
  assertId(id);
  const input = parse(UpdateMilestoneInput, raw);
  return actx.db.transaction(async (tx) => {
    // The milestone's agreement, locked against a change of its own, in the statement that finds it.
    const [found] = await tx
      .select({ agreement: agreements, stage: agreementMilestones.stage })
      .from(agreementMilestones)
      .innerJoin(agreements, eq(agreements.id, agreementMilestones.agreementId))
      .where(eq(agreementMilestones.id, id))
      .for('share', { of: agreements });
    if (!found) throw notFound();
    const { agreement } = found;
    if (!canEditMilestone(actx.actor, agreement, found.stage as MilestoneStage)) throw forbidden();
    const before = await lockVersioned(tx, agreementMilestones, id, input.version);
    const state = input.state ?? before.state;
    const reason = input.reason !== undefined ? input.reason : before.doneReason;
    if (state === 'done' && !reason) throw fieldError('reason', 'validation.milestoneReasonRequired');
    const doneReason = state === 'done' ? reason : null;
    const newlyDone = state === 'done' && (before.state !== 'done' || before.doneReason !== doneReason);
    const [after] = await tx
      .update(agreementMilestones)
      .set({
        plannedDate: input.plannedDate !== undefined ? input.plannedDate : before.plannedDate,
        actualDate: input.actualDate !== undefined ? input.actualDate : before.actualDate,
        state,
        note: input.note !== undefined ? input.note : before.note,
        doneReason,
        doneBy: state !== 'done' ? null : newlyDone ? userIdOf(actx.actor) : before.doneBy,
        doneAt: state !== 'done' ? null : newlyDone ? sql`now()` : before.doneAt,
        ...nextVersion(agreementMilestones),
      })
      .where(eq(agreementMilestones.id, id))
      .returning();
    if (!after) throw notFound();
    await appendAudit(tx, actx, {
      action: 'milestone.update',
      entityType: 'milestone',
      entityId: id,
      scopes: [cacheScope.cycle(agreement.cycleId)],
      before: auditedMilestone(before),
      after: auditedMilestone(after),
    });
    // The agreement row read above is as this transaction leaves it: a milestone's change is not in it.
    return loadAgreementMilestones(tx, agreement, actx.actor);
  });
}
