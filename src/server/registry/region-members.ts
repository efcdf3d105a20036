import { asc, eq, inArray } from 'drizzle-orm';
import type { Membership } from '../../shared/contracts/registry.js';
import type { Db, Tx } from '../db/client.js';
import { notFound } from '../platform/errors.js';
import { toMembership } from './region.mapper.js';
import { municipalities, regionMemberships } from './registry.table.js';

const memberColumns = {
  membership: regionMemberships,
  municipality: {
    number: municipalities.number,
    name: municipalities.name,
    outsideCounty: municipalities.outsideCounty,
  },
};

/**
 * Every membership (past, present and future) of the given regions, in ONE query however many regions a
 * page holds, grouped by region and ordered by start date, then municipality number.
 */
export async function membersOf(db: Db | Tx, regionIds: string[]): Promise<Map<string, Membership[]>> {
  const byRegion = new Map<string, Membership[]>(regionIds.map((id) => [id, []]));
  if (regionIds.length === 0) return byRegion;
  const rows = await db
    .select(memberColumns)
    .from(regionMemberships)
    .innerJoin(municipalities, eq(municipalities.id, regionMemberships.municipalityId))
    .where(inArray(regionMemberships.regionId, regionIds))
    .orderBy(asc(regionMemberships.validFrom), asc(municipalities.number));
  for (const row of rows) byRegion.get(row.membership.regionId)?.push(toMembership(row));
  return byRegion;
}

/** One membership with its municipality's number and name, as the API shows it. */
export async function membershipById(db: Db | Tx, id: string): Promise<Membership> {
  const [row] = await db
    .select(memberColumns)
    .from(regionMemberships)
    .innerJoin(municipalities, eq(municipalities.id, regionMemberships.municipalityId))
    .where(eq(regionMemberships.id, id));
  if (!row) throw notFound();
  return toMembership(row);
}
