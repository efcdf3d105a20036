import { eq, inArray } from 'drizzle-orm';
import type { ApplyMilestoneTemplateResult } from '../../shared/contracts/milestones.js';
import { agreements } from '../agreements/agreement.table.js';
import type { AuditCtx } from '../audit/append-audit.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { auditedMilestone, toTemplateItem } from './milestone.mapper.js';
import { agreementMilestones } from './milestone.table.js';
import { asPlanMilestone, planColumns } from './milestone-reads.js';
import { lockTemplateOf } from './milestone-rules.js';
import { type PlanItem, planIsEmpty, planTemplate, type TemplatePlan } from './milestone-template-plan.js';

const none: ApplyMilestoneTemplateResult = {
  agreements: 0,
  added: 0,
  updated: 0,
  removed: 0,
  markedNotApplicable: 0,
};

/**
 * Writes each agreement's plan (milestone-template-plan.ts) in the caller's transaction, with one audit
 * event per agreement that changed: the milestones it touched, before and after.
 */
export async function writeTemplatePlans(
  tx: Tx,
  actx: AuditCtx,
  plans: ReadonlyMap<string, TemplatePlan>,
  action: 'agreementMilestones.create' | 'agreementMilestones.applyTemplate',
): Promise<ApplyMilestoneTemplateResult> {
  const result = { ...none };
  for (const [agreementId, plan] of plans) {
    if (planIsEmpty(plan)) continue;
    result.agreements++;
    const inserted =
      plan.insert.length > 0
        ? await tx
            .insert(agreementMilestones)
            .values(plan.insert.map((m) => ({ ...m, agreementId })))
            .returning()
        : [];
    const touched = [...plan.update.map((u) => u.id), ...plan.remove];
    const before =
      touched.length > 0
        ? await tx.select().from(agreementMilestones).where(inArray(agreementMilestones.id, touched))
        : [];
    const updated = [];
    for (const change of plan.update) {
      const [row] = await tx
        .update(agreementMilestones)
        .set({ ...change.set, ...nextVersion(agreementMilestones) })
        .where(eq(agreementMilestones.id, change.id))
        .returning();
      if (row) updated.push(row);
    }
    if (plan.remove.length > 0) {
      await tx.delete(agreementMilestones).where(inArray(agreementMilestones.id, plan.remove));
    }
    result.added += plan.insert.length;
    result.removed += plan.remove.length;
    result.markedNotApplicable += plan.update.filter((u) => u.markedNotApplicable).length;
    result.updated += plan.update.filter((u) => !u.markedNotApplicable).length;
    await appendAudit(tx, actx, {
      action,
      entityType: 'agreementMilestones',
      entityId: agreementId,
      before: before.length > 0 ? before.map(auditedMilestone) : null,
      after: [...inserted, ...updated].map(auditedMilestone),
    });
  }
  return result;
}

/** The cycle's template as the plan reads it; the caller holds it locked. */
export const asPlanItems = (rows: Awaited<ReturnType<typeof lockTemplateOf>>): PlanItem[] =>
  rows.map((row) => {
    const item = toTemplateItem(row);
    return {
      id: item.id,
      name: item.name,
      stage: item.stage,
      evidence: item.evidence,
      optional: item.optional,
    };
  });

/**
 * Brings every agreement of the cycle in line with its template (milestone-template-plan.ts says how): new
 * milestones added, names, order, stages, evidence and optional marks brought over; a milestone whose item
 * has left the template is deleted if nobody began it, and otherwise kept and marked not applicable. Dates,
 * states and notes recorded on the milestones are never touched. Repeating it changes nothing.
 */
export async function applyMilestoneTemplate(
  ctx: Ctx,
  cycleId: string,
): Promise<ApplyMilestoneTemplateResult> {
  const actx = authorize(ctx, adminOnly);
  assertId(cycleId);
  return actx.db.transaction(async (tx) => {
    // The cycle's lock also keeps agreements from being made meanwhile (create-agreements.ts takes it).
    const template = asPlanItems(await lockTemplateOf(tx, cycleId));
    const ids = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.cycleId, cycleId));
    const milestones = await tx
      .select(planColumns)
      .from(agreementMilestones)
      .innerJoin(agreements, eq(agreements.id, agreementMilestones.agreementId))
      .where(eq(agreements.cycleId, cycleId))
      .for('update', { of: agreementMilestones });
    const byAgreement = new Map<string, ReturnType<typeof asPlanMilestone>[]>(ids.map(({ id }) => [id, []]));
    for (const row of milestones) byAgreement.get(row.agreementId)?.push(asPlanMilestone(row));
    const plans = new Map(
      [...byAgreement].map(([agreementId, existing]) => [agreementId, planTemplate(template, existing)]),
    );
    return writeTemplatePlans(tx, actx, plans, 'agreementMilestones.applyTemplate');
  });
}
