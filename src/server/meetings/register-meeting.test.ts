import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { Meeting } from '../../shared/contracts/meetings.js';
import { emptyRichText } from '../../shared/contracts/rich-text.js';
import { jobRequests } from '../jobs/job.table.js';
import { mailOutbox } from '../mail/mail.table.js';
import {
  bilateralBody,
  collaborationBody,
  future,
  type MeetingsFixture,
  meetingsFixture,
  minutesText,
} from './meeting.fixtures.js';
import { meetings } from './meeting.table.js';

let t: TestApp;
let fx: MeetingsFixture;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region', string>;
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
  fx = await meetingsFixture(t);
}, 300_000);
afterAll(async () => t.close());

const url = '/api/v1/meetings/registered-afterwards';
const register = (cookie: string, payload: unknown) =>
  t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

/** A call that must be refused with the status (and the field errors) given, changing nothing at all. */
async function refused(
  call: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  fields?: [string, string][],
) {
  const before = await snapshot(t.database.db);
  const res = await call();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  if (fields) expect(fieldsOf(res)).toEqual(fields);
  expect(await snapshot(t.database.db)).toBe(before);
}

/** Everything the meeting could have e-mailed or asked a job for. */
const sentFor = async (meetingId: string) => ({
  mails: (await t.database.db.select({ n: count() }).from(mailOutbox))[0]?.n,
  jobs: (
    await t.database.db
      .select({ n: count() })
      .from(jobRequests)
      .where(sql`${jobRequests.data}::text like ${`%${meetingId}%`}`)
  )[0]?.n,
});

describe('registering a meeting that took place', () => {
  it('writes it with its minutes approved as they were, marked registered afterwards; nobody is e-mailed', async () => {
    const mailsBefore = (await t.database.db.select({ n: count() }).from(mailOutbox))[0]?.n;
    const res = await register(cookies.admin, {
      ...(await collaborationBody(t, fx)),
      minutes: minutesText('Regionen la fram sine ønsker.'),
      state: 'minutes_approved',
    });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json() as Meeting;
    expect(meeting).toMatchObject({
      type: 'collaboration',
      state: 'minutes_approved',
      minutes: minutesText('Regionen la fram sine ønsker.'),
      minutesUpdatedBy: { id: t.actors.admin.id },
      participantCount: 4,
      registeredAfterwards: { by: { id: t.actors.admin.id }, at: expect.any(String) },
      createdBy: { id: t.actors.admin.id },
      stateChoices: [],
    });
    expect(meeting.heldAt).toBe(new Date('2025-03-18T12:00:00+01:00').toISOString());
    expect(await sentFor(meeting.id)).toEqual({ mails: mailsBefore, jobs: 0 });
    expect(await auditTrail(t, 'meeting', meeting.id)).toMatchObject([
      {
        action: 'meeting.register',
        before: null,
        after: { state: 'minutes_approved', registeredAfterwards: true },
      },
    ]);
    // Everyone who reads the meeting sees who registered it.
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/meetings/${meeting.id}`,
      cookie: cookies.region,
    });
    expect(read.json()).toMatchObject({ registeredAfterwards: { by: { name: expect.any(String) } } });
  });

  it('lets a department editor register its own bilateral meeting, held without minutes; no reminder', async () => {
    const res = await register(cookies.department, bilateralBody(t, fx));
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json() as Meeting;
    expect(meeting).toMatchObject({
      state: 'held',
      minutes: null,
      registeredAfterwards: { by: { id: t.actors.department.id } },
      stateChoices: ['minutes_for_comment'],
    });
    expect((await sentFor(meeting.id)).jobs).toBe(0);
  });

  it('is refused for another department’s meeting, the wrong type, a region contact and a viewer, changing nothing', async () => {
    await refused(
      () =>
        register(
          cookies.department,
          bilateralBody(t, fx, { ownerDepartmentId: t.actors.otherDepartment.departmentId }),
        ),
      403,
      [['ownerDepartmentId', 'validation.meetingOtherDepartment']],
    );
    await refused(async () => register(cookies.department, await collaborationBody(t, fx)), 403, [
      ['type', 'validation.departmentBilateralOnly'],
    ]);
    for (const cookie of [cookies.region, cookies.viewer]) {
      await refused(() => register(cookie, bilateralBody(t, fx)), 403);
    }
    await refused(() => t.request({ method: 'POST', url, payload: {} }), 401);
  });

  it('refuses a meeting not begun yet, and approved minutes without minutes, naming the field', async () => {
    await refused(() => register(cookies.admin, bilateralBody(t, fx, future)), 400, [
      ['startsAt', 'validation.meetingNotTakenPlace'],
    ]);
    await refused(
      () => register(cookies.admin, { ...bilateralBody(t, fx), state: 'minutes_approved' }),
      400,
      [['minutes', 'validation.approvedMinutesRequired']],
    );
    await refused(
      () =>
        register(cookies.admin, {
          ...bilateralBody(t, fx),
          minutes: emptyRichText(),
          state: 'minutes_approved',
        }),
      400,
      [['minutes', 'validation.approvedMinutesRequired']],
    );
    await refused(() => register(cookies.admin, { ...bilateralBody(t, fx), state: 'cancelled' }), 400, [
      ['state', 'validation.chooseStatus'],
    ]);
  });
});

it('keeps the mark in the table, where the invitations can honour it', async () => {
  const rows = await t.database.db
    .select({ at: meetings.registeredAfterwardsAt, by: meetings.registeredAfterwardsBy })
    .from(meetings)
    .where(eq(meetings.createdBy, t.actors.department.id ?? ''));
  expect(rows.some((r) => r.at !== null && r.by === t.actors.department.id)).toBe(true);
});
