import { asc, eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Membership } from '../../shared/contracts/registry.js';
import type { Db, Tx } from '../db/client.js';
import { notFound } from '../platform/errors.js';
import { toMembership } from './region.mapper.js';
import { municipalities, regionMemberships, regions } from './registry.table.js';

/** A region's own columns that the API shows (see toRegion), for the reads that list or get regions. */
export const regionColumns = {
  id: regions.id,
  name: regions.name,
  writtenStandard: regions.writtenStandard,
  version: regions.version,
};

/**
 * The members with their municipality's number and name. The municipality is looked up per membership by
 * its primary key in a LATERAL subquery; `offset 0` keeps the planner from flattening it into a hash join
 * that reads every municipality (5,600 in the benchmark) to show the few hundred members of one page,
 * which on PGlite took three times as long.
 */
function selectMembers(db: Db | Tx) {
  const municipality = new QueryBuilder()
    .select({
      number: municipalities.number,
      name: municipalities.name,
      outsideCounty: municipalities.outsideCounty,
    })
    .from(municipalities)
    .where(eq(municipalities.id, regionMemberships.municipalityId))
    .offset(0)
    .as('municipality');
  return db
    .select({
      // Only what the API shows: the timestamps would cost a Date per row and are never sent.
      membership: {
        id: regionMemberships.id,
        regionId: regionMemberships.regionId,
        municipalityId: regionMemberships.municipalityId,
        validFrom: regionMemberships.validFrom,
        validTo: regionMemberships.validTo,
        version: regionMemberships.version,
      },
      municipality: {
        number: municipality.number,
        name: municipality.name,
        outsideCounty: municipality.outsideCounty,
      },
    })
    .from(regionMemberships)
    .crossJoinLateral(municipality);
}

/**
 * Every membership (past, present and future) of the given regions, in ONE query however many regions a
 * page holds, grouped by region and ordered by start date, then municipality number.
 */
export async function membersOf(db: Db | Tx, regionIds: string[]): Promise<Map<string, Membership[]>> {
  const byRegion = new Map<string, Membership[]>(regionIds.map((id) => [id, []]));
  if (regionIds.length === 0) return byRegion;
  const rows = await selectMembers(db)
    .where(inArray(regionMemberships.regionId, regionIds))
    .orderBy((row) => [asc(row.membership.validFrom), asc(row.municipality.number)]);
  for (const row of rows) byRegion.get(row.membership.regionId)?.push(toMembership(row));
  return byRegion;
}

/** One membership with its municipality's number and name, as the API shows it. */
export async function membershipById(db: Db | Tx, id: string): Promise<Membership> {
  const [row] = await selectMembers(db).where(eq(regionMemberships.id, id));
  if (!row) throw notFound();
  return toMembership(row);
}
