import { eq, sql } from 'drizzle-orm';
import { WithdrawInputQuery } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { notFound, stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { hearingInputs } from './hearing.table.js';
import { closedForInput, lockHearing } from './hearing-rules.js';
import { assertInputId, assertMayChangeInput, auditedInput } from './input-rules.js';
import { inputWriters } from './submit-input.js';

/**
 * Withdraws an input. It is kept, marked withdrawn, for the record (the audit log points at it), but
 * nobody sees it any more and it frees its section for a new input from the region.
 */
export async function withdrawInput(ctx: Ctx, id: string, raw: unknown = {}): Promise<void> {
  const actx = authorize(ctx, inputWriters);
  assertInputId(id);
  const { version } = parse(WithdrawInputQuery, raw ?? {});
  await actx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ hearingId: hearingInputs.hearingId })
      .from(hearingInputs)
      .where(eq(hearingInputs.id, id));
    if (!found) throw notFound();
    const hearing = await lockHearing(tx, found.hearingId, 'share');
    const [before] = await tx.select().from(hearingInputs).where(eq(hearingInputs.id, id)).for('update');
    if (!before) throw notFound();
    const now = await databaseNow(tx);
    await assertMayChangeInput(tx, actx.actor, before, closedForInput(hearing, now));
    if (version !== undefined && before.version !== version) throw stale();
    const [row] = await tx
      .update(hearingInputs)
      .set({ withdrawnAt: sql`now()`, withdrawnBy: userIdOf(actx.actor), ...nextVersion(hearingInputs) })
      .where(eq(hearingInputs.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'input.withdraw',
      entityType: 'hearingInput',
      entityId: id,
      scopes: [cacheScope.hearing(found.hearingId)],
      before: auditedInput(before),
      after: auditedInput(row),
    });
  });
}
