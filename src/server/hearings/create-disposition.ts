import { inArray } from 'drizzle-orm';
import { CreateDispositionInput, type Disposition } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, rethrowUnique } from '../platform/errors.js';
import { loadDisposition } from './disposition-reads.js';
import { assertDispositionFields } from './disposition-rules.js';
import { auditedDisposition } from './hearing.mapper.js';
import { dispositionInputs, dispositions, hearingInputs } from './hearing.table.js';
import { closedForInput, lockHearing } from './hearing-rules.js';
import { assertInputId } from './input-rules.js';

/**
 * Records the county's answer to one or more inputs of a hearing. Only once the hearing has closed: until
 * then a region may still rewrite or withdraw what would be answered. It is final unless it is assigned to a
 * department to answer first (or `final` says otherwise); an input gets at most one disposition.
 */
export async function createDisposition(ctx: Ctx, hearingId: string, raw: unknown): Promise<Disposition> {
  const actx = authorize(ctx, adminOnly);
  assertInputId(hearingId);
  const input = parse(CreateDispositionInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const hearing = await lockHearing(tx, hearingId, 'share');
      if (!closedForInput(hearing, await databaseNow(tx))) throw conflict('validation.hearingStillOpen');
      // Locked, so that two dispositions of the same input at once are taken one after the other.
      const inputs = await tx
        .select()
        .from(hearingInputs)
        .where(inArray(hearingInputs.id, input.inputIds))
        .for('update');
      if (inputs.length !== input.inputIds.length || inputs.some((i) => i.hearingId !== hearingId)) {
        throw fieldError('inputIds', 'validation.unknownInput');
      }
      if (inputs.some((i) => i.withdrawnAt)) throw fieldError('inputIds', 'validation.inputWithdrawn');
      const answered = await tx
        .select({ inputId: dispositionInputs.inputId })
        .from(dispositionInputs)
        .where(inArray(dispositionInputs.inputId, input.inputIds));
      if (answered.length > 0) throw fieldError('inputIds', 'validation.inputHasDisposition');
      await assertDispositionFields(tx, hearing.cycleId, input);

      const [row] = await tx
        .insert(dispositions)
        .values({
          hearingId,
          outcome: input.outcome,
          reason: input.reason,
          final: input.final ?? input.assignedDepartmentId === null,
          assignedDepartmentId: input.assignedDepartmentId,
          takenInVersionId: input.takenInVersionId,
          takenInSectionKey: input.takenInSectionKey,
          decidedBy: userIdOf(actx.actor),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await tx
        .insert(dispositionInputs)
        .values(input.inputIds.map((inputId) => ({ inputId, dispositionId: row.id })));
      await appendAudit(tx, actx, {
        action: 'disposition.create',
        entityType: 'disposition',
        entityId: row.id,
        scopes: [cacheScope.hearing(hearingId)],
        before: null,
        after: auditedDisposition(row, [...input.inputIds].sort()),
      });
      return loadDisposition(tx, row.id);
    });
  } catch (error) {
    rethrowUnique(error, { disposition_inputs_pkey: ['inputIds', 'validation.inputHasDisposition'] });
  }
}
