import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { meetingParticipants, meetings } from '../meetings/meeting.table.js';
import { users } from '../users/user.table.js';
import type { CalendarMeeting } from './meeting-event.js';

/**
 * The organizer when the meeting was planned by the system (the demo) rather than a person: the app's own
 * address, so that an event always has the ORGANIZER that RFC 5546 asks for.
 */
export const appOrganizer = (appUrl: string) => ({
  name: 'Partnerskap',
  email: `partnerskap@${new URL(appUrl).hostname}`,
});

/**
 * Meetings matching `where`, earliest first, as calendar events: the one who planned it as ORGANIZER and
 * each participant with an e-mail address as ATTENDEE. Three queries however many meetings (a feed holds
 * hundreds).
 */
export async function readCalendarMeetings(
  db: Db | Tx,
  where: SQL | undefined,
  appUrl: string,
): Promise<CalendarMeeting[]> {
  const rows = await db
    .select({ meeting: meetings, organizerName: users.name, organizerEmail: users.email })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.createdBy))
    .where(where)
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  if (rows.length === 0) return [];
  const participants = await db
    .select({
      meetingId: meetingParticipants.meetingId,
      name: meetingParticipants.name,
      email: meetingParticipants.email,
    })
    .from(meetingParticipants)
    .where(
      and(
        inArray(
          meetingParticipants.meetingId,
          rows.map((r) => r.meeting.id),
        ),
        isNotNull(meetingParticipants.email),
      ),
    )
    .orderBy(asc(meetingParticipants.meetingId), asc(meetingParticipants.position));
  const attendees = new Map<string, { name: string; email: string }[]>();
  for (const p of participants) {
    if (!p.email) continue;
    const list = attendees.get(p.meetingId) ?? [];
    if (!list.some((a) => a.email === p.email)) list.push({ name: p.name, email: p.email });
    attendees.set(p.meetingId, list);
  }
  const fallback = appOrganizer(appUrl);
  return rows.map(({ meeting: m, organizerName, organizerEmail }) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    videoLink: m.videoLink,
    cancelled: m.state === 'cancelled',
    sequence: m.sequence,
    organizer: organizerName && organizerEmail ? { name: organizerName, email: organizerEmail } : fallback,
    attendees: attendees.get(m.id) ?? [],
  }));
}
