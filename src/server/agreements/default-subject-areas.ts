import { defaultSubjectAreas } from '../../shared/contracts/agreements.js';
import type { AuditCtx } from '../audit/append-audit.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { subjectAreas } from './agreement.table.js';
import { toSubjectArea } from './subject-area.mapper.js';

/** Gives a new cycle the default subject areas, in the caller's transaction (creating the cycle). */
export async function insertDefaultSubjectAreas(tx: Tx, actx: AuditCtx, cycleId: string): Promise<void> {
  const rows = await tx
    .insert(subjectAreas)
    .values(defaultSubjectAreas.map((name, position) => ({ cycleId, name, position })))
    .returning();
  for (const row of rows) {
    await appendAudit(tx, actx, {
      action: 'subjectArea.create',
      entityType: 'subjectArea',
      entityId: row.id,
      before: null,
      after: toSubjectArea(row),
    });
  }
}
