import { eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Disposition } from '../../shared/contracts/hearings.js';
import type { Db, Tx } from '../db/client.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { departments } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { toDisposition } from './hearing.mapper.js';
import { dispositionInputs, dispositions } from './hearing.table.js';

const decider = alias(users, 'decider');
const takenInVersion = alias(generalPartVersions, 'taken_in_version');

/** Dispositions with their department, who decided, where they were taken in and the inputs they answer. */
export async function loadDispositions(db: Db | Tx, where: SQL): Promise<Disposition[]> {
  const rows = await db
    .select({
      row: dispositions,
      departmentName: departments.name,
      deciderName: decider.name,
      takenInVersionNumber: takenInVersion.number,
    })
    .from(dispositions)
    .leftJoin(departments, eq(departments.id, dispositions.assignedDepartmentId))
    .leftJoin(decider, eq(decider.id, dispositions.decidedBy))
    .leftJoin(takenInVersion, eq(takenInVersion.id, dispositions.takenInVersionId))
    .where(where);
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(dispositionInputs)
    .where(
      inArray(
        dispositionInputs.dispositionId,
        rows.map((r) => r.row.id),
      ),
    );
  const inputsOf = new Map<string, string[]>();
  for (const link of links) {
    inputsOf.set(link.dispositionId, [...(inputsOf.get(link.dispositionId) ?? []), link.inputId]);
  }
  return rows.map(({ row, ...joined }) =>
    toDisposition(row, { ...joined, inputIds: (inputsOf.get(row.id) ?? []).sort() }),
  );
}

export async function loadDisposition(db: Db | Tx, id: string): Promise<Disposition> {
  const [found] = await loadDispositions(db, eq(dispositions.id, id));
  if (!found) throw new Error('disposition vanished');
  return found;
}
