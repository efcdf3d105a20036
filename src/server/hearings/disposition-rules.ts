import { and, eq } from 'drizzle-orm';
import { type DispositionOutcome, takesIn } from '../../shared/contracts/hearings.js';
import type { Tx } from '../db/client.js';
import { generalPartSections, generalPartVersions } from '../general-part/general-part.table.js';
import { fieldError } from '../platform/errors.js';
import { departments } from '../registry/registry.table.js';

export type DispositionFields = {
  outcome: DispositionOutcome;
  assignedDepartmentId: string | null;
  takenInVersionId: string | null;
  takenInSectionKey: string | null;
};

/**
 * The rules of a disposition's references, each a 400 on its field: the department exists and is active;
 * only what was (partly) taken in points to where; that is a version of the same cycle's general part
 * and, if a section is named, one of that version's sections.
 */
export async function assertDispositionFields(tx: Tx, cycleId: string, d: DispositionFields): Promise<void> {
  if (d.assignedDepartmentId) {
    const [department] = await tx
      .select({ active: departments.active })
      .from(departments)
      .where(eq(departments.id, d.assignedDepartmentId));
    if (!department?.active) throw fieldError('assignedDepartmentId', 'validation.unknownDepartment');
  }
  if (d.takenInSectionKey && !d.takenInVersionId) {
    throw fieldError('takenInVersionId', 'validation.takenInVersionRequired');
  }
  if (!d.takenInVersionId) return;
  if (!takesIn(d.outcome)) throw fieldError('takenInVersionId', 'validation.takenInOutcome');
  const [version] = await tx
    .select({ cycleId: generalPartVersions.cycleId })
    .from(generalPartVersions)
    .where(eq(generalPartVersions.id, d.takenInVersionId));
  if (version?.cycleId !== cycleId) throw fieldError('takenInVersionId', 'validation.versionNotInCycle');
  if (!d.takenInSectionKey) return;
  const [section] = await tx
    .select({ key: generalPartSections.key })
    .from(generalPartSections)
    .where(
      and(
        eq(generalPartSections.versionId, d.takenInVersionId),
        eq(generalPartSections.key, d.takenInSectionKey),
      ),
    );
  if (!section) throw fieldError('takenInSectionKey', 'validation.unknownSection');
}
