import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { origin, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { approveVersion } from '../general-part/approve-version.js';
import { approval, filledCycle, newCycle } from '../general-part/general-part.fixtures.js';
import { getVersion } from '../general-part/get-version.js';
import { jobRequests } from '../jobs/job.table.js';
import { closeHearing } from './close-hearing.js';
import { deadlineEnd } from './deadline.js';
import { extendHearing } from './extend-hearing.js';
import { getHearing } from './get-hearing.js';
import {
  auditOf,
  coverLetter,
  inDays,
  links,
  openedHearing,
  outboxFor,
  passDeadline,
  regionId,
  unknownId,
} from './hearing.fixtures.js';
import { longDate } from './hearing-mail.js';
import { reminderTime } from './hearing-reminders.js';
import { listHearings } from './list-hearings.js';
import { openHearing } from './open-hearing.js';

let t: TestApp;
let admin: string;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let others: { viewer: string; department: string; region: string; otherRegion: string };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  others = {
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
});
afterAll(async () => t.close());

const asAdmin = () => t.ctx(t.actors.admin);
const post = (url: string, payload: unknown, cookie = admin) =>
  t.request({ method: 'POST', url, payload: payload as Record<string, unknown>, cookie });
const get = (url: string, cookie = admin) => t.request({ method: 'GET', url, cookie });

const remindersOf = (hearingId: string) =>
  t.database.db
    .select()
    .from(jobRequests)
    .where(
      and(eq(jobRequests.queue, 'hearing.reminder'), sql`${jobRequests.data}->>'hearingId' = ${hearingId}`),
    )
    .orderBy(jobRequests.id);

describe('opening a hearing', () => {
  it('sends the version on hearing, invites every region, e-mails their contacts and schedules two reminders', async () => {
    const { cycle, draft } = await filledCycle(t);
    const deadline = inDays(21);
    const res = await post('/api/v1/hearings', {
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'formal',
      deadline,
      coverLetter,
    });
    expect(res.statusCode).toBe(201);
    const hearing = res.json();
    expect(hearing).toMatchObject({
      cycleId: cycle.id,
      cycleName: cycle.name,
      versionId: draft.id,
      versionNumber: 1,
      kind: 'formal',
      deadline,
      closesAt: deadlineEnd(deadline).toISOString(),
      state: 'open',
      daysLeft: 21,
      closedAt: null,
      closedBy: null,
      coverLetter,
      openedBy: { id: t.actors.admin.id, name: t.actors.admin.name },
      counts: { invitedRegions: 12, regionsWithInput: 0, inputs: 0, lateInputs: 0, unanswered: 0 },
      version: 1,
    });
    expect(hearing.invitedRegions).toHaveLength(12);
    expect((await getVersion(asAdmin(), draft.id)).state).toBe('on_hearing');

    const [event] = await auditOf(t, 'hearing', hearing.id);
    expect(event).toMatchObject({
      action: 'hearing.open',
      actorId: t.actors.admin.id,
      before: null,
      after: {
        kind: 'formal',
        deadline,
        versionId: draft.id,
        coverLetter,
        invitedRegionIds: hearing.invitedRegions.map((r: { id: string }) => r.id),
      },
    });

    const mails = await outboxFor(t, hearing.id);
    expect(mails).toHaveLength(12);
    const link = `${origin}/horinger/${hearing.id}`;
    const indre = mails.find((m) => m.to === 'indre-ostfold@demo.partnerskap.no');
    expect(indre).toMatchObject({
      subject: `Formell høring om generell del av partnerskapsavtalene – frist ${longDate('nb', deadline)}`,
      status: 'queued',
      key: `hearing:${hearing.id}:open:${t.actors.region.id}`,
    });
    expect(indre?.text).toContain(
      'Indre Østfold regionråd er invitert til å gi innspill i en formell høring',
    );
    expect(indre?.text).toContain(`Fristen for innspill er ${longDate('nb', deadline)}.`);
    expect(indre?.text).toContain(coverLetter);
    expect(indre?.text).toContain(link);
    // Hallingdal writes nynorsk.
    const hallingdal = mails.find((m) => m.to === 'hallingdal@demo.partnerskap.no');
    expect(hallingdal?.subject).toBe(
      `Formell høyring om generell del av partnarskapsavtalane – frist ${longDate('nn', deadline)}`,
    );
    expect(hallingdal?.text).toContain('er invitert til å gje innspel i ei formell høyring');
    expect(hallingdal?.text).toContain(link);

    const reminders = await remindersOf(hearing.id);
    expect(reminders.map((r) => [r.singletonKey, r.startAfter?.toISOString(), r.replace])).toEqual([
      [`hearing:${hearing.id}:reminder:7`, reminderTime(deadline, 7).toISOString(), true],
      [`hearing:${hearing.id}:reminder:1`, reminderTime(deadline, 1).toISOString(), true],
    ]);
    expect(reminders[0]?.data).toEqual({
      hearingId: hearing.id,
      daysBefore: 7,
      deadline,
      appUrl: origin,
    });
  });

  it('invites only the chosen regions, and accepts today as the deadline (no reminder is due any more)', async () => {
    const { cycle, draft } = await filledCycle(t);
    const chosen = [await regionId(t, 'Regionrådet for Hallingdal'), await regionId(t, 'Drammensregionen')];
    const hearing = await openHearing(
      asAdmin(),
      {
        cycleId: cycle.id,
        versionId: draft.id,
        kind: 'informal',
        deadline: inDays(0),
        invitedRegionIds: chosen,
        coverLetter,
      },
      links,
    );
    expect(hearing).toMatchObject({ kind: 'informal', state: 'open', daysLeft: 0 });
    expect(hearing.invitedRegions.map((r) => r.name)).toEqual([
      'Drammensregionen',
      'Regionrådet for Hallingdal',
    ]);
    expect((await outboxFor(t, hearing.id)).map((m) => m.to)).toEqual([
      'drammensregionen@demo.partnerskap.no',
      'hallingdal@demo.partnerskap.no',
    ]);
    expect(await remindersOf(hearing.id)).toEqual([]);
  });

  it('opens a formal hearing on the same version after the informal one closed', async () => {
    const { cycle, draft, hearing: informal } = await openedHearing(t, { kind: 'informal' });
    await closeHearing(asAdmin(), informal.id, { version: informal.version });
    const formal = await openHearing(
      asAdmin(),
      { cycleId: cycle.id, versionId: draft.id, kind: 'formal', deadline: inDays(30), coverLetter },
      links,
    );
    expect(formal).toMatchObject({ kind: 'formal', state: 'open', versionId: draft.id });
    expect((await getVersion(asAdmin(), draft.id)).state).toBe('on_hearing');
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { cycle, draft } = await filledCycle(t);
    const payload = {
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'formal',
      deadline: inDays(14),
      coverLetter,
    };
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(openHearing(t.ctx(actor), payload, links)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(openHearing(t.ctx(null), payload, links)).rejects.toMatchObject({ code: 'unauthenticated' });
    for (const cookie of Object.values(others)) {
      expect((await post('/api/v1/hearings', payload, cookie)).statusCode).toBe(403);
    }
    expect((await post('/api/v1/hearings', payload, '')).statusCode).toBe(401);
    expect(await snapshot(t.database.db)).toBe(before);
    expect((await getVersion(asAdmin(), draft.id)).state).toBe('draft');
  });

  it('answers bad input with 400 naming the field (a deadline in the past among them), and changes nothing', async () => {
    const { cycle, draft } = await filledCycle(t);
    const { cycle: otherCycle } = await filledCycle(t);
    const { cycle: emptyCycle, draft: emptyDraft } = await newCycle(t);
    const good = {
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'formal',
      deadline: inDays(14),
      coverLetter,
    };
    const indre = await regionId(t, 'Indre Østfold regionråd');
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['a deadline in the past', { deadline: inDays(-1) }, 'deadline', 'validation.deadlineInPast'],
      ['a deadline that is no date', { deadline: '2025-02-30' }, 'deadline', 'validation.date'],
      ['an unknown kind', { kind: 'secret' }, 'kind', 'validation.invalid'],
      ['no cover letter', { coverLetter: '  ' }, 'coverLetter', 'validation.required'],
      ['an unknown cycle', { cycleId: unknownId }, 'cycleId', 'validation.unknownCycle'],
      ['a version of another cycle', { cycleId: otherCycle.id }, 'versionId', 'validation.versionNotInCycle'],
      ['no regions', { invitedRegionIds: [] }, 'invitedRegionIds', 'validation.noRegions'],
      [
        'an unknown region',
        { invitedRegionIds: [indre, unknownId] },
        'invitedRegionIds',
        'validation.unknownRegion',
      ],
      [
        'a region twice',
        { invitedRegionIds: [indre, indre] },
        'invitedRegionIds',
        'validation.duplicateRegion',
      ],
      [
        'a draft without the required text',
        { cycleId: emptyCycle.id, versionId: emptyDraft.id },
        'sections.parties',
        'validation.requiredSectionEmpty',
      ],
    ];
    const before = await snapshot(t.database.db);
    for (const [what, over, field, code] of cases) {
      const res = await post('/api/v1/hearings', { ...good, ...over });
      expect(res.statusCode, what).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, what).toContainEqual(expect.objectContaining({ field, code }));
      await expect(openHearing(asAdmin(), { ...good, ...over }, links), what).rejects.toMatchObject({
        code: 'validation',
      });
    }
    const past = await post('/api/v1/hearings', { ...good, deadline: inDays(-1) });
    expect(past.json().errors[0].message).toBe('Fristen kan ikke være tilbake i tid.');
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a second open hearing in the cycle, and a version that is approved (409)', async () => {
    const { cycle, draft, hearing } = await openedHearing(t);
    const again = await post('/api/v1/hearings', {
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'formal',
      deadline: inDays(10),
      coverLetter,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([
      expect.objectContaining({ code: 'validation.hearingAlreadyOpen', field: '_' }),
    ]);

    await closeHearing(asAdmin(), hearing.id, { version: hearing.version });
    const onHearing = await getVersion(asAdmin(), draft.id);
    await approveVersion(asAdmin(), draft.id, approval(onHearing.version));
    const approved = await post('/api/v1/hearings', {
      cycleId: cycle.id,
      versionId: draft.id,
      kind: 'formal',
      deadline: inDays(10),
      coverLetter,
    });
    expect(approved.statusCode).toBe(409);
    expect(approved.json().errors[0].code).toBe('validation.versionNotForHearing');
  });
});

describe('reading hearings', () => {
  it("lists a cycle's hearings newest first with kind, version, deadline, state and days left", async () => {
    const {
      cycle,
      draft,
      hearing: first,
    } = await openedHearing(t, { kind: 'informal', deadline: inDays(5) });
    await closeHearing(asAdmin(), first.id, { version: first.version });
    const second = await openHearing(
      asAdmin(),
      { cycleId: cycle.id, versionId: draft.id, kind: 'formal', deadline: inDays(9), coverLetter },
      links,
    );
    const res = await get(`/api/v1/hearings?cycle=${cycle.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        expect.objectContaining({
          id: second.id,
          kind: 'formal',
          versionNumber: 1,
          state: 'open',
          daysLeft: 9,
        }),
        expect.objectContaining({ id: first.id, kind: 'informal', state: 'closed', daysLeft: null }),
      ],
      nextCursor: null,
    });
    const open = await get(`/api/v1/hearings?cycle=${cycle.id}&state=open`);
    expect(open.json().items.map((h: { id: string }) => h.id)).toEqual([second.id]);
    const closed = await get(`/api/v1/hearings?cycle=${cycle.id}&state=closed`);
    expect(closed.json().items.map((h: { id: string }) => h.id)).toEqual([first.id]);
    // A deadline that has passed closes it just as well.
    await passDeadline(t, second.id);
    const after = await listHearings(asAdmin(), { cycle: cycle.id, state: 'closed' });
    expect(after.items.map((h) => h.id)).toEqual([second.id, first.id]);
  });

  it('shows a region contact only the hearings their region is invited to; a department and a viewer see all', async () => {
    const hallingdal = await regionId(t, 'Regionrådet for Hallingdal');
    const { cycle, hearing } = await openedHearing(t, { invitedRegionIds: [hallingdal] });
    const ids = async (cookie: string) =>
      (await get(`/api/v1/hearings?cycle=${cycle.id}`, cookie)).json().items.map((h: { id: string }) => h.id);
    expect(await ids(others.otherRegion)).toEqual([hearing.id]);
    expect(await ids(others.region)).toEqual([]);
    expect(await ids(others.department)).toEqual([hearing.id]);
    expect(await ids(others.viewer)).toEqual([hearing.id]);

    expect((await get(`/api/v1/hearings/${hearing.id}`, others.otherRegion)).statusCode).toBe(200);
    expect((await get(`/api/v1/hearings/${hearing.id}`, others.region)).statusCode).toBe(403);
    await expect(getHearing(t.ctx(t.actors.region), hearing.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await get(`/api/v1/hearings/${hearing.id}`, others.department)).json()).toMatchObject({
      id: hearing.id,
      coverLetter,
      invitedRegions: [{ id: hallingdal, name: 'Regionrådet for Hallingdal' }],
    });
  });

  it('answers an unknown or malformed id with 404 and a bad filter with 400', async () => {
    for (const id of [unknownId, 'not-an-id']) {
      expect((await get(`/api/v1/hearings/${id}`)).statusCode).toBe(404);
    }
    const bad = await get('/api/v1/hearings?cycle=nope&state=ajar');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['cycle', 'state']);
    await expect(listHearings(t.ctx(null), {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('extending a hearing', () => {
  it('moves the deadline later, audits it, tells every invited region and moves the reminders', async () => {
    const { hearing } = await openedHearing(t, { deadline: inDays(10) });
    const deadline = inDays(20);
    const res = await post(`/api/v1/hearings/${hearing.id}/extend`, { deadline, version: hearing.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ deadline, daysLeft: 20, state: 'open', version: hearing.version + 1 });

    const events = await auditOf(t, 'hearing', hearing.id);
    expect(events.map((e) => e.action)).toEqual(['hearing.open', 'hearing.extend']);
    expect(events[1]).toMatchObject({ before: { deadline: hearing.deadline }, after: { deadline } });

    const told = (await outboxFor(t, hearing.id)).filter((m) => m.subject.startsWith('Fristen er forleng'));
    expect(told).toHaveLength(12);
    const indre = told.find((m) => m.to === 'indre-ostfold@demo.partnerskap.no');
    expect(indre?.subject).toBe(
      `Fristen er forlenget: formell høring om generell del av partnerskapsavtalene – ny frist ${longDate('nb', deadline)}`,
    );
    expect(indre?.text).toContain(
      `er forlenget fra ${longDate('nb', hearing.deadline)} til ${longDate('nb', deadline)}`,
    );
    expect(told.find((m) => m.to === 'hallingdal@demo.partnerskap.no')?.subject).toMatch(
      /^Fristen er forlengd: /,
    );

    const moved = (await remindersOf(hearing.id)).slice(2);
    expect(moved.map((r) => [r.singletonKey, r.startAfter?.toISOString(), r.replace])).toEqual([
      [`hearing:${hearing.id}:reminder:7`, reminderTime(deadline, 7).toISOString(), true],
      [`hearing:${hearing.id}:reminder:1`, reminderTime(deadline, 1).toISOString(), true],
    ]);
  });

  it('refuses a deadline that is not later (400), a stale version and a closed hearing (409)', async () => {
    const { hearing } = await openedHearing(t, { deadline: inDays(10) });
    const before = await snapshot(t.database.db);
    const same = await post(`/api/v1/hearings/${hearing.id}/extend`, {
      deadline: hearing.deadline,
      version: hearing.version,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'deadline', code: 'validation.deadlineNotLater' });
    const staleRes = await post(`/api/v1/hearings/${hearing.id}/extend`, {
      deadline: inDays(30),
      version: hearing.version + 1,
    });
    expect(staleRes.statusCode).toBe(409);
    expect(staleRes.json().code).toBe('stale');
    expect(await snapshot(t.database.db)).toBe(before);

    await passDeadline(t, hearing.id);
    const closed = await post(`/api/v1/hearings/${hearing.id}/extend`, {
      deadline: inDays(30),
      version: hearing.version,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().errors[0].code).toBe('validation.hearingClosed');
    expect(
      (await post(`/api/v1/hearings/${unknownId}/extend`, { deadline: inDays(30), version: 1 })).statusCode,
    ).toBe(404);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { hearing } = await openedHearing(t);
    const payload = { deadline: inDays(40), version: hearing.version };
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(extendHearing(t.ctx(actor), hearing.id, payload, links)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    for (const cookie of Object.values(others)) {
      expect((await post(`/api/v1/hearings/${hearing.id}/extend`, payload, cookie)).statusCode).toBe(403);
    }
    expect((await post(`/api/v1/hearings/${hearing.id}/extend`, payload, '')).statusCode).toBe(401);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('closing a hearing early', () => {
  it('closes it for input, audited; a second close is refused', async () => {
    const { hearing } = await openedHearing(t);
    const res = await post(`/api/v1/hearings/${hearing.id}/close`, { version: hearing.version });
    expect(res.statusCode).toBe(200);
    const closed = res.json();
    expect(closed).toMatchObject({
      state: 'closed',
      daysLeft: null,
      closedAt: expect.any(String),
      closedBy: { id: t.actors.admin.id },
    });
    expect(closed.closesAt).toBe(closed.closedAt);
    const [, event] = await auditOf(t, 'hearing', hearing.id);
    expect(event).toMatchObject({ action: 'hearing.close', before: { closedAt: null } });

    const again = await post(`/api/v1/hearings/${hearing.id}/close`, { version: closed.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('validation.hearingClosed');
  });

  it('refuses a stale version, every role but admin, and changes nothing', async () => {
    const { hearing } = await openedHearing(t);
    const before = await snapshot(t.database.db);
    expect((await post(`/api/v1/hearings/${hearing.id}/close`, { version: 9 })).statusCode).toBe(409);
    expect((await post(`/api/v1/hearings/${hearing.id}/close`, {})).statusCode).toBe(400);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(closeHearing(t.ctx(actor), hearing.id, { version: 1 })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    for (const cookie of Object.values(others)) {
      expect((await post(`/api/v1/hearings/${hearing.id}/close`, { version: 1 }, cookie)).statusCode).toBe(
        403,
      );
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
