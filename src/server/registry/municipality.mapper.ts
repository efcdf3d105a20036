import type { Municipality } from '../../shared/contracts/registry.js';
import type { municipalities } from './registry.table.js';

export const toMunicipality = (row: typeof municipalities.$inferSelect): Municipality => ({
  id: row.id,
  number: row.number,
  name: row.name,
  validFrom: row.validFrom,
  validTo: row.validTo,
  outsideCounty: row.outsideCounty,
  countyNumber: row.countyNumber,
  countyName: row.countyName,
  version: row.version,
});
