import type { County } from '../../shared/contracts/registry.js';
import type { county } from './registry.table.js';

export const toCounty = (row: typeof county.$inferSelect): County => ({
  name: row.name,
  number: row.number,
  version: row.version,
});
