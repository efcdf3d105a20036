import { eq } from 'drizzle-orm';
import { type Meeting, ReplaceParticipantsInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import {
  type CalendarLinks,
  invitedBefore,
  sendCalendarInvitations,
} from '../calendar/calendar-invitations.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingManagers } from './create-meeting.js';
import { meetingParticipants, meetings } from './meeting.table.js';
import { readMeetingAfter } from './meeting-reads.js';
import { assertMayManage, lockMeeting, resolveParticipants, stateConflict } from './meeting-rules.js';

/**
 * Sets a meeting's participants, with their side and attendance, to the list given: who manages the
 * meeting keeps the list, so the whole list is written at once from the version they saw. Attendance is
 * recorded after the meeting, so the list changes until the minutes are approved. With the app's address
 * (`links`), newcomers to a planned meeting get its invitation and those taken off a cancellation; someone
 * taken off and put back again makes the meeting's sequence rise, so their new invitation is newer than the
 * cancellation their calendar holds.
 */
export async function replaceParticipants(
  ctx: Ctx,
  id: string,
  raw: unknown,
  links?: CalendarLinks,
): Promise<Meeting> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(ReplaceParticipantsInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: before } = await lockMeeting(tx, id);
    assertMayManage(actx.actor, before);
    if (before.version !== input.version) throw stale();
    if (before.state === 'cancelled') throw stateConflict('validation.meetingCancelled');
    if (before.state === 'minutes_approved') throw stateConflict('validation.minutesApproved');
    const participants = await resolveParticipants(tx, input.participants);
    const previous = await tx.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, id));
    await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, id));
    if (participants.length) {
      await tx.insert(meetingParticipants).values(participants.map((p) => ({ ...p, meetingId: id })));
    }
    const had = new Set(previous.flatMap((p) => (p.email ? [p.email] : [])));
    const newcomers = new Set(participants.flatMap((p) => (p.email && !had.has(p.email) ? [p.email] : [])));
    const back =
      links !== undefined && before.state === 'planned' && (await invitedBefore(tx, before, [...newcomers]));
    await tx
      .update(meetings)
      .set({ ...(back ? { sequence: before.sequence + 1 } : {}), ...nextVersion(meetings) })
      .where(eq(meetings.id, id));
    const strip = ({ id: _, meetingId: __, ...rest }: typeof meetingParticipants.$inferSelect) => rest;
    await appendAudit(tx, actx, {
      action: 'meeting.replaceParticipants',
      entityType: 'meeting',
      entityId: id,
      before: { participants: previous.sort((a, b) => a.position - b.position).map(strip) },
      after: { participants },
    });
    if (links) {
      const removed = previous.flatMap((p) => (p.email ? [{ name: p.name, email: p.email }] : []));
      await sendCalendarInvitations(tx, id, links, removed, newcomers);
    }
    return readMeetingAfter(tx, actx.actor, id);
  });
}
