import { eq } from 'drizzle-orm';
import { AddMemberInput, type Membership } from '../../shared/contracts/registry.js';
import { completePoliticalMilestonesOfRegion } from '../adoption/complete-political-milestones.js';
import { appendAudit } from '../audit/append-audit.js';
import { createCommitmentsForRegion } from '../follow-up/commitments-in-force.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError, rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { assertNoOverlap, lockRegion } from './membership-rules.js';
import { membershipById } from './region-members.js';
import { municipalities, regionMemberships } from './registry.table.js';

/**
 * Adds a municipality to a region for a period. A municipality may sit in several regions, and a region
 * may include municipalities outside the county; only overlapping periods of the same pair are refused.
 */
export async function addMember(ctx: Ctx, regionId: string, raw: unknown): Promise<Membership> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(AddMemberInput, raw);
  assertId(regionId);
  try {
    return await actx.db.transaction(async (tx) => {
      await lockRegion(tx, regionId);
      const [municipality] = await tx
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(eq(municipalities.id, input.municipalityId));
      if (!municipality) throw fieldError('municipalityId', 'validation.unknownMunicipality');
      const period = { regionId, ...input };
      await assertNoOverlap(tx, period);
      const [row] = await tx.insert(regionMemberships).values(period).returning();
      if (!row) throw new Error('insert returned nothing');
      const membership = await membershipById(tx, row.id);
      await appendAudit(tx, actx, {
        action: 'membership.create',
        entityType: 'membership',
        entityId: row.id,
        before: null,
        after: membership,
      });
      await completePoliticalMilestonesOfRegion(tx, actx, regionId);
      await createCommitmentsForRegion(tx, actx, regionId);
      return membership;
    });
  } catch (error) {
    // Same start date as an existing period: an overlap the check above already refuses, kept as a backstop.
    rethrowUnique(error, {
      region_memberships_start_unique: ['validFrom', 'validation.overlappingMembership'],
    });
  }
}
