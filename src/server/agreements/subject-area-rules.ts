import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
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
