import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { Locale } from '../../shared/contracts/common.js';
import {
  ChangeMeetingStateInput,
  type MeetingMoved,
  type MeetingState,
  meetingTransitions,
} from '../../shared/contracts/meetings.js';
import { toOsloIso } from '../../shared/contracts/oslo-time.js';
import { isEmptyRichText } from '../../shared/contracts/rich-text.js';
import { appendAudit } from '../audit/append-audit.js';
import { sendCalendarInvitations } from '../calendar/calendar-invitations.js';
import type { Tx } from '../db/client.js';
import { type MailDelivery, mailOutcome, noMailServer } from '../mail/mail-outcome.js';
import { queueMail } from '../mail/queue-mail.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { users } from '../users/user.table.js';
import { meetingManagers } from './create-meeting.js';
import { meetingParticipants, meetings } from './meeting.table.js';
import { meetingLink, minutesForCommentMail } from './meeting-mail.js';
import { readMeetingAfter } from './meeting-reads.js';
import {
  assertMayManage,
  auditedMeeting,
  lockMeeting,
  type MeetingRow,
  stateConflict,
} from './meeting-rules.js';
import { scheduleMinutesReminder } from './minutes-reminder.js';

export type MeetingLinks = { appUrl: string };

/** Why a move is refused, named on `state` (or on the minutes, when they are what is missing). */
function refusal(from: MeetingState, to: MeetingState) {
  if (from === 'cancelled') return stateConflict('validation.meetingCancelled');
  if (to === 'cancelled') return stateConflict('validation.meetingNotCancellable');
  if (from === 'planned') return stateConflict('validation.meetingNotHeld');
  return stateConflict('validation.meetingStateChange');
}

/**
 * Moves a meeting on: planned → held (once it has started) → minutes for comment (once minutes are
 * written; every participant with an e-mail address is told) → minutes approved; planned → cancelled.
 * Marking it held asks for the reminder three days later, should the minutes still not be written.
 * Cancelling raises the sequence, as a calendar's cancellation does, and sends the participants METHOD:CANCEL.
 * The answer says what became of that e-mail (`delivery`: whether a mail server sends it).
 */
export async function changeMeetingState(
  ctx: Ctx,
  id: string,
  raw: unknown,
  links: MeetingLinks,
  delivery: MailDelivery = noMailServer,
): Promise<MeetingMoved> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(ChangeMeetingStateInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: before } = await lockMeeting(tx, id);
    assertMayManage(actx.actor, before);
    if (before.version !== input.version) throw stale();
    const from = before.state as MeetingState;
    if (!meetingTransitions[from].includes(input.state)) throw refusal(from, input.state);
    const now = await databaseNow(tx);
    const changes: Partial<typeof meetings.$inferInsert> = { state: input.state };
    if (input.state === 'held') {
      if (before.startsAt > now) throw stateConflict('validation.meetingNotStarted');
      changes.heldAt = now;
    } else if (input.state === 'minutes_for_comment') {
      if (!before.minutes || isEmptyRichText(before.minutes)) {
        throw stateConflict('validation.minutesNotWritten', 'minutes');
      }
      changes.minutesSentAt = now;
    } else if (input.state === 'minutes_approved') {
      changes.minutesApprovedAt = now;
    } else {
      changes.cancelledAt = now;
      changes.sequence = before.sequence + 1;
    }
    const [row] = await tx
      .update(meetings)
      .set({ ...changes, ...nextVersion(meetings) })
      .where(eq(meetings.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    if (input.state === 'held') await scheduleMinutesReminder(tx, id, now, links.appUrl);
    let queued = 0;
    if (input.state === 'minutes_for_comment') queued = await tellParticipants(tx, row, links);
    if (input.state === 'cancelled') queued = await sendCalendarInvitations(tx, id, links);
    await appendAudit(tx, actx, {
      action: 'meeting.changeState',
      entityType: 'meeting',
      entityId: id,
      before: auditedMeeting(before),
      after: auditedMeeting(row),
    });
    return { ...(await readMeetingAfter(tx, actx.actor, id)), mail: mailOutcome(queued, delivery) };
  });
}

/**
 * The minutes go to the participants for comment: each e-mail address once, in the language of the
 * account it belongs to (bokmål when it is nobody's account). Returns how many messages were queued.
 */
async function tellParticipants(tx: Tx, meeting: MeetingRow, links: MeetingLinks): Promise<number> {
  const rows = await tx
    .select({ email: meetingParticipants.email, locale: users.locale })
    .from(meetingParticipants)
    .leftJoin(users, and(sql`lower(${users.email}) = ${meetingParticipants.email}`, eq(users.active, true)))
    .where(and(eq(meetingParticipants.meetingId, meeting.id), isNotNull(meetingParticipants.email)));
  const facts = {
    title: meeting.title,
    startsAt: toOsloIso(meeting.startsAt),
    link: meetingLink(links.appUrl, meeting.id),
  };
  let queued = 0;
  for (const email of new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))) {
    const locale = Locale.catch('nb').parse(rows.find((r) => r.email === email)?.locale ?? 'nb');
    const queuedId = await queueMail(tx, {
      to: email,
      ...minutesForCommentMail(locale, facts),
      related: { type: 'meeting', id: meeting.id },
      key: `meeting:${meeting.id}:minutes-for-comment:${email}`,
    });
    if (queuedId) queued++;
  }
  return queued;
}
