import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { notFound } from '../platform/errors.js';
import { subjectAreas } from './agreement.table.js';

/**
 * Writes the order of a cycle's subject areas as 0, 1, 2 … in the given order, touching only the rows
 * whose place changed. The caller holds the cycle's areas locked.
 */
export async function renumber(tx: Tx, ordered: { id: string; position: number }[]): Promise<void> {
  for (const [position, area] of ordered.entries()) {
    if (area.position === position) continue;
    await tx.update(subjectAreas).set({ position }).where(eq(subjectAreas.id, area.id));
  }
}

/** A cycle's subject areas in order, locked against other reorderings until the transaction ends. */
export const lockAreasOf = (tx: Tx, cycleId: string) =>
  tx
    .select({ id: subjectAreas.id, position: subjectAreas.position })
    .from(subjectAreas)
    .where(eq(subjectAreas.cycleId, cycleId))
    .orderBy(asc(subjectAreas.position), asc(subjectAreas.name))
    .for('update');

/**
 * Locks the cycle of a subject area before the area itself: every change to a cycle's list (add, move,
 * delete) takes the cycle's lock first, so two of them run one after the other instead of deadlocking on
 * each other's rows. Throws `notFound` for an unknown area.
 */
export async function lockCycleOfArea(tx: Tx, areaId: string): Promise<void> {
  const [area] = await tx
    .select({ cycleId: subjectAreas.cycleId })
    .from(subjectAreas)
    .where(eq(subjectAreas.id, areaId));
  if (!area) throw notFound();
  await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, area.cycleId)).for('update');
}
