import type { Membership, Region } from '../../shared/contracts/registry.js';
import { WrittenStandard } from '../../shared/contracts/registry.js';
import type { municipalities, regionMemberships, regions } from './registry.table.js';

/** The columns a region's API shape is made of: reads select these and no more. */
type RegionRow = Pick<typeof regions.$inferSelect, 'id' | 'name' | 'writtenStandard' | 'version'>;

/** A region without its members: what the audit records for region.create and region.update. */
export const regionFields = (row: RegionRow) => ({
  id: row.id,
  name: row.name,
  // The database allows only nb and nn (a CHECK constraint); parsing keeps the type honest.
  writtenStandard: WrittenStandard.parse(row.writtenStandard),
  version: row.version,
});

export const toRegion = (row: RegionRow, members: Membership[]): Region => ({
  ...regionFields(row),
  members,
});

export type MembershipRow = {
  membership: Pick<
    typeof regionMemberships.$inferSelect,
    'id' | 'regionId' | 'municipalityId' | 'validFrom' | 'validTo' | 'version'
  >;
  municipality: Pick<typeof municipalities.$inferSelect, 'number' | 'name' | 'outsideCounty'>;
};

export const toMembership = ({ membership, municipality }: MembershipRow): Membership => ({
  id: membership.id,
  regionId: membership.regionId,
  municipalityId: membership.municipalityId,
  municipalityNumber: municipality.number,
  municipalityName: municipality.name,
  outsideCounty: municipality.outsideCounty,
  validFrom: membership.validFrom,
  validTo: membership.validTo,
  version: membership.version,
});
