import { eq } from 'drizzle-orm';
import { type Outcome, UpdateOutcomeInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingManagers } from './create-meeting.js';
import { meetingOutcomes } from './meeting.table.js';
import { readOutcome } from './meeting-reads.js';
import {
  assertMayManage,
  assertOutcomesOpen,
  auditedOutcome,
  checkOutcomeTargets,
  lockOutcome,
  outcomeColumns,
} from './meeting-rules.js';

/**
 * Rewrites an outcome from the version the caller saw. An action that becomes information or a decision
 * loses its owner, due date, link and done mark.
 */
export async function updateOutcome(ctx: Ctx, id: string, raw: unknown): Promise<Outcome> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(UpdateOutcomeInput, raw);
  return actx.db.transaction(async (tx) => {
    const { outcome: before, row: meeting, scope } = await lockOutcome(tx, id);
    assertMayManage(actx.actor, meeting);
    if (before.version !== input.version) throw stale();
    assertOutcomesOpen(meeting.state);
    await checkOutcomeTargets(tx, meeting.id, input);
    const action = input.kind === 'action';
    const [row] = await tx
      .update(meetingOutcomes)
      .set({
        ...outcomeColumns(input),
        doneAt: action ? before.doneAt : null,
        doneBy: action ? before.doneBy : null,
        ...nextVersion(meetingOutcomes),
      })
      .where(eq(meetingOutcomes.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'outcome.update',
      entityType: 'outcome',
      entityId: id,
      before: auditedOutcome(before),
      after: auditedOutcome(row),
    });
    return readOutcome(tx, actx.actor, id, scope);
  });
}
