import type { ContributionDetail } from '../../shared/contracts/contributions.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { findDetail } from './contribution-reads.js';

/** One contribution with its status history, oldest change first. Everyone signed in reads it. */
export async function getContribution(ctx: Ctx, id: string): Promise<ContributionDetail> {
  const actx = authorize(ctx, everyone);
  assertId(id);
  const detail = await findDetail(actx.db, actx.actor, id);
  if (!detail) throw notFound();
  return detail;
}
