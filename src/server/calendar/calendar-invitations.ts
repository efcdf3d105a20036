import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { Locale } from '../../shared/contracts/common.js';
import { toOsloIso } from '../../shared/contracts/oslo-time.js';
import type { Tx } from '../db/client.js';
import { mailOutbox } from '../mail/mail.table.js';
import { queueMail } from '../mail/queue-mail.js';
import { meetingParticipants, meetings } from '../meetings/meeting.table.js';
import { databaseNow } from '../platform/clock.js';
import { users } from '../users/user.table.js';
import { type InvitationKind, invitationMail } from './calendar-mail.js';
import { readCalendarMeetings } from './calendar-reads.js';
import { type CalendarMethod, meetingUrl, writeCalendar } from './meeting-event.js';

export type CalendarLinks = { appUrl: string };

/**
 * Brings the participants' calendars up to date after a change to a meeting, inside the change's
 * transaction (through the outbox, so nothing is sent unless the change commits). A planned meeting sends
 * each participant with an e-mail address a REQUEST for its present sequence once (the outbox key holds
 * it): everyone when it is planned or moved (the sequence rose), only the newcomers (`onlyTo`) when the
 * list changed. A cancelled one sends each a CANCEL once. Those taken off the list get a CANCEL. A meeting that has
 * ended, or is held, sends nothing: there is nothing left to put in a calendar (so a meeting registered
 * after it took place, which starts held, sends none). Returns how many messages it queued.
 */
export async function sendCalendarInvitations(
  tx: Tx,
  meetingId: string,
  links: CalendarLinks,
  removed: readonly { name: string; email: string }[] = [],
  onlyTo?: ReadonlySet<string>,
): Promise<number> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return 0;
  if (meeting.state !== 'planned' && meeting.state !== 'cancelled') return 0;
  if (meeting.endsAt <= (await databaseNow(tx))) return 0;
  const [event] = await readCalendarMeetings(tx, eq(meetings.id, meetingId), links.appUrl);
  if (!event) return 0;
  let queued = 0;
  const locales = await localesOf(
    tx,
    meetingId,
    removed.map((r) => r.email),
  );
  const facts = {
    title: meeting.title,
    startsAt: toOsloIso(meeting.startsAt),
    place: meeting.place ?? meeting.videoLink,
    link: meetingUrl(links.appUrl, meeting.id),
  };
  const send = async (
    to: { name: string; email: string },
    method: CalendarMethod,
    kind: InvitationKind,
    key: string | null,
  ) => {
    const locale = locales.get(to.email) ?? 'nb';
    // The one taken off the list is the event's only attendee in their cancellation (RFC 5546).
    const sent =
      kind === 'cancellation' && meeting.state === 'planned' ? { ...event, attendees: [to] } : event;
    const id = await queueMail(tx, {
      to: to.email,
      ...invitationMail(locale, kind, facts),
      related: { type: 'meeting', id: meeting.id },
      key,
      attachment: {
        filename: method === 'CANCEL' ? 'avlysning.ics' : 'invitasjon.ics',
        contentType: `text/calendar; method=${method}`,
        content: writeCalendar([sent], { method, appUrl: links.appUrl, locale }),
      },
    });
    if (id) queued++;
  };
  if (meeting.state === 'cancelled') {
    for (const a of event.attendees) {
      await send(a, 'CANCEL', 'cancellation', `calendar:${meeting.id}:cancel:${a.email}`);
    }
    return queued;
  }
  // A newcomer is invited, whatever the sequence: for them nothing has changed.
  const kind: InvitationKind = meeting.sequence > 0 && !onlyTo ? 'update' : 'invitation';
  for (const a of event.attendees) {
    if (onlyTo && !onlyTo.has(a.email)) continue;
    await send(a, 'REQUEST', kind, `calendar:${meeting.id}:${meeting.sequence}:${a.email}`);
  }
  const current = new Set(event.attendees.map((a) => a.email));
  for (const r of removed) {
    // No key: taken off, added again and taken off again is a cancellation each time.
    if (!current.has(r.email)) await send(r, 'CANCEL', 'cancellation', null);
  }
  return queued;
}

/**
 * Before a planned meeting's participants change: of the addresses about to be invited, whether one was
 * sent this sequence's REQUEST already (and has had a CANCEL since, taken off and now put back). A calendar
 * program ignores a REQUEST no newer than the CANCEL it holds, and the outbox sends each address one message
 * per sequence, so such a meeting must move to the next sequence first.
 */
export async function invitedBefore(
  tx: Tx,
  meeting: { id: string; sequence: number },
  addresses: readonly string[],
): Promise<boolean> {
  if (addresses.length === 0) return false;
  const [found] = await tx
    .select({ key: mailOutbox.key })
    .from(mailOutbox)
    .where(
      inArray(
        mailOutbox.key,
        addresses.map((a) => `calendar:${meeting.id}:${meeting.sequence}:${a}`),
      ),
    )
    .limit(1);
  return found !== undefined;
}

/** Each address's language: that of the active account with it, else bokmål. */
async function localesOf(tx: Tx, meetingId: string, extra: readonly string[]): Promise<Map<string, Locale>> {
  const rows = await tx
    .select({ email: meetingParticipants.email, locale: users.locale })
    .from(meetingParticipants)
    .innerJoin(users, and(sql`lower(${users.email}) = ${meetingParticipants.email}`, eq(users.active, true)))
    .where(and(eq(meetingParticipants.meetingId, meetingId), isNotNull(meetingParticipants.email)));
  const found = new Map<string, Locale>();
  for (const r of rows) if (r.email) found.set(r.email, Locale.catch('nb').parse(r.locale));
  if (extra.length) {
    const others = await tx
      .select({ email: sql<string>`lower(${users.email})`, locale: users.locale })
      .from(users)
      .where(
        and(
          inArray(
            sql`lower(${users.email})`,
            extra.map((e) => e.toLowerCase()),
          ),
          eq(users.active, true),
        ),
      );
    for (const r of others) found.set(r.email, Locale.catch('nb').parse(r.locale));
  }
  return found;
}
