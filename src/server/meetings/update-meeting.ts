import { eq } from 'drizzle-orm';
import { type Meeting, UpdateMeetingInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { type CalendarLinks, sendCalendarInvitations } from '../calendar/calendar-invitations.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError, stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingManagers } from './create-meeting.js';
import { meetingAgreements, meetings } from './meeting.table.js';
import { readMeetingAfter } from './meeting-reads.js';
import {
  assertMayManage,
  auditedMeeting,
  checkAgreements,
  checkDepartment,
  lockMeeting,
  stateConflict,
} from './meeting-rules.js';

/**
 * Changes a meeting's details, from the version the caller saw, while it is planned or held (afterwards
 * the minutes speak for it). The end must still come after the start and a bilateral meeting keep an
 * owner, as the meeting ends up; a department editor cannot hand their meeting to another department or
 * make it another kind. A change of time or place raises the sequence, as calendar invitations count, and
 * with the app's address (`links`) sends the participants the updated invitation.
 */
export async function updateMeeting(
  ctx: Ctx,
  id: string,
  raw: unknown,
  links?: CalendarLinks,
): Promise<Meeting> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(UpdateMeetingInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: before } = await lockMeeting(tx, id);
    assertMayManage(actx.actor, before);
    if (before.version !== input.version) throw stale();
    if (before.state !== 'planned' && before.state !== 'held')
      throw stateConflict('validation.meetingClosed');
    const next = {
      type: input.type ?? before.type,
      title: input.title ?? before.title,
      startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
      endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
      place: input.place === undefined ? before.place : input.place,
      videoLink: input.videoLink === undefined ? before.videoLink : input.videoLink,
      ownerDepartmentId:
        input.ownerDepartmentId === undefined ? before.ownerDepartmentId : input.ownerDepartmentId,
    };
    if (next.endsAt <= next.startsAt) throw fieldError('endsAt', 'validation.meetingEndsBeforeStart');
    if (next.type === 'bilateral' && next.ownerDepartmentId === null) {
      throw fieldError('ownerDepartmentId', 'validation.bilateralNeedsOwner');
    }
    assertMayManage(actx.actor, next);
    if (next.ownerDepartmentId !== before.ownerDepartmentId) {
      await checkDepartment(tx, next.ownerDepartmentId, 'ownerDepartmentId');
    }
    if (input.agreementIds) {
      await checkAgreements(tx, before.cycleId, input.agreementIds);
      await tx.delete(meetingAgreements).where(eq(meetingAgreements.meetingId, id));
      if (input.agreementIds.length) {
        await tx.insert(meetingAgreements).values(
          input.agreementIds.map((agreementId) => ({
            meetingId: id,
            cycleId: before.cycleId,
            agreementId,
          })),
        );
      }
    }
    const moved =
      next.startsAt.getTime() !== before.startsAt.getTime() ||
      next.endsAt.getTime() !== before.endsAt.getTime() ||
      next.place !== before.place ||
      next.videoLink !== before.videoLink;
    const [row] = await tx
      .update(meetings)
      .set({ ...next, sequence: moved ? before.sequence + 1 : before.sequence, ...nextVersion(meetings) })
      .where(eq(meetings.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      before: auditedMeeting(before),
      after: { ...auditedMeeting(row), ...(input.agreementIds ? { agreementIds: input.agreementIds } : {}) },
    });
    if (links && moved) await sendCalendarInvitations(tx, id, links);
    return readMeetingAfter(tx, actx.actor, id);
  });
}
