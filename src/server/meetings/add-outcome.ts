import { sql } from 'drizzle-orm';
import { type Outcome, OutcomeInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { meetingManagers } from './create-meeting.js';
import { meetingOutcomes } from './meeting.table.js';
import { readOutcome } from './meeting-reads.js';
import {
  assertMayManage,
  assertOutcomesOpen,
  auditedOutcome,
  checkOutcomeTargets,
  lockMeeting,
  outcomeColumns,
} from './meeting-rules.js';

/**
 * Records what a held meeting led to, last in its list: information, a decision, or an action with its
 * owner and due date (and, if given, the contribution or special part section it changed).
 */
export async function addOutcome(ctx: Ctx, meetingId: string, raw: unknown): Promise<Outcome> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(OutcomeInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: meeting, scope } = await lockMeeting(tx, meetingId);
    assertMayManage(actx.actor, meeting);
    assertOutcomesOpen(meeting.state);
    await checkOutcomeTargets(tx, meetingId, input);
    const [row] = await tx
      .insert(meetingOutcomes)
      .values({
        meetingId,
        position: sql`(select coalesce(max(${meetingOutcomes.position}) + 1, 0) from ${meetingOutcomes} where ${meetingOutcomes.meetingId} = ${meetingId})`,
        ...outcomeColumns(input),
        createdBy: userIdOf(actx.actor),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actx, {
      action: 'outcome.create',
      entityType: 'outcome',
      entityId: row.id,
      before: null,
      after: auditedOutcome(row),
    });
    return readOutcome(tx, actx.actor, row.id, scope);
  });
}
