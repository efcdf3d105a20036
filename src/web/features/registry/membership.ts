import type { Membership, Region } from '../../../shared/contracts/registry';

export type MembershipStatus = 'current' | 'past' | 'future';

/**
 * Where a membership stands on a calendar day. Periods are half-open, [validFrom, validTo), as the API
 * stores them: a membership that ends on 1 January is no longer current on 1 January. ISO dates compare
 * as strings.
 */
export function membershipStatus(
  m: Pick<Membership, 'validFrom' | 'validTo'>,
  today: string,
): MembershipStatus {
  if (m.validFrom > today) return 'future';
  if (m.validTo !== null && m.validTo <= today) return 'past';
  return 'current';
}

/** The region's members on the day, by name. A municipality with two current periods counts once. */
export function currentMembers(region: Pick<Region, 'members'>, today: string): Membership[] {
  const seen = new Set<string>();
  const out: Membership[] = [];
  for (const m of region.members) {
    if (membershipStatus(m, today) !== 'current' || seen.has(m.municipalityId)) continue;
    seen.add(m.municipalityId);
    out.push(m);
  }
  return out.sort((a, b) => collator.compare(a.municipalityName, b.municipalityName));
}

const statusOrder: Record<MembershipStatus, number> = { current: 0, future: 1, past: 2 };

/** The member table's order: current first, then future, then past; within each, by start and name. */
export function byStatusThenStart(today: string) {
  return (a: Membership, b: Membership) =>
    statusOrder[membershipStatus(a, today)] - statusOrder[membershipStatus(b, today)] ||
    a.validFrom.localeCompare(b.validFrom) ||
    collator.compare(a.municipalityName, b.municipalityName);
}

export const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });
