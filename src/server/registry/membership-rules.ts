import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { fieldError, notFound } from '../platform/errors.js';
import { regionMemberships, regions } from './registry.table.js';

/**
 * Locks the region row for the rest of the transaction. Every change to a region's memberships takes this
 * lock first, so two concurrent changes to the same region run one after the other and the overlap check
 * below sees the other's committed rows: the database has no exclusion constraint to do it for us.
 */
export async function lockRegion(tx: Tx, regionId: string): Promise<void> {
  const [row] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.id, regionId))
    .for('update');
  if (!row) throw notFound();
}

/**
 * Refuses a period that overlaps another membership of the same municipality in the same region. Periods
 * are half-open, [validFrom, validTo) with null for open-ended, so one may end on the day the next begins.
 */
export async function assertNoOverlap(
  tx: Tx,
  period: { regionId: string; municipalityId: string; validFrom: string; validTo: string | null },
  exceptMembershipId?: string,
): Promise<void> {
  const [clash] = await tx
    .select({ id: regionMemberships.id })
    .from(regionMemberships)
    .where(
      and(
        eq(regionMemberships.regionId, period.regionId),
        eq(regionMemberships.municipalityId, period.municipalityId),
        exceptMembershipId ? ne(regionMemberships.id, exceptMembershipId) : undefined,
        or(isNull(regionMemberships.validTo), gt(regionMemberships.validTo, period.validFrom)),
        period.validTo ? lt(regionMemberships.validFrom, period.validTo) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw fieldError('validFrom', 'validation.overlappingMembership');
}

/** The membership, if it belongs to the region, under a row lock; a membership of another region is unknown. */
export async function lockMembership(tx: Tx, regionId: string, membershipId: string) {
  const [row] = await tx
    .select()
    .from(regionMemberships)
    .where(and(eq(regionMemberships.id, membershipId), eq(regionMemberships.regionId, regionId)))
    .for('update');
  if (!row) throw notFound();
  return row;
}
