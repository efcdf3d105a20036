import { and, eq, notInArray, sql } from 'drizzle-orm';
import { agreements } from '../agreements/agreement.table.js';
import type { AuditCtx } from '../audit/append-audit.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { osloDate } from '../hearings/deadline.js';
import { auditedMilestone } from '../milestones/milestone.mapper.js';
import { agreementMilestones } from '../milestones/milestone.table.js';
import { databaseNow } from '../platform/clock.js';
import { userIdOf } from '../platform/context.js';
import { nextVersion } from '../platform/versioned.js';
import { politicalStatesOf } from './political-state.js';

/** The reason kept on a political milestone the agreement's coming into force completed (data, in bokmål). */
export const inForceReason =
  'Avtalen er i kraft: fylkesrådet har godkjent den, og kommunestyret i hver medlemskommune har vedtatt den.';

/**
 * Completes the agreement's political milestones once it is in force, in the caller's transaction: the write
 * that may bring it into force (the board's decision, a council's decision, a change resolved) calls this
 * after its own change. Each milestone of the political stage not yet complete becomes done, with the
 * reason, who made the last write, and `on` as its day unless a day was recorded; each one audited. Nothing
 * happens while the agreement is not in force, and a milestone already complete is left as it is.
 */
export async function completePoliticalMilestones(
  tx: Tx,
  actx: AuditCtx,
  agreementId: string,
  on: string,
): Promise<void> {
  const states = await politicalStatesOf(tx, { agreementId });
  if (states.get(agreementId) !== 'in_force') return;
  const open = await tx
    .select()
    .from(agreementMilestones)
    .where(
      and(
        eq(agreementMilestones.agreementId, agreementId),
        eq(agreementMilestones.stage, 'political'),
        notInArray(agreementMilestones.state, ['done', 'not_applicable']),
      ),
    )
    .for('update');
  for (const before of open) {
    const [after] = await tx
      .update(agreementMilestones)
      .set({
        state: 'done',
        actualDate: before.actualDate ?? on,
        doneReason: inForceReason,
        doneBy: userIdOf(actx.actor),
        doneAt: sql`now()`,
        ...nextVersion(agreementMilestones),
      })
      .where(eq(agreementMilestones.id, before.id))
      .returning();
    if (!after) continue;
    await appendAudit(tx, actx, {
      action: 'milestone.update',
      entityType: 'milestone',
      entityId: before.id,
      before: auditedMilestone(before),
      after: auditedMilestone(after),
    });
  }
}

/**
 * After a change to a region's memberships, which can bring its agreements into force (a municipality that
 * had not adopted turns out to have left before the start): completes the political milestones of each of
 * the region's agreements now in force, dated today.
 */
export async function completePoliticalMilestonesOfRegion(tx: Tx, actx: AuditCtx, regionId: string) {
  const own = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(eq(agreements.regionId, regionId));
  if (own.length === 0) return;
  const today = osloDate(await databaseNow(tx));
  for (const agreement of own) await completePoliticalMilestones(tx, actx, agreement.id, today);
}
