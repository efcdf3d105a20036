import type { Department } from '../../shared/contracts/registry.js';
import type { departments } from './registry.table.js';

export const toDepartment = (row: typeof departments.$inferSelect): Department => ({
  id: row.id,
  name: row.name,
  active: row.active,
  version: row.version,
});
