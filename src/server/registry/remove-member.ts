import { eq } from 'drizzle-orm';
import { completePoliticalMilestonesOfRegion } from '../adoption/complete-political-milestones.js';
import { appendAudit } from '../audit/append-audit.js';
import { createCommitmentsForRegion } from '../follow-up/commitments-in-force.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { DeleteQuery } from './delete-query.js';
import { lockMembership, lockRegion } from './membership-rules.js';
import { membershipById } from './region-members.js';
import { regionMemberships } from './registry.table.js';

/**
 * Removes a membership that should never have been recorded. A municipality that leaves a region keeps
 * its membership with an end date instead (updateMember), so the history stays true.
 */
export async function removeMember(
  ctx: Ctx,
  regionId: string,
  membershipId: string,
  raw: unknown = {},
): Promise<void> {
  const actx = authorize(ctx, adminOnly);
  const { version } = parse(DeleteQuery, raw ?? {});
  assertId(regionId);
  assertId(membershipId);
  await actx.db.transaction(async (tx) => {
    await lockRegion(tx, regionId);
    const current = await lockMembership(tx, regionId, membershipId);
    if (version !== undefined && current.version !== version) throw stale();
    const before = await membershipById(tx, membershipId);
    await tx.delete(regionMemberships).where(eq(regionMemberships.id, membershipId));
    await appendAudit(tx, actx, {
      action: 'membership.delete',
      entityType: 'membership',
      entityId: membershipId,
      before,
      after: null,
    });
    await completePoliticalMilestonesOfRegion(tx, actx, regionId);
    await createCommitmentsForRegion(tx, actx, regionId);
  });
}
