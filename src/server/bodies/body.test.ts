import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type {
  BodyList,
  BodyMeeting,
  BodySyncResult,
  PoliticalBodyWithPlan,
} from '../../shared/contracts/bodies.js';
import {
  type MeetingCookies,
  meetingRequests,
  signInMeetingRoles,
  unknownId,
} from '../meetings/meeting.fixtures.js';
import { municipalities, regions } from '../registry/registry.table.js';

let t: TestApp;
let cookies: MeetingCookies;
const { req, refused, ok } = meetingRequests(() => t);

let bodies: BodyList['items'];
const bodyNamed = (name: string) => {
  const body = bodies.find((b) => b.name === name);
  if (!body) throw new Error(`no body ${name}`);
  return body;
};

beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
});
afterAll(async () => t.close());

describe('political bodies from the registry', () => {
  it('makes the county’s bodies, a council per region and per municipality inside the county, once', async () => {
    const regionCount = (await t.database.db.select({ id: regions.id }).from(regions)).length;
    const inside = await t.database.db
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.outsideCounty, false));
    // The demo made them (demo-political.ts): a sync finds every one there and makes none.
    const all = 2 + regionCount + inside.length;
    expect(await ok<BodySyncResult>('POST', '/api/v1/bodies/sync', cookies.admin)).toEqual({
      created: 0,
      existing: all,
    });
    // A region added to the registry later gets its council from the next sync, and only that.
    await ok('POST', '/api/v1/regions', cookies.admin, { name: 'Vestre Viken' });
    const first = await ok<BodySyncResult>('POST', '/api/v1/bodies/sync', cookies.admin);
    expect(first).toEqual({ created: 1, existing: all });
    const again = await ok<BodySyncResult>('POST', '/api/v1/bodies/sync', cookies.admin);
    expect(again).toEqual({ created: 0, existing: all + 1 });

    bodies = (await ok<BodyList>('GET', '/api/v1/bodies', cookies.viewer)).items;
    expect(bodies.slice(0, 2).map((b) => [b.kind, b.name])).toEqual([
      ['executive_board', 'Fylkesrådet'],
      ['county_council', 'Fylkestinget'],
    ]);
    expect(bodies.filter((b) => b.kind === 'regional_council')).toHaveLength(regionCount + 1);
    const made = bodyNamed('Regionrådet for Vestre Viken');
    expect(await auditTrail(t, 'politicalBody', made.id)).toMatchObject([
      { action: 'politicalBody.create', actorName: t.actors.admin.name },
    ]);
    const board = bodyNamed('Fylkesrådet');
    expect(await auditTrail(t, 'politicalBody', board.id)).toMatchObject([
      { action: 'politicalBody.create', actorName: t.actors.admin.name },
    ]);
    // Nobody but the coordinator plans the county's bodies; a viewer plans nothing.
    expect(bodies.every((b) => !b.mayPlan)).toBe(true);
  });

  it('refuses making bodies to anyone but the coordinator', async () => {
    await refused(() => req('POST', '/api/v1/bodies/sync', cookies.region), 403);
    await refused(() => req('POST', '/api/v1/bodies/sync', cookies.viewer), 403);
  });

  it('lists a region’s council and its members’ councils, which its contact may plan', async () => {
    const regionId = t.actors.region.regionId as string;
    const own = (await ok<BodyList>('GET', `/api/v1/bodies?regionId=${regionId}`, cookies.region)).items;
    expect(own[0]?.kind).toBe('regional_council');
    expect(own.length).toBeGreaterThan(2);
    for (const body of own) {
      expect(body.regionIds).toContain(regionId);
      expect(body.mayPlan).toBe(true);
    }
    const all = (await ok<BodyList>('GET', '/api/v1/bodies?kind=municipal_council', cookies.region)).items;
    expect(all.every((b) => b.kind === 'municipal_council')).toBe(true);
    expect(
      all
        .filter((b) => b.mayPlan)
        .map((b) => b.id)
        .sort(),
    ).toEqual(
      own
        .filter((b) => b.kind === 'municipal_council')
        .map((b) => b.id)
        .sort(),
    );
  });
});

describe('meeting plans', () => {
  let council: BodyList['items'][number];
  let meeting: BodyMeeting;

  it('lets a region contact plan its municipalities’ council meetings', async () => {
    const regionId = t.actors.region.regionId as string;
    const own = (await ok<BodyList>('GET', `/api/v1/bodies?regionId=${regionId}`, cookies.region)).items;
    council = own.find((b) => b.kind === 'municipal_council') as BodyList['items'][number];
    meeting = await ok<BodyMeeting>('POST', `/api/v1/bodies/${council.id}/meetings`, cookies.region, {
      date: '2099-02-12',
      place: 'Kommunestyresalen',
    });
    expect(meeting).toMatchObject({ bodyId: council.id, date: '2099-02-12', documentsDue: null, version: 1 });
    const body = await ok<PoliticalBodyWithPlan>('GET', `/api/v1/bodies/${council.id}`, cookies.viewer);
    // After the demo's meetings of 2021, earliest first.
    expect(body.meetings.map((m) => m.date).at(-1)).toBe('2099-02-12');
    expect(body.meetings.slice(0, -1).every((m) => m.date < '2023-01-01')).toBe(true);
    expect(body.nextMeeting?.id).toBe(meeting.id);
    expect(await auditTrail(t, 'bodyMeeting', meeting.id)).toMatchObject([
      { action: 'bodyMeeting.create', actorName: t.actors.region.name },
    ]);
  });

  it('refuses a region contact another region’s councils and the county’s bodies', async () => {
    const otherRegion = bodies.find(
      (b) => b.kind === 'municipal_council' && !b.regionIds.includes(t.actors.region.regionId as string),
    );
    if (!otherRegion) throw new Error('no other council');
    const payload = { date: '2099-03-01' };
    await refused(
      () => req('POST', `/api/v1/bodies/${otherRegion.id}/meetings`, cookies.region, payload),
      403,
    );
    await refused(
      () => req('POST', `/api/v1/bodies/${bodyNamed('Fylkesrådet').id}/meetings`, cookies.region, payload),
      403,
    );
    await refused(() => req('POST', `/api/v1/bodies/${council.id}/meetings`, cookies.viewer, payload), 403);
    await refused(
      () => req('POST', `/api/v1/bodies/${council.id}/meetings`, cookies.department, payload),
      403,
    );
    await refused(() => req('POST', `/api/v1/bodies/${unknownId}/meetings`, cookies.admin, payload), 404);
  });

  it('keeps the county’s deadline for case documents on or before the meeting, and one meeting a day', async () => {
    const board = bodyNamed('Fylkesrådet');
    const url = `/api/v1/bodies/${board.id}/meetings`;
    await refused(
      () => req('POST', url, cookies.admin, { date: '2099-01-20', documentsDue: '2099-01-21' }),
      400,
      [['documentsDue', 'validation.documentsDueAfterMeeting']],
    );
    await refused(
      () =>
        req('POST', `/api/v1/bodies/${council.id}/meetings`, cookies.admin, {
          date: '2099-05-01',
          documentsDue: '2099-04-20',
        }),
      400,
      [['documentsDue', 'validation.documentsDueCountyOnly']],
    );
    await refused(() => req('POST', url, cookies.admin, { date: '2099-13-01' }), 400, [
      ['date', 'validation.date'],
    ]);
    const made = await ok<BodyMeeting>('POST', url, cookies.admin, {
      date: '2099-01-20',
      documentsDue: '2099-01-06',
    });
    expect(made.documentsDue).toBe('2099-01-06');
    await refused(() => req('POST', url, cookies.admin, { date: '2099-01-20' }), 400, [
      ['date', 'validation.bodyMeetingDateTaken'],
    ]);
  });

  it('moves a meeting at its version and refuses a stale one', async () => {
    const url = `/api/v1/bodies/${council.id}/meetings/${meeting.id}`;
    const moved = await ok<BodyMeeting>('PUT', url, cookies.region, {
      date: '2099-02-19',
      place: 'Kommunestyresalen',
      version: 1,
    });
    expect(moved).toMatchObject({ date: '2099-02-19', version: 2 });
    await refused(() => req('PUT', url, cookies.region, { date: '2099-02-26', version: 1 }), 409);
    await refused(
      () =>
        req('PUT', `/api/v1/bodies/${bodyNamed('Fylkesrådet').id}/meetings/${meeting.id}`, cookies.admin, {
          date: '2099-02-26',
          version: 2,
        }),
      404,
    );
    meeting = moved;
  });

  it('publishes a body’s plan as a calendar feed without sign-in', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/bodies/${bodyNamed('Fylkesrådet').id}/calendar.ics`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    // The demo's plan of 2021 and 2022, and the meeting made above.
    expect(events.length).toBeGreaterThan(10);
    const event = events.find((e) => e.startDate.toString() === '2099-01-20') as ICAL.Event;
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2099-01-20');
    expect(event.summary).toBe('Møte i Fylkesrådet');
    expect(event.description).toContain('Frist for saksframlegg: 06.01.2099');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/bodies/${unknownId}/calendar.ics` })).statusCode,
    ).toBe(404);
  });

  it('takes a meeting out of the plan', async () => {
    const url = `/api/v1/bodies/${council.id}/meetings/${meeting.id}`;
    await refused(() => req('DELETE', url, cookies.otherRegion), 403);
    await refused(() => req('DELETE', `${url}?version=1`, cookies.region), 409);
    await ok('DELETE', `${url}?version=2`, cookies.region);
    const body = await ok<PoliticalBodyWithPlan>('GET', `/api/v1/bodies/${council.id}`, cookies.region);
    expect(body.meetings.map((m) => m.id)).not.toContain(meeting.id);
    expect(body.meetings.length).toBeGreaterThan(0);
    expect((await auditTrail(t, 'bodyMeeting', meeting.id)).map((e) => e.action)).toEqual([
      'bodyMeeting.create',
      'bodyMeeting.update',
      'bodyMeeting.delete',
    ]);
  });
});
