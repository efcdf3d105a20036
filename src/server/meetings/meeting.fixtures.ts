import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { CreateMeetingBody, ParticipantBody } from '../../shared/contracts/meetings.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { agreementsFixture } from '../contributions/contribution.fixtures.js';
import { people } from '../registry/registry.table.js';
import { changeMeetingState } from './change-meeting-state.js';
import { createMeeting } from './create-meeting.js';

/**
 * Test data for the meetings' database tests: a cycle of its own with the agreements of Indre Østfold (the
 * region contact's) and Hallingdal (the other region's), and meetings made through the use cases.
 */

export const appUrl = 'https://partnerskap.viken.test';
export const links = { appUrl };
export const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

/** A morning in March 2025, Oslo time (winter: +01:00), long past: a meeting that may be marked held. */
export const past = { startsAt: '2025-03-18T10:00:00+01:00', endsAt: '2025-03-18T12:00:00+01:00' };
/** A morning far ahead, in summer time: a meeting that cannot be held yet. */
export const future = { startsAt: '2099-06-10T09:00:00+02:00', endsAt: '2099-06-10T11:30:00+02:00' };

export type MeetingsFixture = Awaited<ReturnType<typeof meetingsFixture>>;

export async function meetingsFixture(t: TestApp) {
  const { cycle, own, other } = await agreementsFixture(t);
  return { cycle, own, other };
}

/** The registry person of a demo account (each demo user has one, with the same e-mail address). */
export async function personOf(t: TestApp, email: string): Promise<{ id: string; name: string }> {
  const [person] = await t.database.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.email, email));
  if (!person) throw new Error(`no person ${email}`);
  return person;
}

/**
 * The participants of Indre Østfold's collaboration meeting: the coordinator and the Samferdsel editor for
 * the county, the region's contact, and a mayor given by name only.
 */
export async function collaborationParticipants(t: TestApp): Promise<ParticipantBody[]> {
  const admin = await personOf(t, t.actors.admin.email);
  const editor = await personOf(t, t.actors.department.email);
  const contact = await personOf(t, t.actors.region.email);
  return [
    { personId: admin.id, side: 'county' },
    { personId: editor.id, side: 'county', departmentId: t.actors.department.departmentId },
    { personId: contact.id, side: 'region' },
    {
      name: 'Kari Ordfører',
      organisation: 'Marker kommune',
      email: 'kari@marker.test',
      side: 'municipality',
    },
  ];
}

export async function collaborationBody(
  t: TestApp,
  fx: MeetingsFixture,
  over: Partial<CreateMeetingBody> = {},
): Promise<CreateMeetingBody> {
  return {
    cycleId: fx.cycle.id,
    type: 'collaboration',
    title: 'Samhandlingsmøte med Indre Østfold regionråd',
    ...past,
    place: 'Askim rådhus',
    agreementIds: [fx.own.id],
    participants: await collaborationParticipants(t),
    ...over,
  };
}

/** A bilateral meeting of the Samferdsel department with Indre Østfold. */
export const bilateralBody = (
  t: TestApp,
  fx: MeetingsFixture,
  over: Partial<CreateMeetingBody> = {},
): CreateMeetingBody => ({
  cycleId: fx.cycle.id,
  type: 'bilateral',
  title: 'Bilateralt møte om kollektivtrafikk',
  ...past,
  videoLink: 'https://teams.example.test/moete/123',
  agreementIds: [fx.own.id],
  ownerDepartmentId: t.actors.department.departmentId,
  ...over,
});

export const minutesText = (...paragraphs: string[]): RichTextDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** Indre Østfold's collaboration meeting, planned by the admin and marked held. */
export async function heldCollaboration(t: TestApp, fx: MeetingsFixture) {
  const admin = t.ctx(t.actors.admin);
  const planned = await createMeeting(admin, await collaborationBody(t, fx));
  return changeMeetingState(admin, planned.id, { state: 'held', version: planned.version }, links);
}

/** The roles the meetings' tests act as, signed in once per file. */
export type MeetingCookies = Record<
  'admin' | 'viewer' | 'department' | 'otherDepartment' | 'region' | 'otherRegion',
  string
>;

export async function signInMeetingRoles(t: TestApp): Promise<MeetingCookies> {
  return {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    otherDepartment: await t.cookieFor('naering@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

/**
 * The HTTP calls the meetings' tests make: a plain request, one that must succeed, and one that must be
 * refused with the status (and field errors) given, changing nothing at all. `app` gives the file's test app,
 * which is started in its beforeAll.
 */
export function meetingRequests(app: () => TestApp) {
  const req = (method: Method, url: string, cookie: string, payload?: unknown) =>
    app().request({
      method,
      url,
      cookie,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  async function refused(
    call: () => Promise<{ statusCode: number; json(): unknown }>,
    status: number,
    fields?: [string, string][],
  ) {
    const before = await snapshot(app().database.db);
    const res = await call();
    expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
    if (fields) expect(fieldsOf(res)).toEqual(fields);
    expect(await snapshot(app().database.db)).toBe(before);
    return res;
  }
  async function ok<T>(method: Method, url: string, cookie: string, body?: unknown): Promise<T> {
    const res = await req(method, url, cookie, body);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return (res.statusCode === 204 ? undefined : res.json()) as T;
  }
  return { req, refused, ok };
}
