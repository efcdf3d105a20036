import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Meeting, Outcome } from '../../shared/contracts/meetings.js';
import type { MyTasks } from '../../shared/contracts/tasks.js';
import { agreementsFixture, departmentItem } from '../contributions/contribution.fixtures.js';
import { createContribution } from '../contributions/create-contribution.js';
import {
  collaborationBody,
  heldCollaboration,
  type MeetingCookies,
  type MeetingsFixture,
  meetingRequests,
  minutesText,
  personOf,
  signInMeetingRoles,
  unknownId,
} from './meeting.fixtures.js';

let t: TestApp;
let fx: MeetingsFixture & Awaited<ReturnType<typeof agreementsFixture>>;
let cookies: MeetingCookies;
beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await agreementsFixture(t);
});
afterAll(async () => t.close());

const { req, refused, ok } = meetingRequests(() => t);

const record = (meetingId: string, cookie: string, body: unknown) =>
  req('POST', `/api/v1/meetings/${meetingId}/outcomes`, cookie, body);
const tasksOf = (cookie: string) => ok<MyTasks>('GET', `/api/v1/my-tasks?cycle=${fx.cycle.id}`, cookie);
const samferdsel = () => ({
  type: 'department' as const,
  departmentId: t.actors.department.departmentId ?? '',
});

describe("a meeting's outcomes", () => {
  it('records information, decisions and actions once the meeting is held', async () => {
    const planned = await ok<Meeting>(
      'POST',
      '/api/v1/meetings',
      cookies.admin,
      await collaborationBody(t, fx),
    );
    await refused(
      () => record(planned.id, cookies.admin, { kind: 'information', text: 'For tidlig.' }),
      409,
      [['state', 'validation.meetingNotHeld']],
    );
    const held = await heldCollaboration(t, fx as MeetingsFixture);
    const info = await record(held.id, cookies.admin, {
      kind: 'information',
      text: 'Fylket orienterte om budsjettprosessen.',
      // An owner and a due date belong to actions only: dropped here.
      owner: samferdsel(),
      dueDate: '2025-04-01',
    });
    expect(info.statusCode).toBe(201);
    expect(info.json()).toMatchObject({ position: 0, kind: 'information', owner: null, dueDate: null });
    const decision = (await record(held.id, cookies.admin, {
      kind: 'decision',
      text: 'Partene prioriterer kollektivtrafikk.',
    }).then((r) => r.json())) as Outcome;
    expect(decision.position).toBe(1);
    const item = await createContribution(
      t.ctx(t.actors.department),
      fx.own.id,
      departmentItem(t, fx.areas.transport.id),
    );
    const action = await record(held.id, cookies.admin, {
      kind: 'action',
      text: 'Samferdsel utreder halvtimesavganger Mysen–Askim.',
      owner: samferdsel(),
      dueDate: '2025-05-01',
      link: { type: 'contribution', contributionId: item.id },
    });
    expect(action.statusCode).toBe(201);
    expect(action.json()).toMatchObject({
      kind: 'action',
      owner: { type: 'department', department: { id: t.actors.department.departmentId, name: 'Samferdsel' } },
      dueDate: '2025-05-01',
      doneAt: null,
      link: {
        type: 'contribution',
        contribution: { id: item.id, title: item.title, agreementId: fx.own.id },
      },
      canMarkDone: true,
    });
    const read = await ok<Meeting>('GET', `/api/v1/meetings/${held.id}`, cookies.viewer);
    expect(read.outcomes.map((o) => o.kind)).toEqual(['information', 'decision', 'action']);
    expect(read.openActions).toBe(1);
  });

  it('refuses an action without an owner or a due date, and links outside the meeting, on the field', async () => {
    const held = await heldCollaboration(t, fx as MeetingsFixture);
    const action = { kind: 'action', text: 'Følg opp.', owner: samferdsel(), dueDate: '2025-05-01' };
    const otherItem = await createContribution(
      t.ctx(t.actors.department),
      fx.other.id,
      departmentItem(t, fx.areas.transport.id),
    );
    const cases: [unknown, [string, string][]][] = [
      [{ ...action, owner: null }, [['owner', 'validation.actionOwner']]],
      [{ ...action, dueDate: undefined }, [['dueDate', 'validation.actionDueDate']]],
      [
        { ...action, owner: undefined, dueDate: null },
        [
          ['owner', 'validation.actionOwner'],
          ['dueDate', 'validation.actionDueDate'],
        ],
      ],
      [{ ...action, dueDate: '2025-02-30' }, [['dueDate', 'validation.date']]],
      [
        { ...action, owner: { type: 'person', personId: unknownId } },
        [['owner.personId', 'validation.unknownPerson']],
      ],
      [
        { ...action, link: { type: 'contribution', contributionId: otherItem.id } },
        [['link.contributionId', 'validation.contributionNotInMeeting']],
      ],
      [
        { ...action, link: { type: 'section', agreementId: fx.other.id, sectionKey: 'priorities' } },
        [['link.agreementId', 'validation.agreementNotInMeeting']],
      ],
      [
        { ...action, link: { type: 'section', agreementId: fx.own.id, sectionKey: 'priorities' } },
        [['link.sectionKey', 'validation.unknownSpecialPartSection']],
      ],
    ];
    for (const [bad, fields] of cases) {
      await refused(() => record(held.id, cookies.admin, bad), 400, fields);
    }
    await refused(() => record(held.id, cookies.department, action), 403, [
      ['type', 'validation.departmentBilateralOnly'],
    ]);
    await refused(() => record(held.id, cookies.region, action), 403);
  });

  it("shows an open action on its owner's start page until it is done: a department's, and a person's", async () => {
    const held = await heldCollaboration(t, fx as MeetingsFixture);
    const contact = await personOf(t, t.actors.region.email);
    const forDepartment = (await record(held.id, cookies.admin, {
      kind: 'action',
      text: 'Samferdsel sender ruteforslag.',
      owner: samferdsel(),
      dueDate: '2025-04-15',
    }).then((r) => r.json())) as Outcome;
    const forRegion = (await record(held.id, cookies.admin, {
      kind: 'action',
      text: 'Regionen sender liste over pendlerstrekninger.',
      owner: { type: 'person', personId: contact.id },
      dueDate: '2025-04-01',
    }).then((r) => r.json())) as Outcome;

    const department = await tasksOf(cookies.department);
    expect(department.meetingActions.map((a) => a.outcomeId)).toContain(forDepartment.id);
    expect(department.meetingActions.map((a) => a.outcomeId)).not.toContain(forRegion.id);
    const region = await tasksOf(cookies.region);
    expect(region.meetingActions).toContainEqual({
      outcomeId: forRegion.id,
      meetingId: held.id,
      meetingTitle: held.title,
      meetingType: 'collaboration',
      meetingStartsAt: held.startsAt,
      text: 'Regionen sender liste over pendlerstrekninger.',
      dueDate: '2025-04-01',
      owner: { type: 'person', person: { id: contact.id, name: contact.name } },
      version: 1,
    });
    expect((await tasksOf(cookies.otherDepartment)).meetingActions.map((a) => a.outcomeId)).not.toContain(
      forDepartment.id,
    );
    expect((await tasksOf(cookies.viewer)).meetingActions).toEqual([]);

    // Only its owner (or who manages the meeting) marks it done; then it leaves the start page.
    await refused(
      () =>
        req('POST', `/api/v1/outcomes/${forDepartment.id}/done`, cookies.otherDepartment, {
          done: true,
          version: 1,
        }),
      403,
    );
    await refused(
      () =>
        req('POST', `/api/v1/outcomes/${forDepartment.id}/done`, cookies.region, { done: true, version: 1 }),
      403,
    );
    const done = await ok<Outcome>('POST', `/api/v1/outcomes/${forDepartment.id}/done`, cookies.department, {
      done: true,
      version: forDepartment.version,
    });
    expect(done.doneAt).not.toBeNull();
    expect((await tasksOf(cookies.department)).meetingActions.map((a) => a.outcomeId)).not.toContain(
      forDepartment.id,
    );
    const regionDone = await ok<Outcome>('POST', `/api/v1/outcomes/${forRegion.id}/done`, cookies.region, {
      done: true,
      version: forRegion.version,
    });
    expect(regionDone.doneAt).not.toBeNull();
    // Open again, it is back.
    await ok('POST', `/api/v1/outcomes/${forRegion.id}/done`, cookies.admin, {
      done: false,
      version: regionDone.version,
    });
    expect((await tasksOf(cookies.region)).meetingActions.map((a) => a.outcomeId)).toContain(forRegion.id);
    expect((await auditTrail(t, 'outcome', forRegion.id)).map((a) => a.action)).toEqual([
      'outcome.create',
      'outcome.markDone',
      'outcome.reopen',
    ]);
  });

  it('changes and removes outcomes until the minutes are approved', async () => {
    const held = await heldCollaboration(t, fx as MeetingsFixture);
    const first = (await record(held.id, cookies.admin, { kind: 'decision', text: 'Vedtak A.' }).then((r) =>
      r.json(),
    )) as Outcome;
    const second = (await record(held.id, cookies.admin, { kind: 'information', text: 'Info B.' }).then((r) =>
      r.json(),
    )) as Outcome;
    const changed = await ok<Outcome>('PATCH', `/api/v1/outcomes/${first.id}`, cookies.admin, {
      kind: 'action',
      text: 'Vedtak A blir en oppgave.',
      owner: samferdsel(),
      dueDate: '2025-06-01',
      version: first.version,
    });
    expect(changed).toMatchObject({ kind: 'action', dueDate: '2025-06-01', version: 2 });
    await refused(
      () =>
        req('PATCH', `/api/v1/outcomes/${first.id}`, cookies.admin, {
          kind: 'action',
          text: 'X',
          version: 2,
        }),
      400,
      [
        ['owner', 'validation.actionOwner'],
        ['dueDate', 'validation.actionDueDate'],
      ],
    );
    await ok('DELETE', `/api/v1/outcomes/${first.id}?version=${changed.version}`, cookies.admin);
    const after = await ok<Meeting>('GET', `/api/v1/meetings/${held.id}`, cookies.admin);
    expect(after.outcomes.map((o) => [o.position, o.id])).toEqual([[0, second.id]]);
    const written = await ok<Meeting>('PUT', `/api/v1/meetings/${held.id}/minutes`, cookies.admin, {
      minutes: minutesText('Referat.'),
      version: after.version,
    });
    const sent = await ok<Meeting>('POST', `/api/v1/meetings/${held.id}/state`, cookies.admin, {
      state: 'minutes_for_comment',
      version: written.version,
    });
    await ok('POST', `/api/v1/meetings/${held.id}/state`, cookies.admin, {
      state: 'minutes_approved',
      version: sent.version,
    });
    await refused(() => record(held.id, cookies.admin, { kind: 'decision', text: 'Etterpå.' }), 409, [
      ['state', 'validation.minutesApproved'],
    ]);
    await refused(() => req('DELETE', `/api/v1/outcomes/${second.id}?version=1`, cookies.admin), 409, [
      ['state', 'validation.minutesApproved'],
    ]);
  });
});
