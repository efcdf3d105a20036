import type { AuditCtx } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { asPlanItems, writeTemplatePlans } from './apply-milestone-template.js';
import { lockTemplateOf } from './milestone-rules.js';
import { planTemplate } from './milestone-template-plan.js';

/**
 * Gives new agreements their cycle's milestones, in the caller's transaction (create-agreements.ts, which
 * holds the cycle's lock, so the template does not change meanwhile).
 */
export async function createAgreementMilestones(
  tx: Tx,
  actx: AuditCtx,
  cycleId: string,
  agreementIds: readonly string[],
): Promise<void> {
  const template = asPlanItems(await lockTemplateOf(tx, cycleId));
  const plans = new Map(agreementIds.map((id) => [id, planTemplate(template, [])]));
  await writeTemplatePlans(tx, actx, plans, 'agreementMilestones.create');
}
