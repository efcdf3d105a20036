import { eq } from 'drizzle-orm';
import { type Meeting, WriteMinutesInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingManagers } from './create-meeting.js';
import { meetings } from './meeting.table.js';
import { readMeetingAfter } from './meeting-reads.js';
import { assertMayManage, lockMeeting, stateConflict } from './meeting-rules.js';

/**
 * Saves the minutes of a held meeting, also while they are out for comment (the comments are answered in
 * them); approved minutes no longer change.
 */
export async function writeMinutes(ctx: Ctx, id: string, raw: unknown): Promise<Meeting> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(WriteMinutesInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: before } = await lockMeeting(tx, id);
    assertMayManage(actx.actor, before);
    if (before.version !== input.version) throw stale();
    if (before.state === 'planned') throw stateConflict('validation.meetingNotHeld');
    if (before.state === 'cancelled') throw stateConflict('validation.meetingCancelled');
    if (before.state === 'minutes_approved') throw stateConflict('validation.minutesApproved');
    const [row] = await tx
      .update(meetings)
      .set({
        minutes: input.minutes,
        minutesUpdatedAt: await databaseNow(tx),
        minutesUpdatedBy: userIdOf(actx.actor),
        ...nextVersion(meetings),
      })
      .where(eq(meetings.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'meeting.writeMinutes',
      entityType: 'meeting',
      entityId: id,
      before: { minutes: before.minutes, version: before.version },
      after: { minutes: row.minutes, version: row.version },
    });
    return readMeetingAfter(tx, actx.actor, id);
  });
}
