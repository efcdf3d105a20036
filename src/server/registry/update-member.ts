import { eq } from 'drizzle-orm';
import { type Membership, UpdateMemberInput } from '../../shared/contracts/registry.js';
import { completePoliticalMilestonesOfRegion } from '../adoption/complete-political-milestones.js';
import { appendAudit } from '../audit/append-audit.js';
import { createCommitmentsForRegion } from '../follow-up/commitments-in-force.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { assertNoOverlap, lockMembership, lockRegion } from './membership-rules.js';
import { membershipById } from './region-members.js';
import { regionMemberships } from './registry.table.js';

/** Sets a membership's period: the day it starts and the day it ends (exclusive), or none while it lasts. */
export async function updateMember(
  ctx: Ctx,
  regionId: string,
  membershipId: string,
  raw: unknown,
): Promise<Membership> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(UpdateMemberInput, raw);
  assertId(regionId);
  assertId(membershipId);
  try {
    return await actx.db.transaction(async (tx) => {
      await lockRegion(tx, regionId);
      const current = await lockMembership(tx, regionId, membershipId);
      if (current.version !== input.version) throw stale();
      const before = await membershipById(tx, membershipId);
      await assertNoOverlap(
        tx,
        {
          regionId,
          municipalityId: current.municipalityId,
          validFrom: input.validFrom,
          validTo: input.validTo,
        },
        membershipId,
      );
      await tx
        .update(regionMemberships)
        .set({ validFrom: input.validFrom, validTo: input.validTo, ...nextVersion(regionMemberships) })
        .where(eq(regionMemberships.id, membershipId));
      const after = await membershipById(tx, membershipId);
      await appendAudit(tx, actx, {
        action: 'membership.update',
        entityType: 'membership',
        entityId: membershipId,
        before,
        after,
      });
      await completePoliticalMilestonesOfRegion(tx, actx, regionId);
      await createCommitmentsForRegion(tx, actx, regionId);
      return after;
    });
  } catch (error) {
    rethrowUnique(error, {
      region_memberships_start_unique: ['validFrom', 'validation.overlappingMembership'],
    });
  }
}
