import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { Locale, Role } from '../../shared/contracts/common.js';
import { countyInternalTypes } from '../../shared/contracts/meetings.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { meetings } from '../meetings/meeting.table.js';
import { concernsRegion } from '../meetings/meeting-reads.js';
import { assertMayRead, regionIdsOf } from '../meetings/meeting-rules.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import type { StoredFile } from '../platform/files.js';
import { assertId, noId } from '../platform/ids.js';
import type { ReadFrom } from '../platform/read-cache.js';
import { users } from '../users/user.table.js';
import { calendarFeeds } from './calendar-feed.table.js';
import { type FeedKeys, feedTokenHash } from './calendar-feed-rules.js';
import { readCalendarMeetings } from './calendar-reads.js';
import { writeCalendar } from './meeting-event.js';

const calendarType = 'text/calendar; charset=utf-8';

/** A file name from a meeting's title: its letters and digits, the rest as dashes. */
const fileNameOf = (title: string) =>
  `${
    title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'mote'
  }.ics`;

/** One meeting as an .ics file to import, for whoever may read the meeting (the same rule as its page). */
export async function getMeetingCalendar(ctx: Ctx, id: string, appUrl: string): Promise<StoredFile> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(id);
  const [event] = await readCalendarMeetings(db, eq(meetings.id, id), appUrl);
  if (!event) throw notFound();
  const [row] = await db.select({ type: meetings.type }).from(meetings).where(eq(meetings.id, id));
  assertMayRead(actor, { type: row?.type ?? '', regionIds: await regionIdsOf(db, id) });
  return {
    filename: fileNameOf(event.title),
    mediaType: calendarType,
    content: Buffer.from(writeCalendar([event], { method: 'PUBLISH', appUrl, locale: actor.locale })),
  };
}

/**
 * Each feed's calendar text, made once per change to the database: a calendar program asks every few
 * minutes, a feed holds hundreds of meetings, and writing them costs far more than checking the stamp.
 * Keyed by the token's HMAC: whether the feed is revoked, its owner active, what they may read, their name
 * and language are all in the database, so any change to them is an audited write that moves the stamp.
 * An unknown or revoked token throws inside the load, which keeps nothing.
 */
const feedCache = createReadCache<{ text: string }>({ maxEntries: 100 });

/** The UTF-8 bytes of each cached text, made once rather than per answer. */
const feedBytes = new WeakMap<object, Buffer>();

/**
 * A personal feed's calendar: every meeting its user may read now, by the meetings list's rule (the
 * county's people all; a region contact those of their region's agreement, never the county's internal
 * ones), cancelled ones marked so. The token is the only key: an unknown or revoked one, or the feed of a
 * deactivated user, is not found, and nothing is written. `from` is the request's context: a calendar
 * program sends no cookie, but a browser signed in to Partnerskap does, and its session's lookup has then
 * already read the stamp, which the cache takes instead of asking again.
 */
export async function getCalendarFeed(
  from: ReadFrom,
  keys: FeedKeys,
  token: string,
  appUrl: string,
): Promise<StoredFile> {
  const hash = feedTokenHash(keys, token);
  const cached = await feedCache.read(from, 'every scope', `${hash} ${appUrl}`, async (reader) => {
    const [owner] = await reader
      .select({ name: users.name, role: users.role, regionId: users.regionId, locale: users.locale })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(and(eq(calendarFeeds.tokenHash, hash), isNull(calendarFeeds.revokedAt), eq(users.active, true)));
    if (!owner) throw notFound();
    const role = Role.parse(owner.role);
    const where =
      role === 'region'
        ? and(concernsRegion(owner.regionId ?? noId), notInArray(meetings.type, [...countyInternalTypes]))
        : undefined;
    const events = await readCalendarMeetings(reader, where, appUrl);
    return {
      text: writeCalendar(events, {
        method: 'PUBLISH',
        appUrl,
        locale: Locale.catch('nb').parse(owner.locale),
        name: `Partnerskap – ${owner.name}`,
      }),
    };
  });
  let content = feedBytes.get(cached);
  if (!content) {
    content = Buffer.from(cached.text, 'utf8');
    feedBytes.set(cached, content);
  }
  return { filename: 'partnerskap.ics', mediaType: calendarType, content };
}
