import { eq } from 'drizzle-orm';
import { type Meeting, RegisterMeetingInput } from '../../shared/contracts/meetings.js';
import { isEmptyRichText } from '../../shared/contracts/rich-text.js';
import { appendAudit } from '../audit/append-audit.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { meetingManagers } from './create-meeting.js';
import { meetingAgreements, meetingParticipants, meetings } from './meeting.table.js';
import { readMeetingAfter } from './meeting-reads.js';
import {
  assertMayManage,
  auditedMeeting,
  checkAgreements,
  checkDepartment,
  resolveParticipants,
} from './meeting-rules.js';

/**
 * Registers a meeting that took place before the county used Partnerskap (bringing an ongoing process in),
 * by who may plan it: the admin any, a department editor their department's bilateral ones. It is written
 * held (or with its minutes approved, as they were then), marked registered afterwards with who and when;
 * nobody is invited or e-mailed and no minutes reminder is asked for: it is over. Its start must have
 * passed, as marking a meeting held asks. Written minutes are kept as the writer's; empty ones are none.
 */
export async function registerMeeting(ctx: Ctx, raw: unknown): Promise<Meeting> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(RegisterMeetingInput, raw);
  assertMayManage(actx.actor, input);
  const minutes = input.minutes && !isEmptyRichText(input.minutes) ? input.minutes : null;
  if (input.state === 'minutes_approved' && minutes === null) {
    throw fieldError('minutes', 'validation.approvedMinutesRequired');
  }
  return actx.db.transaction(async (tx) => {
    const now = await databaseNow(tx);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (startsAt > now) throw fieldError('startsAt', 'validation.meetingNotTakenPlace');
    const [cycle] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(eq(cycles.id, input.cycleId))
      .for('key share');
    if (!cycle) throw fieldError('cycleId', 'validation.unknownCycle');
    await checkAgreements(tx, cycle.id, input.agreementIds);
    await checkDepartment(tx, input.ownerDepartmentId, 'ownerDepartmentId');
    const participants = await resolveParticipants(tx, input.participants);
    const actor = userIdOf(actx.actor);
    const approved = input.state === 'minutes_approved';
    const [row] = await tx
      .insert(meetings)
      .values({
        cycleId: cycle.id,
        type: input.type,
        title: input.title,
        startsAt,
        endsAt,
        place: input.place,
        videoLink: input.videoLink,
        ownerDepartmentId: input.ownerDepartmentId,
        state: input.state,
        // Held by its end, unless it is still going on.
        heldAt: endsAt < now ? endsAt : now,
        minutes,
        minutesUpdatedAt: minutes ? now : null,
        minutesUpdatedBy: minutes ? actor : null,
        minutesSentAt: approved ? now : null,
        minutesApprovedAt: approved ? now : null,
        createdBy: actor,
        registeredAfterwardsAt: now,
        registeredAfterwardsBy: actor,
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
      action: 'meeting.register',
      entityType: 'meeting',
      entityId: row.id,
      before: null,
      after: {
        ...auditedMeeting(row),
        agreementIds: input.agreementIds,
        participants,
        minutes: row.minutes !== null,
        registeredAfterwards: true,
      },
    });
    return readMeetingAfter(tx, actx.actor, row.id);
  });
}
