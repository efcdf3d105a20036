import { eq } from 'drizzle-orm';
import type { Role } from '../../shared/contracts/common.js';
import { CreateMeetingInput, type Meeting } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { type CalendarLinks, sendCalendarInvitations } from '../calendar/calendar-invitations.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { meetingAgreements, meetingParticipants, meetings } from './meeting.table.js';
import { readMeetingAfter } from './meeting-reads.js';
import {
  assertMayManage,
  auditedMeeting,
  checkAgreements,
  checkDepartment,
  resolveParticipants,
} from './meeting-rules.js';

/** Who plans meetings: the admin any, a department editor their department's bilateral ones. */
export const meetingManagers: readonly Role[] = ['admin', 'department'];

/**
 * Plans a meeting of a cycle, with the agreements it concerns and its participants. A department editor
 * plans only bilateral meetings their own department owns. The meeting starts planned; its sequence at 0.
 * With the app's address (`links`, which the routes always give) the participants get calendar
 * invitations; a caller without it (a test making data) sends none.
 */
export async function createMeeting(ctx: Ctx, raw: unknown, links?: CalendarLinks): Promise<Meeting> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(CreateMeetingInput, raw);
  assertMayManage(actx.actor, input);
  return actx.db.transaction(async (tx) => {
    const [cycle] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(eq(cycles.id, input.cycleId))
      .for('key share');
    if (!cycle) throw fieldError('cycleId', 'validation.unknownCycle');
    await checkAgreements(tx, cycle.id, input.agreementIds);
    await checkDepartment(tx, input.ownerDepartmentId, 'ownerDepartmentId');
    const participants = await resolveParticipants(tx, input.participants);
    const [row] = await tx
      .insert(meetings)
      .values({
        cycleId: cycle.id,
        type: input.type,
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place,
        videoLink: input.videoLink,
        ownerDepartmentId: input.ownerDepartmentId,
        createdBy: userIdOf(actx.actor),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (input.agreementIds.length) {
      await tx
        .insert(meetingAgreements)
        .values(
          input.agreementIds.map((agreementId) => ({ meetingId: row.id, cycleId: cycle.id, agreementId })),
        );
    }
    if (participants.length) {
      await tx.insert(meetingParticipants).values(participants.map((p) => ({ ...p, meetingId: row.id })));
    }
    await appendAudit(tx, actx, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: row.id,
      before: null,
      after: { ...auditedMeeting(row), agreementIds: input.agreementIds, participants },
    });
    if (links) await sendCalendarInvitations(tx, row.id, links);
    return readMeetingAfter(tx, actx.actor, row.id);
  });
}
