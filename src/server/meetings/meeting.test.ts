import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Meeting, MeetingList } from '../../shared/contracts/meetings.js';
import { jobRequests } from '../jobs/job.table.js';
import { mailOutbox } from '../mail/mail.table.js';
import {
  bilateralBody,
  collaborationBody,
  future,
  type MeetingCookies,
  type MeetingsFixture,
  type Method,
  meetingRequests,
  meetingsFixture,
  minutesText,
  personOf,
  signInMeetingRoles,
  unknownId,
} from './meeting.fixtures.js';

let t: TestApp;
let fx: MeetingsFixture;
let cookies: MeetingCookies;
beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await meetingsFixture(t);
});
afterAll(async () => t.close());

const { req, refused, ok } = meetingRequests(() => t);

async function created(cookie: string, body: unknown): Promise<Meeting> {
  const res = await req('POST', '/api/v1/meetings', cookie, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Meeting;
}

const moveTo = (m: { id: string; version: number }, state: string, cookie = cookies.admin) =>
  ok<Meeting>('POST', `/api/v1/meetings/${m.id}/state`, cookie, { state, version: m.version });

describe('planning a meeting', () => {
  it('lets the admin plan a collaboration meeting with its agreement and participants, in Oslo time', async () => {
    const meeting = await created(cookies.admin, {
      ...(await collaborationBody(t, fx)),
      startsAt: '2025-03-18T09:00:00Z',
      endsAt: '2025-03-18T11:00:00Z',
    });
    expect(meeting).toMatchObject({
      cycleId: fx.cycle.id,
      type: 'collaboration',
      title: 'Samhandlingsmøte med Indre Østfold regionråd',
      // Given in UTC, answered with Oslo's offset of that day.
      startsAt: '2025-03-18T10:00:00+01:00',
      endsAt: '2025-03-18T12:00:00+01:00',
      place: 'Askim rådhus',
      videoLink: null,
      ownerDepartment: null,
      agreements: [
        { id: fx.own.id, region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' } },
      ],
      state: 'planned',
      participantCount: 4,
      openActions: 0,
      sequence: 0,
      version: 1,
      minutes: null,
      canManage: true,
      stateChoices: ['held', 'cancelled'],
      createdBy: { id: t.actors.admin.id, name: t.actors.admin.name },
    });
    // A registry person's name and e-mail come from the registry; the side and department as given.
    expect(meeting.participants).toEqual([
      expect.objectContaining({ name: t.actors.admin.name, email: t.actors.admin.email, side: 'county' }),
      expect.objectContaining({
        name: t.actors.department.name,
        side: 'county',
        department: { id: t.actors.department.departmentId, name: 'Samferdsel' },
      }),
      expect.objectContaining({ name: t.actors.region.name, side: 'region', attendance: 'invited' }),
      expect.objectContaining({
        personId: null,
        name: 'Kari Ordfører',
        organisation: 'Marker kommune',
        email: 'kari@marker.test',
        side: 'municipality',
      }),
    ]);
    const audit = await auditTrail(t, 'meeting', meeting.id);
    expect(audit.map((a) => a.action)).toEqual(['meeting.create']);
    expect(audit[0]?.after).toMatchObject({ type: 'collaboration', agreementIds: [fx.own.id] });
  });

  it("lets a department editor plan their department's bilateral meetings, and nothing else", async () => {
    const own = await created(cookies.department, bilateralBody(t, fx));
    expect(own).toMatchObject({
      type: 'bilateral',
      ownerDepartment: { id: t.actors.department.departmentId, name: 'Samferdsel' },
      videoLink: 'https://teams.example.test/moete/123',
      canManage: true,
    });
    await refused(
      () =>
        req(
          'POST',
          '/api/v1/meetings',
          cookies.department,
          bilateralBody(t, fx, { ownerDepartmentId: t.actors.otherDepartment.departmentId }),
        ),
      403,
      [['ownerDepartmentId', 'validation.meetingOtherDepartment']],
    );
    await refused(
      async () => req('POST', '/api/v1/meetings', cookies.department, await collaborationBody(t, fx)),
      403,
      [['type', 'validation.departmentBilateralOnly']],
    );
    for (const cookie of [cookies.region, cookies.viewer]) {
      await refused(async () => req('POST', '/api/v1/meetings', cookie, bilateralBody(t, fx)), 403);
    }
    await refused(() => t.request({ method: 'POST', url: '/api/v1/meetings', payload: {} }), 401);
  });

  it('refuses bad input with the field named and nothing changed', async () => {
    const body = await collaborationBody(t, fx);
    const [admin, , contact] = body.participants ?? [];
    const cases: [unknown, [string, string][]][] = [
      // A meeting that ends before it starts (or when it starts).
      [{ ...body, endsAt: '2025-03-18T09:00:00+01:00' }, [['endsAt', 'validation.meetingEndsBeforeStart']]],
      [{ ...body, endsAt: body.startsAt }, [['endsAt', 'validation.meetingEndsBeforeStart']]],
      // A bilateral meeting without an owner department.
      [
        { ...bilateralBody(t, fx), ownerDepartmentId: null },
        [['ownerDepartmentId', 'validation.bilateralNeedsOwner']],
      ],
      // The same participant twice: a registry person, and a name with its organisation.
      [
        { ...body, participants: [admin, contact, { ...contact, side: 'county' }] },
        [['participants.2.personId', 'validation.duplicateParticipant']],
      ],
      [
        {
          ...body,
          participants: [
            { name: 'Kari Ordfører', organisation: 'Marker kommune', side: 'municipality' },
            { name: 'kari ordfører', organisation: 'MARKER KOMMUNE', side: 'municipality' },
          ],
        },
        [['participants.1.name', 'validation.duplicateParticipant']],
      ],
      [
        { ...body, participants: [{ side: 'region' }] },
        [['participants.0.name', 'validation.participantName']],
      ],
      [{ ...body, startsAt: '2025-03-18T10:00' }, [['startsAt', 'validation.dateTime']]],
      [{ ...body, videoLink: 'javascript:alert(1)' }, [['videoLink', 'validation.videoLink']]],
      [{ ...body, agreementIds: [unknownId] }, [['agreementIds.0', 'validation.unknownAgreement']]],
      [
        { ...body, agreementIds: [fx.own.id, fx.own.id] },
        [['agreementIds', 'validation.duplicateAgreement']],
      ],
      [
        { ...body, participants: [{ personId: unknownId, side: 'county' }] },
        [['participants.0.personId', 'validation.unknownPerson']],
      ],
      [{ ...body, cycleId: unknownId }, [['cycleId', 'validation.unknownCycle']]],
    ];
    for (const [bad, fields] of cases) {
      await refused(() => req('POST', '/api/v1/meetings', cookies.admin, bad), 400, fields);
    }
  });

  it('holds its rules in the database too: no end before the start, no bilateral meeting without an owner', async () => {
    const meeting = await created(cookies.admin, await collaborationBody(t, fx));
    await expect(
      t.database.db.execute(
        sql`update meetings set ends_at = starts_at - interval '1 hour' where id = ${meeting.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`update meetings set type = 'bilateral' where id = ${meeting.id}`),
    ).rejects.toThrow();
  });
});

describe('changing a meeting', () => {
  it('raises the sequence when the time or place changes, not for a new title, and refuses a stale version', async () => {
    const meeting = await created(cookies.admin, { ...(await collaborationBody(t, fx)), ...future });
    const renamed = await ok<Meeting>('PATCH', `/api/v1/meetings/${meeting.id}`, cookies.admin, {
      title: 'Første samhandlingsmøte',
      version: meeting.version,
    });
    expect(renamed).toMatchObject({ title: 'Første samhandlingsmøte', sequence: 0, version: 2 });
    const moved = await ok<Meeting>('PATCH', `/api/v1/meetings/${meeting.id}`, cookies.admin, {
      startsAt: '2099-06-10T10:00:00+02:00',
      endsAt: '2099-06-10T12:00:00+02:00',
      version: renamed.version,
    });
    expect(moved).toMatchObject({ startsAt: '2099-06-10T10:00:00+02:00', sequence: 1, version: 3 });
    const online = await ok<Meeting>('PATCH', `/api/v1/meetings/${meeting.id}`, cookies.admin, {
      place: null,
      videoLink: 'https://teams.example.test/samhandling',
      version: moved.version,
    });
    expect(online).toMatchObject({ place: null, sequence: 2 });
    await refused(
      () => req('PATCH', `/api/v1/meetings/${meeting.id}`, cookies.admin, { title: 'X', version: 1 }),
      409,
    );
    // The end is checked against the start as the meeting ends up.
    await refused(
      () =>
        req('PATCH', `/api/v1/meetings/${meeting.id}`, cookies.admin, {
          endsAt: '2099-06-10T09:00:00+02:00',
          version: online.version,
        }),
      400,
      [['endsAt', 'validation.meetingEndsBeforeStart']],
    );
    expect((await auditTrail(t, 'meeting', meeting.id)).map((a) => a.action)).toEqual([
      'meeting.create',
      'meeting.update',
      'meeting.update',
      'meeting.update',
    ]);
  });

  it("refuses a department editor editing another department's meeting, on the owner department", async () => {
    const other = await created(
      cookies.otherDepartment,
      bilateralBody(t, fx, { ownerDepartmentId: t.actors.otherDepartment.departmentId }),
    );
    await refused(
      () =>
        req('PATCH', `/api/v1/meetings/${other.id}`, cookies.department, {
          title: 'Overtatt',
          version: other.version,
        }),
      403,
      [['ownerDepartmentId', 'validation.meetingOtherDepartment']],
    );
    const own = await created(cookies.department, bilateralBody(t, fx));
    await refused(
      () =>
        req('PATCH', `/api/v1/meetings/${own.id}`, cookies.department, {
          ownerDepartmentId: t.actors.otherDepartment.departmentId,
          version: own.version,
        }),
      403,
      [['ownerDepartmentId', 'validation.meetingOtherDepartment']],
    );
    await refused(
      () => req('PATCH', `/api/v1/meetings/${own.id}`, cookies.region, { title: 'X', version: own.version }),
      403,
    );
  });

  it('keeps the participants as given, with their attendance, and refuses the same one twice', async () => {
    const meeting = await created(cookies.admin, await collaborationBody(t, fx));
    const contact = await personOf(t, t.actors.region.email);
    const updated = await ok<Meeting>('PUT', `/api/v1/meetings/${meeting.id}/participants`, cookies.admin, {
      participants: [
        { personId: contact.id, side: 'region', attendance: 'attended' },
        {
          name: 'Ola Rådmann',
          organisation: 'Skiptvet kommune',
          side: 'municipality',
          attendance: 'excused',
        },
      ],
      version: meeting.version,
    });
    expect(updated.participants.map((p) => [p.name, p.attendance])).toEqual([
      [t.actors.region.name, 'attended'],
      ['Ola Rådmann', 'excused'],
    ]);
    await refused(
      () =>
        req('PUT', `/api/v1/meetings/${meeting.id}/participants`, cookies.admin, {
          participants: [
            { personId: contact.id, side: 'region' },
            { personId: contact.id, side: 'region', attendance: 'absent' },
          ],
          version: updated.version,
        }),
      400,
      [['participants.1.personId', 'validation.duplicateParticipant']],
    );
    await refused(
      () =>
        req('PUT', `/api/v1/meetings/${meeting.id}/participants`, cookies.admin, {
          participants: [{ name: 'Per', side: 'region', departmentId: t.actors.department.departmentId }],
          version: updated.version,
        }),
      400,
      [['participants.0.departmentId', 'validation.departmentOnlyForCounty']],
    );
  });
});

describe('the list of meetings, page by page', () => {
  it('pages the list in its order (start, title, id) with a cursor, each meeting once, and refuses a bad cursor', async () => {
    const same = { startsAt: '2031-05-05T10:00:00+02:00', endsAt: '2031-05-05T11:00:00+02:00' };
    for (const [title, time] of [
      ['Møte C', same],
      ['Møte A', same],
      ['Møte B', same],
      ['Møte D', { startsAt: '2031-05-04T10:00:00+02:00', endsAt: '2031-05-04T11:00:00+02:00' }],
      ['Møte B', same],
    ] as const) {
      await created(cookies.admin, { ...(await collaborationBody(t, fx)), title, ...time, participants: [] });
    }
    const query = `cycle=${fx.cycle.id}&agreement=${fx.own.id}`;
    const whole = await ok<MeetingList>('GET', `/api/v1/meetings?${query}&limit=500`, cookies.admin);
    expect(whole.nextCursor).toBeNull();
    const inMay = whole.items.filter((m) => m.startsAt.startsWith('2031-05'));
    expect(inMay.map((m) => m.title)).toEqual(['Møte D', 'Møte A', 'Møte B', 'Møte B', 'Møte C']);

    const paged: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: MeetingList = await ok<MeetingList>(
        'GET',
        `/api/v1/meetings?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        cookies.viewer,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(paged).toEqual(whole.items.map((m) => m.id));
    expect(pages).toBe(Math.ceil(whole.items.length / 2));

    // Without a limit, a page of 50.
    const first = await ok<MeetingList>('GET', `/api/v1/meetings?${query}`, cookies.admin);
    expect(first.items.length).toBe(Math.min(50, whole.items.length));

    await refused(() => req('GET', '/api/v1/meetings?cursor=bm90LWEta2V5', cookies.admin), 400, [
      ['cursor', 'validation.invalid'],
    ]);
    const zero = await req('GET', '/api/v1/meetings?limit=0', cookies.admin);
    expect(zero.statusCode).toBe(400);
  });
});

describe('who reads which meetings', () => {
  it("shows a region contact its own region's meetings only, never the county's internal ones", async () => {
    const own = await created(cookies.admin, await collaborationBody(t, fx));
    const other = await created(
      cookies.admin,
      await collaborationBody(t, fx, {
        title: 'Samhandlingsmøte med Hallingdal',
        agreementIds: [fx.other.id],
      }),
    );
    const internal = await created(cookies.admin, {
      ...(await collaborationBody(t, fx)),
      type: 'internal_summary',
      title: 'Oppsummeringsmøte før Indre Østfold',
    });
    const kickoff = await created(cookies.admin, {
      ...(await collaborationBody(t, fx)),
      type: 'kickoff',
      title: 'Oppstartsmøte',
      agreementIds: [],
    });
    const list = (cookie: string, query = '') =>
      ok<MeetingList>('GET', `/api/v1/meetings?cycle=${fx.cycle.id}${query}`, cookie).then((l) =>
        l.items.map((m) => m.id),
      );
    const mine = await list(cookies.region);
    expect(mine).toContain(own.id);
    expect(mine).not.toContain(other.id);
    expect(mine).not.toContain(internal.id);
    expect(mine).not.toContain(kickoff.id);
    expect(await list(cookies.region, `&region=${t.actors.region.regionId}`)).toEqual(mine);
    // Everyone in the county reads them all, and may filter by region, agreement, type and state.
    for (const cookie of [cookies.admin, cookies.viewer, cookies.department]) {
      expect(await list(cookie)).toEqual(expect.arrayContaining([own.id, other.id, internal.id, kickoff.id]));
    }
    expect(await list(cookies.viewer, `&region=${t.actors.otherRegion.regionId}`)).toEqual([other.id]);
    expect(await list(cookies.viewer, `&agreement=${fx.other.id}`)).toEqual([other.id]);
    expect(await list(cookies.viewer, '&type=kickoff')).toEqual([kickoff.id]);

    // Asking for another region's meetings, or for one of them, is refused on what was asked.
    await refused(
      () => req('GET', `/api/v1/meetings?region=${t.actors.otherRegion.regionId}`, cookies.region),
      403,
      [['region', 'validation.meetingOtherRegion']],
    );
    for (const id of [other.id, internal.id, kickoff.id]) {
      await refused(() => req('GET', `/api/v1/meetings/${id}`, cookies.region), 403, [
        ['id', 'validation.meetingOtherRegion'],
      ]);
    }
    const read = await ok<Meeting>('GET', `/api/v1/meetings/${own.id}`, cookies.region);
    expect(read).toMatchObject({ canManage: false, canPropose: true, canComment: false, stateChoices: [] });
  });

  it('answers 404 for a meeting that does not exist and 401 signed out', async () => {
    expect((await req('GET', `/api/v1/meetings/${unknownId}`, cookies.admin)).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/meetings' })).statusCode).toBe(401);
  });
});

describe("a meeting's states", () => {
  it('moves planned → held → minutes for comment → minutes approved, e-mailing the participants once', async () => {
    const planned = await created(cookies.admin, await collaborationBody(t, fx));
    // Minutes cannot be approved, sent or even written before the meeting is held.
    await refused(
      () =>
        req('POST', `/api/v1/meetings/${planned.id}/state`, cookies.admin, {
          state: 'minutes_approved',
          version: planned.version,
        }),
      409,
      [['state', 'validation.meetingNotHeld']],
    );
    await refused(
      () =>
        req('PUT', `/api/v1/meetings/${planned.id}/minutes`, cookies.admin, {
          minutes: minutesText('For tidlig.'),
          version: planned.version,
        }),
      409,
      [['state', 'validation.meetingNotHeld']],
    );
    const held = await moveTo(planned, 'held');
    expect(held).toMatchObject({ state: 'held', stateChoices: ['minutes_for_comment'] });
    expect(held.heldAt).not.toBeNull();
    await refused(
      () =>
        req('POST', `/api/v1/meetings/${held.id}/state`, cookies.admin, {
          state: 'minutes_for_comment',
          version: held.version,
        }),
      409,
      [['minutes', 'validation.minutesNotWritten']],
    );
    await refused(
      () =>
        req('POST', `/api/v1/meetings/${held.id}/state`, cookies.admin, {
          state: 'cancelled',
          version: held.version,
        }),
      409,
      [['state', 'validation.meetingNotCancellable']],
    );
    const written = await ok<Meeting>('PUT', `/api/v1/meetings/${held.id}/minutes`, cookies.admin, {
      minutes: minutesText('Regionen presenterte sine ønsker.', 'Partene ble enige om veien videre.'),
      version: held.version,
    });
    expect(written.minutesUpdatedBy).toEqual({ id: t.actors.admin.id, name: t.actors.admin.name });
    const forComment = await moveTo(written, 'minutes_for_comment');
    expect(forComment).toMatchObject({ state: 'minutes_for_comment', canComment: true });

    const mails = await t.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.key, `meeting:${held.id}:minutes-for-comment:%`));
    expect(mails.map((m) => m.to).sort()).toEqual(
      [t.actors.admin.email, t.actors.department.email, t.actors.region.email, 'kari@marker.test'].sort(),
    );
    const toRegion = mails.find((m) => m.to === t.actors.region.email);
    expect(toRegion?.subject).toBe('Referat til kommentar: Samhandlingsmøte med Indre Østfold regionråd');
    expect(toRegion?.text).toContain('18.03.2025 kl. 10.00');
    expect(toRegion?.text).toContain(`/moter/${held.id}`);

    // While out for comment the minutes may still be revised; once approved they are frozen.
    const revised = await ok<Meeting>('PUT', `/api/v1/meetings/${held.id}/minutes`, cookies.admin, {
      minutes: minutesText('Regionen presenterte sine ønsker.', 'Rettet etter kommentarer.'),
      version: forComment.version,
    });
    const approved = await moveTo(revised, 'minutes_approved');
    expect(approved).toMatchObject({ state: 'minutes_approved', stateChoices: [], canComment: false });
    expect(approved.minutesApprovedAt).not.toBeNull();
    await refused(
      () =>
        req('PUT', `/api/v1/meetings/${held.id}/minutes`, cookies.admin, {
          minutes: minutesText('Endret etterpå.'),
          version: approved.version,
        }),
      409,
      [['state', 'validation.minutesApproved']],
    );
    await refused(
      () =>
        req('PATCH', `/api/v1/meetings/${held.id}`, cookies.admin, { title: 'X', version: approved.version }),
      409,
      [['state', 'validation.meetingClosed']],
    );
    expect((await auditTrail(t, 'meeting', held.id)).map((a) => a.action)).toEqual([
      'meeting.create',
      'meeting.changeState',
      'meeting.writeMinutes',
      'meeting.changeState',
      'meeting.writeMinutes',
      'meeting.changeState',
    ]);
  });

  it('does not mark a meeting held before it has started, and cancels a planned one with a new sequence', async () => {
    const planned = await created(cookies.admin, { ...(await collaborationBody(t, fx)), ...future });
    await refused(
      () =>
        req('POST', `/api/v1/meetings/${planned.id}/state`, cookies.admin, {
          state: 'held',
          version: planned.version,
        }),
      409,
      [['state', 'validation.meetingNotStarted']],
    );
    const cancelled = await moveTo(planned, 'cancelled');
    expect(cancelled).toMatchObject({ state: 'cancelled', sequence: 1, stateChoices: [] });
    await refused(
      () =>
        req('POST', `/api/v1/meetings/${planned.id}/state`, cookies.admin, {
          state: 'held',
          version: cancelled.version,
        }),
      409,
      [['state', 'validation.meetingCancelled']],
    );
  });

  it("lets only who manages the meeting move it: a department editor their department's bilateral", async () => {
    const bilateral = await created(cookies.department, bilateralBody(t, fx));
    const held = await moveTo(bilateral, 'held', cookies.department);
    expect(held.state).toBe('held');
    for (const cookie of [cookies.otherDepartment, cookies.region, cookies.viewer]) {
      await refused(
        () =>
          req('POST', `/api/v1/meetings/${held.id}/state`, cookie, {
            state: 'minutes_for_comment',
            version: held.version,
          }),
        403,
      );
    }
    // Marking it held asked for the reminder three days later, once per meeting.
    const [request] = await t.database.db
      .select()
      .from(jobRequests)
      .where(
        and(
          eq(jobRequests.queue, 'meeting.minutes-reminder'),
          eq(jobRequests.singletonKey, `meeting:${held.id}:minutes-reminder`),
        ),
      );
    expect(request?.data).toMatchObject({ meetingId: held.id });
    expect(request?.startAfter?.getTime()).toBe(Date.parse(held.heldAt ?? '') + 3 * 24 * 3_600_000);
  });
});

describe('who manages a meeting', () => {
  it('refuses every write to a bilateral meeting from anyone but the admin and its department, changing nothing', async () => {
    const planned = await created(cookies.department, bilateralBody(t, fx));
    const held = await moveTo(planned, 'held', cookies.department);
    const contact = await personOf(t, t.actors.region.email);
    const writes: [Method, string, unknown][] = [
      ['PATCH', `/api/v1/meetings/${held.id}`, { title: 'Overtatt', version: held.version }],
      [
        'PUT',
        `/api/v1/meetings/${held.id}/participants`,
        { participants: [{ personId: contact.id, side: 'region' }], version: held.version },
      ],
      [
        'PUT',
        `/api/v1/meetings/${held.id}/minutes`,
        { minutes: minutesText('Referat.'), version: held.version },
      ],
      ['POST', `/api/v1/meetings/${held.id}/outcomes`, { kind: 'decision', text: 'Vedtak.' }],
      ['POST', `/api/v1/meetings/${held.id}/state`, { state: 'minutes_for_comment', version: held.version }],
    ];
    for (const [method, url, body] of writes) {
      for (const cookie of [cookies.otherDepartment, cookies.region, cookies.otherRegion, cookies.viewer]) {
        await refused(() => req(method, url, cookie, body), 403);
      }
    }
    // The admin manages it as well as its department.
    const byAdmin = await ok<Meeting>('PUT', `/api/v1/meetings/${held.id}/minutes`, cookies.admin, {
      minutes: minutesText('Skrevet av koordinatoren.'),
      version: held.version,
    });
    expect(byAdmin.minutesUpdatedBy?.id).toBe(t.actors.admin.id);
  });
});

describe('comments on the minutes', () => {
  it('takes comments from the region and the participating departments while the minutes are out', async () => {
    const planned = await created(cookies.admin, await collaborationBody(t, fx));
    const comment = (cookie: string, body = 'Punkt 2 må presiseres.') =>
      req('POST', `/api/v1/meetings/${planned.id}/comments`, cookie, { body });
    await refused(() => comment(cookies.region), 409, [['_', 'validation.minutesNotForComment']]);
    const held = await moveTo(planned, 'held');
    const written = await ok<Meeting>('PUT', `/api/v1/meetings/${held.id}/minutes`, cookies.admin, {
      minutes: minutesText('Referat.'),
      version: held.version,
    });
    await moveTo(written, 'minutes_for_comment');

    const fromRegion = await comment(cookies.region);
    expect(fromRegion.statusCode).toBe(201);
    expect(fromRegion.json()).toMatchObject({
      author: { id: t.actors.region.id, name: t.actors.region.name },
      body: 'Punkt 2 må presiseres.',
    });
    // Samferdsel takes part; Næring does not, and Hallingdal is not concerned.
    expect((await comment(cookies.department, 'Enig.')).statusCode).toBe(201);
    await refused(() => comment(cookies.otherDepartment), 403);
    await refused(() => comment(cookies.otherRegion), 403, [['id', 'validation.meetingOtherRegion']]);
    await refused(() => comment(cookies.viewer), 403);
    await refused(() => comment(cookies.region, '  '), 400, [['body', 'validation.required']]);
    const read = await ok<Meeting>('GET', `/api/v1/meetings/${held.id}`, cookies.region);
    expect(read.comments.map((c) => c.body)).toEqual(['Punkt 2 må presiseres.', 'Enig.']);
    expect(read.canComment).toBe(true);
  });
});
