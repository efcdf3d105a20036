import type { CopyTargetList } from '../../shared/contracts/contributions.js';
import { authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { contributionCopiers } from './copy-contribution.js';
import { copyTargetsOf, readCopySource } from './copy-targets.js';

/**
 * The regions a contribution can be copied to, for the one who may copy it: every region but its own, each
 * with why a copy cannot go there when it cannot (the same reasons `copyContribution` refuses with).
 */
export async function listCopyTargets(ctx: Ctx, id: string): Promise<CopyTargetList> {
  const actx = authorize(ctx, contributionCopiers);
  const source = await readCopySource(actx.db, actx.actor, id);
  return { items: await copyTargetsOf(actx.db, source) };
}
