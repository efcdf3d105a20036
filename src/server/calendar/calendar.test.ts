import { gunzipSync } from 'node:zlib';
import { and, asc, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { waitFor } from '../../../test/support/wait-for.js';
import type { CreatedCalendarFeed } from '../../shared/contracts/calendar.js';
import type { Meeting } from '../../shared/contracts/meetings.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { mailOutbox } from '../mail/mail.table.js';
import { sendMailWorker } from '../mail/send-mail.js';
import { createMeeting } from '../meetings/create-meeting.js';
import {
  collaborationBody,
  future,
  type MeetingsFixture,
  meetingsFixture,
  past,
} from '../meetings/meeting.fixtures.js';
import { users } from '../users/user.table.js';

let t: TestApp;
let fx: MeetingsFixture;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  fx = await meetingsFixture(t);
  admin = await t.cookieFor(t.actors.admin.email);
}, 300_000);
afterAll(async () => t.close());

/** 10:00 in Oslo on a winter day (+01:00) and a summer day (+02:00). */
const winter = { startsAt: '2099-01-15T10:00:00+01:00', endsAt: '2099-01-15T12:00:00+01:00' };
const summer = { startsAt: '2099-06-15T10:00:00+02:00', endsAt: '2099-06-15T12:00:00+02:00' };

const osloClock = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);

/** An iCalendar text read back with ical.js: its METHOD and its events. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: c.getFirstPropertyValue('status'),
      url: c.getFirstPropertyValue('url'),
      stamp: c.getFirstPropertyValue('dtstamp'),
      organizer: c.getFirstPropertyValue('organizer'),
      attendees: c.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
    };
  });
  return {
    version: calendar.getFirstPropertyValue('version'),
    method: calendar.getFirstPropertyValue('method'),
    events,
  };
}

async function plan(body: Record<string, unknown>): Promise<Meeting> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/meetings',
    cookie: admin,
    payload: await collaborationBody(t, fx, body),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const invitationsOf = (meetingId: string) =>
  t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.entityId, meetingId), like(mailOutbox.key, 'calendar:%')))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.to));

describe('a meeting as an .ics download', () => {
  it('is one valid event: stable UID, DTSTAMP, SEQUENCE, ORGANIZER, no ATTENDEE, link; 10:00 Oslo in winter and summer', async () => {
    for (const time of [winter, summer]) {
      const meeting = await plan({ ...time, title: `Samhandlingsmøte ${time.startsAt.slice(5, 7)}` });
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/meetings/${meeting.id}/calendar.ics`,
        cookie: admin,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('.ics');
      const parsed = parseCalendar(res.body);
      expect(parsed.version).toBe('2.0');
      expect(parsed.method).toBe('PUBLISH');
      const [event] = parsed.events;
      expect(event).toMatchObject({
        uid: `${meeting.id}@partnerskap`,
        sequence: 0,
        summary: meeting.title,
        status: 'CONFIRMED',
        url: `http://partnerskap.test/moter/${meeting.id}`,
      });
      expect(event?.stamp).toBeTruthy();
      expect(event?.organizer).toBe(`mailto:${t.actors.admin.email}`);
      // A PUBLISH names no attendees (RFC 5546 §3.2.1); the invitations do (below).
      expect(event?.attendees).toEqual([]);
      expect(osloClock(event?.start ?? new Date(0))).toBe('10:00');
      expect(osloClock(event?.end ?? new Date(0))).toBe('12:00');
      expect(event?.start.toISOString()).toBe(new Date(time.startsAt).toISOString());
    }
  });

  it('is refused to a region contact for another region’s meeting, and 404 for an unknown one', async () => {
    const meeting = await plan({ ...winter, agreementIds: [fx.other.id], participants: [] });
    const region = await t.cookieFor(t.actors.region.email);
    const refused = await t.request({
      method: 'GET',
      url: `/api/v1/meetings/${meeting.id}/calendar.ics`,
      cookie: region,
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/meetings/7d3e6b4e-0000-4000-8000-000000000000/calendar.ics',
      cookie: admin,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('invitations by e-mail', () => {
  let smtp: TestSmtpServer;
  let jobs: Jobs;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    jobs = await startJobs(t.database, {
      log: pino({ level: 'silent' }),
      workers: [sendMailWorker({ url: smtp.url, from: 'Partnerskap <partnerskap@viken.test>' })],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await smtp.close();
  });

  const received = (to: string, subjectStart: string) =>
    waitFor(`"${subjectStart}" to ${to}`, async () =>
      smtp.received.find((m) => m.to.includes(to) && m.subject.startsWith(subjectStart)),
    );

  it('sends REQUEST when planned, REQUEST with a higher SEQUENCE when moved, CANCEL when cancelled', async () => {
    const planned = await plan({ ...summer, title: 'Samhandlingsmøte om invitasjoner' });
    const first = await invitationsOf(planned.id);
    expect(first.map((m) => m.to).sort()).toEqual(
      [t.actors.admin.email, t.actors.department.email, t.actors.region.email, 'kari@marker.test'].sort(),
    );
    for (const m of first) {
      expect(m.attachmentType).toBe('text/calendar; method=REQUEST');
      expect(m.attachmentName).toBe('invitasjon.ics');
    }

    // The invitation as the participant's mail program gets it, over SMTP.
    const mail = await received('kari@marker.test', 'Invitasjon: Samhandlingsmøte om invitasjoner');
    expect(mail.text).toContain(`http://partnerskap.test/moter/${planned.id}`);
    const part = mail.parts.find((p) => p.contentType.toLowerCase().startsWith('text/calendar'));
    expect(part?.contentType.toLowerCase()).toContain('method=request');
    const invitation = parseCalendar(part?.content ?? '');
    expect(invitation.method).toBe('REQUEST');
    expect(invitation.events[0]).toMatchObject({ uid: `${planned.id}@partnerskap`, sequence: 0 });
    // A REQUEST names every participant, so each one's calendar program can answer it.
    expect(invitation.events[0]?.attendees).toEqual(
      expect.arrayContaining([`mailto:${t.actors.region.email}`, 'mailto:kari@marker.test']),
    );
    expect(osloClock(invitation.events[0]?.start ?? new Date(0))).toBe('10:00');
    expect(mail.parts.some((p) => p.filename === 'invitasjon.ics')).toBe(true);

    // A new time: every participant gets the update, the same UID with a higher SEQUENCE.
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${planned.id}`,
      cookie: admin,
      payload: { ...winter, version: planned.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const afterMove = await invitationsOf(planned.id);
    const updates = afterMove.filter((m) => !first.some((f) => f.id === m.id));
    expect(updates).toHaveLength(4);
    const update = parseCalendar(updates[0]?.attachmentContent ?? '');
    expect(update.method).toBe('REQUEST');
    expect(update.events[0]).toMatchObject({ uid: `${planned.id}@partnerskap`, sequence: 1 });
    expect(osloClock(update.events[0]?.start ?? new Date(0))).toBe('10:00');
    expect(update.events[0]?.start.toISOString()).toBe('2099-01-15T09:00:00.000Z');
    const updateMail = await received('kari@marker.test', 'Endret: Samhandlingsmøte om invitasjoner');
    expect(
      parseCalendar(updateMail.parts.find((p) => p.contentType.startsWith('text/calendar'))?.content ?? '')
        .events[0]?.sequence,
    ).toBe(1);

    // A new title alone moves nothing in a calendar: no mail.
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${planned.id}`,
      cookie: admin,
      payload: { title: 'Samhandlingsmøte om invitasjoner, nytt navn', version: moved.json().version },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await invitationsOf(planned.id)).toHaveLength(8);

    const cancelled = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${planned.id}/state`,
      cookie: admin,
      payload: { state: 'cancelled', version: renamed.json().version },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const cancels = (await invitationsOf(planned.id)).filter((m) => m.attachmentType?.includes('CANCEL'));
    expect(cancels).toHaveLength(4);
    expect(cancels[0]?.attachmentType).toBe('text/calendar; method=CANCEL');
    const cancel = parseCalendar(cancels[0]?.attachmentContent ?? '');
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({
      uid: `${planned.id}@partnerskap`,
      sequence: 2,
      status: 'CANCELLED',
    });
    const cancelMail = await received('kari@marker.test', 'Avlyst:');
    const cancelPart = cancelMail.parts.find((p) => p.contentType.startsWith('text/calendar'));
    expect(cancelPart?.contentType.toLowerCase()).toContain('method=cancel');
  });

  it('invites newcomers to a planned meeting once and sends those taken off a CANCEL', async () => {
    const planned = await plan({ ...summer, title: 'Samhandlingsmøte med nye deltakere' });
    const participants = planned.participants.map((p) =>
      p.personId
        ? { personId: p.personId, side: p.side, departmentId: p.department?.id ?? null }
        : { name: p.name, organisation: p.organisation, email: p.email, side: p.side },
    );
    const res = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${planned.id}/participants`,
      cookie: admin,
      payload: {
        version: planned.version,
        participants: [
          ...participants.filter((p) => !('email' in p && p.email === 'kari@marker.test')),
          {
            name: 'Per Rådmann',
            organisation: 'Askim kommune',
            email: 'per@askim.test',
            side: 'municipality',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const all = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.entityId, planned.id));
    const to = (address: string) => all.filter((m) => m.to === address).map((m) => m.attachmentType);
    expect(to('per@askim.test')).toEqual(['text/calendar; method=REQUEST']);
    expect(to('kari@marker.test').sort()).toEqual([
      'text/calendar; method=CANCEL',
      'text/calendar; method=REQUEST',
    ]);
    expect(to(t.actors.region.email)).toEqual(['text/calendar; method=REQUEST']);
  });

  it('invites someone taken off and put back again with a higher SEQUENCE than their cancellation', async () => {
    const planned = await plan({ ...winter, title: 'Samhandlingsmøte med en som kommer likevel' });
    const listOf = (m: Meeting) =>
      m.participants.map((p) =>
        p.personId
          ? { personId: p.personId, side: p.side, departmentId: p.department?.id ?? null }
          : { name: p.name, organisation: p.organisation, email: p.email, side: p.side },
      );
    const put = async (m: Meeting, participants: unknown[]): Promise<Meeting> => {
      const res = await t.request({
        method: 'PUT',
        url: `/api/v1/meetings/${m.id}/participants`,
        cookie: admin,
        payload: { version: m.version, participants },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const kari = 'kari@marker.test';
    const withoutKari = await put(
      planned,
      listOf(planned).filter((p) => !('email' in p && p.email === kari)),
    );
    const back = await put(withoutKari, listOf(planned));

    const sent = async (address: string) =>
      (
        await t.database.db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.entityId, planned.id), eq(mailOutbox.to, address)))
          .orderBy(asc(mailOutbox.createdAt))
      ).map((m) => {
        const parsed = parseCalendar(m.attachmentContent ?? '');
        return [parsed.method, parsed.events[0]?.uid, parsed.events[0]?.sequence];
      });
    const uid = `${planned.id}@partnerskap`;
    expect(await sent(kari)).toEqual([
      ['REQUEST', uid, 0],
      ['CANCEL', uid, 0],
      ['REQUEST', uid, 1],
    ]);
    // The others keep their invitation: only the one put back hears of it.
    expect(await sent(t.actors.region.email)).toEqual([['REQUEST', uid, 0]]);
    expect(back.sequence).toBe(1);

    // Taken off and put back once more: a third sequence, each message once.
    const again = await put(
      await put(
        back,
        listOf(planned).filter((p) => !('email' in p && p.email === kari)),
      ),
      listOf(planned),
    );
    expect(again.sequence).toBe(2);
    expect((await sent(kari)).map(([method, , sequence]) => `${method} ${sequence}`)).toEqual([
      'REQUEST 0',
      'CANCEL 0',
      'REQUEST 1',
      'CANCEL 1',
      'REQUEST 2',
    ]);
  });

  it('sends nothing for a meeting that has ended, nor from a use case called without the app’s address', async () => {
    const over = await plan({ ...past, title: 'Samhandlingsmøte som er over' });
    expect(await invitationsOf(over.id)).toEqual([]);
    const quiet = await createMeeting(t.ctx(t.actors.admin), await collaborationBody(t, fx, future));
    expect(await invitationsOf(quiet.id)).toEqual([]);
  });
});

describe('personal calendar feeds', () => {
  const feedPath = (url: string) => new URL(url).pathname;

  async function createFeed(cookie: string): Promise<CreatedCalendarFeed> {
    const res = await t.request({ method: 'POST', url: '/api/v1/calendar-feeds', cookie });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('shows the token once, lists feeds without it, and answers the meetings the user may read', async () => {
    const internal = await plan({ ...winter, type: 'kickoff', title: 'Oppstart i fylket', participants: [] });
    const others = await plan({
      ...winter,
      title: 'Hallingdals møte',
      agreementIds: [fx.other.id],
      participants: [],
    });
    const own = await plan({ ...winter, title: 'Indre Østfolds møte', participants: [] });

    const region = await t.cookieFor(t.actors.region.email);
    const feed = await createFeed(region);
    expect(feed.url).toMatch(/^http:\/\/partnerskap\.test\/api\/v1\/calendar\/[\w-]{43}\.ics$/);
    const list = await t.request({ method: 'GET', url: '/api/v1/calendar-feeds', cookie: region });
    expect(list.json()).toEqual({ items: [{ id: feed.id, createdAt: feed.createdAt }] });
    expect(list.body).not.toContain(feed.url.split('/').pop()?.replace('.ics', ''));

    // The calendar program has no cookie: the address is the key.
    const res = await t.app.inject({ method: 'GET', url: feedPath(feed.url) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const uids = parseCalendar(res.body).events.map((e) => e.uid);
    expect(uids).toContain(`${own.id}@partnerskap`);
    expect(uids).not.toContain(`${others.id}@partnerskap`);
    expect(uids).not.toContain(`${internal.id}@partnerskap`);

    // The feed is kept between reads, and follows the next change.
    const later = await plan({ ...summer, title: 'Indre Østfolds neste møte', participants: [] });
    const again = await t.app.inject({ method: 'GET', url: feedPath(feed.url) });
    expect(parseCalendar(again.body).events.map((e) => e.uid)).toContain(`${later.id}@partnerskap`);
    const gzipped = await t.app.inject({
      method: 'GET',
      url: feedPath(feed.url),
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(again.body);

    const county = await createFeed(await t.cookieFor(t.actors.viewer.email));
    const countyUids = parseCalendar(
      (await t.request({ method: 'GET', url: feedPath(county.url) })).body,
    ).events.map((e) => e.uid);
    expect(countyUids).toEqual(
      expect.arrayContaining([own.id, others.id, internal.id].map((id) => `${id}@partnerskap`)),
    );
  });

  it('answers 404 for a revoked or unknown token, and for a deactivated user’s feed, changing nothing', async () => {
    const cookie = await t.cookieFor(t.actors.department.email);
    const feed = await createFeed(cookie);
    expect((await t.request({ method: 'GET', url: feedPath(feed.url) })).statusCode).toBe(200);

    // Another user cannot revoke it.
    const before = await snapshot(t.database.db);
    const foreign = await t.request({
      method: 'DELETE',
      url: `/api/v1/calendar-feeds/${feed.id}`,
      cookie: admin,
    });
    expect(foreign.statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);

    const revoked = await t.request({ method: 'DELETE', url: `/api/v1/calendar-feeds/${feed.id}`, cookie });
    expect(revoked.statusCode).toBe(204);
    const afterRevoke = await snapshot(t.database.db);
    expect((await t.request({ method: 'GET', url: feedPath(feed.url) })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar/ukjent.ics' })).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/calendar-feeds/${feed.id}`, cookie })).statusCode,
    ).toBe(404);
    expect(await snapshot(t.database.db)).toBe(afterRevoke);
    const list = await t.request({ method: 'GET', url: '/api/v1/calendar-feeds', cookie });
    expect(list.json().items.map((f: { id: string }) => f.id)).not.toContain(feed.id);

    const other = await createFeed(await t.cookieFor(t.actors.otherDepartment.email));
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, t.actors.otherDepartment.id));
    try {
      expect((await t.request({ method: 'GET', url: feedPath(other.url) })).statusCode).toBe(404);
    } finally {
      await t.database.db
        .update(users)
        .set({ active: true })
        .where(eq(users.id, t.actors.otherDepartment.id));
    }
  });
});
