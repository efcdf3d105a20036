import type { SubjectArea } from '../../shared/contracts/agreements.js';
import type { subjectAreas } from './agreement.table.js';

export const toSubjectArea = (row: typeof subjectAreas.$inferSelect): SubjectArea => ({
  id: row.id,
  cycleId: row.cycleId,
  name: row.name,
  description: row.description,
  position: row.position,
  version: row.version,
});
