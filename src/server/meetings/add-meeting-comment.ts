import { CreateMeetingCommentInput, type MeetingComment } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { actionOwners } from './mark-outcome-done.js';
import { meetingComments } from './meeting.table.js';
import {
  assertMayRead,
  lockMeeting,
  mayComment,
  participantDepartmentIdsOf,
  stateConflict,
} from './meeting-rules.js';

/**
 * Comments on minutes sent for comment: who manages the meeting, a region contact of a region it concerns,
 * and a department editor whose department takes part. Before the minutes are sent, and after they are
 * approved, there is nothing to comment on.
 */
export async function addMeetingComment(ctx: Ctx, meetingId: string, raw: unknown): Promise<MeetingComment> {
  const actx = authorize(ctx, actionOwners);
  const input = parse(CreateMeetingCommentInput, raw);
  return actx.db.transaction(async (tx) => {
    const { scope } = await lockMeeting(tx, meetingId, 'share');
    assertMayRead(actx.actor, scope);
    if (scope.state !== 'minutes_for_comment') throw stateConflict('validation.minutesNotForComment', '_');
    if (!mayComment(actx.actor, scope, await participantDepartmentIdsOf(tx, meetingId))) throw forbidden();
    const [row] = await tx
      .insert(meetingComments)
      .values({ meetingId, authorId: actx.actor.id, body: input.body })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actx, {
      action: 'meeting.comment',
      entityType: 'meetingComment',
      entityId: row.id,
      before: null,
      after: { meetingId, body: row.body },
    });
    return {
      id: row.id,
      author: { id: actx.actor.id, name: actx.actor.name },
      body: row.body,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
