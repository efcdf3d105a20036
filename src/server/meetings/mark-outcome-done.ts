import { eq } from 'drizzle-orm';
import type { Role } from '../../shared/contracts/common.js';
import { MarkOutcomeDoneInput, type Outcome } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { forbidden, stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingOutcomes } from './meeting.table.js';
import { readOutcome } from './meeting-reads.js';
import { auditedOutcome, lockOutcome, mayMarkDone, personIdsOf, stateConflict } from './meeting-rules.js';

/** An action's owner may be anyone with an account but a viewer: a department, a region's contact, the admin. */
export const actionOwners: readonly Role[] = ['admin', 'department', 'region'];

/**
 * Marks an action done, or open again. Its owner does it (the registry person who is the caller, or an
 * editor of the department that owns it), or who manages the meeting; once done it leaves the owner's
 * start page. Only actions are done; the meeting's state does not matter (actions are done long after).
 */
export async function markOutcomeDone(ctx: Ctx, id: string, raw: unknown): Promise<Outcome> {
  const actx = authorize(ctx, actionOwners);
  const input = parse(MarkOutcomeDoneInput, raw);
  return actx.db.transaction(async (tx) => {
    // Share: marking an action done does not change the meeting, but must see its state settled.
    const { outcome: before, scope } = await lockOutcome(tx, id, 'share');
    if (before.kind !== 'action') throw stateConflict('validation.onlyActionsDone', 'kind');
    if (!mayMarkDone(actx.actor, scope, before, await personIdsOf(tx, actx.actor))) throw forbidden();
    if (before.version !== input.version) throw stale();
    const [row] = await tx
      .update(meetingOutcomes)
      .set({
        doneAt: input.done ? (before.doneAt ?? (await databaseNow(tx))) : null,
        doneBy: input.done ? (before.doneBy ?? userIdOf(actx.actor)) : null,
        ...nextVersion(meetingOutcomes),
      })
      .where(eq(meetingOutcomes.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: input.done ? 'outcome.markDone' : 'outcome.reopen',
      entityType: 'outcome',
      entityId: id,
      before: auditedOutcome(before),
      after: auditedOutcome(row),
    });
    return readOutcome(tx, actx.actor, id, scope);
  });
}
