import type { Person } from '../../shared/contracts/registry.js';
import type { people } from './registry.table.js';

export const toPerson = (row: typeof people.$inferSelect): Person => ({
  id: row.id,
  name: row.name,
  email: row.email,
  organisation: row.organisation,
  phone: row.phone,
  version: row.version,
});
