import { eq } from 'drizzle-orm';
import { CloseHearingInput, type Hearing } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { auditedHearing } from './hearing.mapper.js';
import { hearings } from './hearing.table.js';
import { loadHearing } from './hearing-reads.js';
import { closedForInput, hearingClosed, momentUnderLock } from './hearing-rules.js';

/**
 * Closes an open hearing before its deadline: from now on only the admin registers (late) input, every
 * invited region sees all input, and the reminders still waiting send nothing.
 */
export async function closeHearing(ctx: Ctx, id: string, raw: unknown): Promise<Hearing> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(CloseHearingInput, raw);
  return actx.db.transaction(async (tx) => {
    // The close takes effect at the moment it holds the hearing: input in flight has finished by then (it
    // holds the row shared), and input after it waits for this transaction and sees the hearing closed.
    const before = await lockVersioned(tx, hearings, id, input.version);
    const now = await momentUnderLock(tx);
    if (closedForInput(before, now)) throw hearingClosed();
    const [row] = await tx
      .update(hearings)
      .set({ closedAt: now, closedBy: userIdOf(actx.actor), ...nextVersion(hearings) })
      .where(eq(hearings.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'hearing.close',
      entityType: 'hearing',
      entityId: id,
      before: auditedHearing(before),
      after: { ...auditedHearing(row), closedBy: row.closedBy },
    });
    const hearing = await loadHearing(tx, actx.actor, now, id);
    if (!hearing) throw new Error('hearing vanished');
    return hearing;
  });
}
