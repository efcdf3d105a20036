import { asc, eq } from 'drizzle-orm';
import type { MatrixSubjectArea } from '../../shared/contracts/matrix.js';
import { subjectAreas } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { fieldError, notFound } from '../platform/errors.js';

/** The cycle a matrix or an export is about, and its subject areas in their order. */
export type MatrixScope = {
  cycle: { id: string; name: string };
  subjectAreas: MatrixSubjectArea[];
};

/**
 * The cycle (404 when there is none) and its subject areas; a subject area filter naming one of another
 * cycle, or none at all, is refused as a bad value of `subjectArea` rather than quietly matching nothing.
 */
export async function loadMatrixScope(
  db: Db | Tx,
  filters: { cycle: string; subjectArea: readonly string[] },
): Promise<MatrixScope> {
  const [cycle] = await db
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(eq(cycles.id, filters.cycle));
  if (!cycle) throw notFound();
  const areas = await db
    .select({ id: subjectAreas.id, name: subjectAreas.name })
    .from(subjectAreas)
    .where(eq(subjectAreas.cycleId, cycle.id))
    .orderBy(asc(subjectAreas.position), asc(subjectAreas.name));
  const known = new Set(areas.map((a) => a.id));
  if (filters.subjectArea.some((id) => !known.has(id)))
    throw fieldError('subjectArea', 'validation.unknownSubjectArea');
  return { cycle, subjectAreas: areas };
}
