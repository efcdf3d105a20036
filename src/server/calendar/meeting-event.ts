import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { Locale } from '../../shared/contracts/common.js';
import { meetingPath } from '../../shared/contracts/meetings.js';

/** A meeting as a calendar event needs it. */
export type CalendarMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoLink: string | null;
  cancelled: boolean;
  sequence: number;
  organizer: { name: string; email: string };
  attendees: readonly { name: string; email: string }[];
};

/** REQUEST and CANCEL go to the participants by e-mail (RFC 5546); PUBLISH is a download or a feed. */
export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/**
 * The event's UID: the meeting's id, so an update and a cancellation find the event the invitation made,
 * whatever address the app is reached at.
 */
export const meetingUid = (meetingId: string) => `${meetingId}@partnerskap`;

export const meetingUrl = (appUrl: string, meetingId: string) =>
  `${appUrl.replace(/\/+$/, '')}${meetingPath(meetingId)}`;

const descriptions: Record<Locale, { link: string; video: string }> = {
  nb: { link: 'Møtet i Partnerskap', video: 'Videomøte' },
  nn: { link: 'Møtet i Partnerskap', video: 'Videomøte' },
  en: { link: 'The meeting in Partnerskap', video: 'Video meeting' },
};

/**
 * An iCalendar object (RFC 5545) of meetings. Times are written in UTC, which every calendar program
 * shows in its own zone: no VTIMEZONE to keep right, and 10:00 in Oslo is 09:00Z in winter and 08:00Z in
 * summer as the instant stored says. DTSTAMP is when the object is written; SEQUENCE is the meeting's,
 * which rises with a change of time or place and with a cancellation. A published calendar (the download
 * and the personal feeds) names no ATTENDEE: iTIP (RFC 5546 §3.2.1) says a PUBLISH must not have them, as
 * it manages nobody's answer; the invitations (REQUEST) and cancellations name every participant, and the
 * meeting's link leads to who takes part.
 */
export function writeCalendar(
  meetings: readonly CalendarMeeting[],
  options: { method: CalendarMethod; appUrl: string; locale: Locale; name?: string; stamp?: Date },
): string {
  const calendar = ical({
    prodId: { company: 'Partnerskap', product: 'Partnerskap', language: options.locale.toUpperCase() },
    method: ICalCalendarMethod[options.method],
    ...(options.name ? { name: options.name } : {}),
  });
  const stamp = options.stamp ?? new Date();
  const words = descriptions[options.locale];
  for (const m of meetings) {
    const url = meetingUrl(options.appUrl, m.id);
    calendar.createEvent({
      id: meetingUid(m.id),
      sequence: m.sequence,
      stamp,
      start: m.startsAt,
      end: m.endsAt,
      summary: m.title,
      location: m.place ?? m.videoLink ?? null,
      description: [`${words.link}: ${url}`, ...(m.videoLink ? [`${words.video}: ${m.videoLink}`] : [])].join(
        '\n',
      ),
      url,
      status:
        m.cancelled || options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: m.organizer.name, email: m.organizer.email },
      attendees: (options.method === 'PUBLISH' ? [] : m.attendees).map((a) => ({
        name: a.name,
        email: a.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: options.method === 'REQUEST',
      })),
    });
  }
  return calendar.toString();
}
