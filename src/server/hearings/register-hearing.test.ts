import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { filledCycle } from '../general-part/general-part.fixtures.js';
import { getVersion } from '../general-part/get-version.js';
import { jobRequests } from '../jobs/job.table.js';
import { mailOutbox } from '../mail/mail.table.js';
import { osloInstant } from './deadline.js';
import { auditOf, coverLetter, inDays, openedHearing, outboxFor, regionId } from './hearing.fixtures.js';
import { registerHearing } from './register-hearing.js';
import { submitInput } from './submit-input.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
}, 300_000);
afterAll(async () => t.close());

const post = (payload: unknown, cookie = admin) =>
  t.request({
    method: 'POST',
    url: '/api/v1/hearings/registered-afterwards',
    payload: payload as Record<string, unknown>,
    cookie,
  });

const indre = 'Indre Østfold regionråd';
const hallingdal = 'Regionrådet for Hallingdal';

/** The seed county's informal hearing of 2020: out in August, deadline 15 September. */
async function pastHearing() {
  const { cycle, draft } = await filledCycle(t);
  return {
    cycle,
    draft,
    body: {
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'informal',
      openedOn: '2020-08-17',
      deadline: '2020-09-15',
      invitedRegionIds: [await regionId(t, indre), await regionId(t, hallingdal)],
      coverLetter,
    },
  };
}

const mailCount = async () => (await t.database.db.select({ n: count() }).from(mailOutbox))[0]?.n ?? 0;

describe('registering a hearing that took place', () => {
  it('sends the version on hearing, closed, opened on its day, marked registered afterwards; nobody e-mailed or reminded', async () => {
    const { draft, body } = await pastHearing();
    const mailsBefore = await mailCount();
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(201);
    const hearing = res.json();
    expect(hearing).toMatchObject({
      kind: 'informal',
      deadline: '2020-09-15',
      state: 'closed',
      daysLeft: null,
      openedAt: osloInstant('2020-08-17', 0).toISOString(),
      openedBy: { id: t.actors.admin.id },
      invitedRegions: [{ name: indre }, { name: hallingdal }],
      registeredAfterwards: { by: { id: t.actors.admin.id }, at: expect.any(String) },
    });
    expect(Date.parse(hearing.registeredAfterwards.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await getVersion(t.ctx(t.actors.admin), draft.id)).state).toBe('on_hearing');
    expect(await outboxFor(t, hearing.id)).toEqual([]);
    expect(
      await t.database.db
        .select()
        .from(jobRequests)
        .where(
          and(
            eq(jobRequests.queue, 'hearing.reminder'),
            sql`${jobRequests.data}->>'hearingId' = ${hearing.id}`,
          ),
        ),
    ).toEqual([]);
    expect(await auditOf(t, 'hearing', hearing.id)).toMatchObject([
      {
        action: 'hearing.register',
        before: null,
        after: { deadline: '2020-09-15', invitedRegionIds: body.invitedRegionIds },
      },
    ]);

    // The inputs received then are registered as the coordinator registers late input: no e-mail either.
    const input = await submitInput(t.ctx(t.actors.admin), hearing.id, {
      regionId: body.invitedRegionIds[0],
      sectionKey: null,
      text: 'Regionrådet slutter seg til formålet, og ber om at gjennomføringen får en egen tidsplan.',
    });
    expect(input).toMatchObject({ late: true, region: { name: indre } });
    expect(await mailCount()).toBe(mailsBefore);

    // Read again, it stays marked; a hearing opened in Partnerskap is not.
    const read = await t.request({ method: 'GET', url: `/api/v1/hearings/${hearing.id}`, cookie: admin });
    expect(read.json().registeredAfterwards).toMatchObject({ by: { id: t.actors.admin.id } });
    const opened = await openedHearing(t);
    expect(opened.hearing.registeredAfterwards).toBeNull();
  });

  it('registers a past hearing while another hearing of the cycle is open, which stays open', async () => {
    const { cycle, draft, hearing: open } = await openedHearing(t);
    const mailsBefore = await mailCount();
    const res = await post({
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'informal',
      openedOn: '2020-08-17',
      deadline: '2020-09-15',
      invitedRegionIds: [await regionId(t, indre)],
      coverLetter,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      state: 'closed',
      registeredAfterwards: { by: { id: t.actors.admin.id } },
    });
    expect(await mailCount()).toBe(mailsBefore);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/hearings?cycle=${cycle.id}&state=open`,
      cookie: admin,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((h: { id: string }) => h.id)).toEqual([open.id]);
  });

  it('is the admin’s alone: refused for every other role and without a session, with nothing changed', async () => {
    const { body } = await pastHearing();
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(registerHearing(t.ctx(actor), body)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(registerHearing(t.ctx(null), body)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a deadline that has not passed, one before the opening, and a missing opening day, naming the field', async () => {
    const { body } = await pastHearing();
    const before = await snapshot(t.database.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ deadline: inDays(0), openedOn: inDays(-10) }, 'deadline', 'validation.deadlineNotPassed'],
      [{ deadline: inDays(30), openedOn: inDays(-10) }, 'deadline', 'validation.deadlineNotPassed'],
      [{ deadline: '2020-08-01' }, 'deadline', 'validation.deadlineBeforeOpening'],
      [{ openedOn: undefined }, 'openedOn', 'validation.date'],
      [{ coverLetter: ' ' }, 'coverLetter', 'validation.required'],
    ];
    for (const [over, field, code] of cases) {
      const res = await post({ ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
