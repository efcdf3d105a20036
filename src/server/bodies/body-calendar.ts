import { asc, eq } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { bodyPath } from '../../shared/contracts/bodies.js';
import type { Db } from '../db/client.js';
import { notFound } from '../platform/errors.js';
import type { StoredFile } from '../platform/files.js';
import { assertId } from '../platform/ids.js';
import { bodyMeetings, politicalBodies } from './body.table.js';

/**
 * A body's meeting plan as an iCalendar feed (RFC 5545) a calendar program subscribes to: each meeting an
 * all-day event on its day, with the deadline for case documents in its description. Political bodies'
 * meeting plans are public in every municipality, so the feed needs no sign-in; it holds the dates and
 * places and nothing else. The UID is the plan entry's id, so a moved meeting moves in the calendar.
 */
export async function bodyCalendar(db: Db, bodyId: string, appUrl: string): Promise<StoredFile> {
  assertId(bodyId);
  const [body] = await db.select().from(politicalBodies).where(eq(politicalBodies.id, bodyId));
  if (!body) throw notFound();
  const meetings = await db
    .select()
    .from(bodyMeetings)
    .where(eq(bodyMeetings.bodyId, bodyId))
    .orderBy(asc(bodyMeetings.date));
  const url = `${appUrl.replace(/\/+$/, '')}${bodyPath(body.id)}`;
  const calendar = ical({
    prodId: { company: 'Partnerskap', product: 'Partnerskap', language: 'NB' },
    method: ICalCalendarMethod.PUBLISH,
    name: body.name,
  });
  for (const m of meetings) {
    calendar.createEvent({
      id: `${m.id}@partnerskap-body`,
      sequence: m.version - 1,
      stamp: m.updatedAt,
      start: m.date,
      allDay: true,
      summary: `Møte i ${body.name}`,
      location: m.place,
      description: [
        ...(m.documentsDue
          ? [`Frist for saksframlegg: ${m.documentsDue.split('-').reverse().join('.')}`]
          : []),
        url,
      ].join('\n'),
      url,
    });
  }
  return {
    filename: `${body.name}.ics`,
    mediaType: 'text/calendar; charset=utf-8',
    content: Buffer.from(calendar.toString()),
  };
}
