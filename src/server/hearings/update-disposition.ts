import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../shared/contracts/common.js';
import {
  type Disposition,
  DispositionOutcome,
  UpdateDispositionInput,
} from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, forbidden, notFound, stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { loadDisposition } from './disposition-reads.js';
import { assertDispositionFields } from './disposition-rules.js';
import { auditedDisposition } from './hearing.mapper.js';
import { dispositionInputs, dispositions, hearings } from './hearing.table.js';
import { assertInputId } from './input-rules.js';

export const dispositionEditors: readonly Role[] = ['admin', 'department'];

/** What a department editor may change in a disposition assigned to their department: the answer itself. */
const departmentFields = new Set(['outcome', 'reason', 'version']);

/**
 * Changes a disposition from the version seen. The admin may change anything, and settles it with
 * `final: true`. A department editor answers a disposition assigned to their department while it is not
 * final: outcome and reason only (anything else, or another department's: 403; a final one: 409).
 */
export async function updateDisposition(ctx: Ctx, id: string, raw: unknown): Promise<Disposition> {
  const actx = authorize(ctx, dispositionEditors);
  const { actor } = actx;
  assertInputId(id);
  const input = parse(UpdateDispositionInput, raw);
  return actx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(dispositions).where(eq(dispositions.id, id)).for('update');
    if (!before) throw notFound();
    if (actor.role === 'department') {
      if (!actor.departmentId || before.assignedDepartmentId !== actor.departmentId) throw forbidden();
      const touched = Object.entries(input)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k);
      if (touched.some((k) => !departmentFields.has(k))) throw forbidden();
      if (before.final) throw conflict('validation.dispositionFinal');
    }
    if (before.version !== input.version) throw stale();

    const after = {
      outcome: input.outcome ?? before.outcome,
      reason: input.reason ?? before.reason,
      final: input.final ?? before.final,
      assignedDepartmentId:
        input.assignedDepartmentId === undefined ? before.assignedDepartmentId : input.assignedDepartmentId,
      takenInVersionId:
        input.takenInVersionId === undefined ? before.takenInVersionId : input.takenInVersionId,
      takenInSectionKey:
        input.takenInSectionKey === undefined ? before.takenInSectionKey : input.takenInSectionKey,
    };
    const [hearing] = await tx
      .select({ cycleId: hearings.cycleId })
      .from(hearings)
      .where(eq(hearings.id, before.hearingId));
    if (!hearing) throw new Error('hearing vanished');
    // The CHECK constraint holds the stored outcome to the known values.
    await assertDispositionFields(tx, hearing.cycleId, {
      ...after,
      outcome: DispositionOutcome.parse(after.outcome),
    });

    const [row] = await tx
      .update(dispositions)
      .set({ ...after, decidedBy: userIdOf(actor), decidedAt: sql`now()`, ...nextVersion(dispositions) })
      .where(eq(dispositions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    const inputIds = (
      await tx
        .select({ inputId: dispositionInputs.inputId })
        .from(dispositionInputs)
        .where(eq(dispositionInputs.dispositionId, id))
    )
      .map((l) => l.inputId)
      .sort();
    await appendAudit(tx, actx, {
      action: 'disposition.update',
      entityType: 'disposition',
      entityId: id,
      scopes: [cacheScope.hearing(before.hearingId)],
      before: auditedDisposition(before, inputIds),
      after: auditedDisposition(row, inputIds),
    });
    return loadDisposition(tx, id);
  });
}
