import { eq } from 'drizzle-orm';
import { type HearingInput, UpdateInputInput } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNowMs, dateOfMs } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { notFound, rethrowUnique, stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { hearingInputs, hearings } from './hearing.table.js';
import { closedForInput } from './hearing-rules.js';
import { assertSectionOnHearing, loadInput } from './input-reads.js';
import { assertInputId, assertMayChangeInput, auditedInput } from './input-rules.js';
import { inputWriters } from './submit-input.js';

/** Edits an input's text or moves it to another section (or the whole document), from the version seen. */
export async function updateInput(ctx: Ctx, id: string, raw: unknown): Promise<HearingInput> {
  const actx = authorize(ctx, inputWriters);
  assertInputId(id);
  const input = parse(UpdateInputInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      // The hearing first, as every input write locks it, found from the input in the same statement: a
      // close in flight is waited for, and the hearing as the close left it is what the statement gives.
      const [found] = await tx
        .select({ hearing: hearings, nowMs: databaseNowMs })
        .from(hearingInputs)
        .innerJoin(hearings, eq(hearings.id, hearingInputs.hearingId))
        .where(eq(hearingInputs.id, id))
        .for('share', { of: hearings });
      if (!found) throw notFound();
      const { hearing } = found;
      const [before] = await tx.select().from(hearingInputs).where(eq(hearingInputs.id, id)).for('update');
      if (!before) throw notFound();
      const now = dateOfMs(found.nowMs);
      const closed = closedForInput(hearing, now);
      await assertMayChangeInput(tx, actx.actor, before, closed);
      if (before.version !== input.version) throw stale();
      const sectionKey = input.sectionKey === undefined ? before.sectionKey : input.sectionKey;
      if (sectionKey !== before.sectionKey) await assertSectionOnHearing(tx, hearing.versionId, sectionKey);
      const [row] = await tx
        .update(hearingInputs)
        .set({ sectionKey, text: input.text ?? before.text, ...nextVersion(hearingInputs) })
        .where(eq(hearingInputs.id, id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      await appendAudit(tx, actx, {
        action: 'input.update',
        entityType: 'hearingInput',
        entityId: id,
        scopes: [cacheScope.hearing(hearing.id)],
        before: auditedInput(before),
        after: auditedInput(row),
      });
      const saved = await loadInput(tx, actx.actor, hearing, closed, id);
      if (!saved) throw new Error('input vanished');
      return saved;
    });
  } catch (error) {
    rethrowUnique(error, { hearing_inputs_one_per_section: ['sectionKey', 'validation.inputExists'] });
  }
}
