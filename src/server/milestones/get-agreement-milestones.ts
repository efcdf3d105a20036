import type { AgreementMilestones } from '../../shared/contracts/milestones.js';
import { findAgreement } from '../agreements/agreement-reads.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { loadAgreementMilestones } from './milestone-reads.js';
import { assertCanReadMilestones } from './milestone-rules.js';

/** An agreement's milestones with its phase and the region's ready flag; a region contact reads only its own. */
export async function getAgreementMilestones(ctx: Ctx, agreementId: string): Promise<AgreementMilestones> {
  const actx = authorize(ctx, everyone);
  const agreement = await findAgreement(actx.db, agreementId);
  assertCanReadMilestones(actx.actor, agreement);
  return loadAgreementMilestones(actx.db, agreement, actx.actor);
}
