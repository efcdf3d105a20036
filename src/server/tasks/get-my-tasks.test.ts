import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { changeStatus } from '../contributions/change-status.js';
import { agreementsFixture, departmentItem, regionItem } from '../contributions/contribution.fixtures.js';
import { createContribution } from '../contributions/create-contribution.js';
import { createDisposition } from '../hearings/create-disposition.js';
import { openedHearing, passDeadline } from '../hearings/hearing.fixtures.js';
import { submitInput } from '../hearings/submit-input.js';
import { addOutcome } from '../meetings/add-outcome.js';
import { markOutcomeDone } from '../meetings/mark-outcome-done.js';
import { heldCollaboration, personOf } from '../meetings/meeting.fixtures.js';
import { getMyTasks } from './get-my-tasks.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('my tasks', () => {
  it("counts the inputs assigned to the caller's department that still wait for its answer", async () => {
    const { cycle, hearing } = await openedHearing(t);
    const first = await submitInput(t.ctx(t.actors.region), hearing.id, {
      text: 'Kollektivtrafikken mangler.',
    });
    const second = await submitInput(t.ctx(t.actors.otherRegion), hearing.id, {
      sectionKey: 'purpose',
      text: 'Reiseliv bør nevnes.',
    });
    await passDeadline(t, hearing.id);
    const samferdsel = t.actors.department.departmentId ?? '';
    await createDisposition(t.ctx(t.actors.admin), hearing.id, {
      inputIds: [first.id, second.id],
      outcome: 'noted',
      reason: 'Samferdsel svarer først.',
      assignedDepartmentId: samferdsel,
    });

    const mine = await getMyTasks(t.ctx(t.actors.department), { cycle: cycle.id });
    expect(mine.assignedDispositions).toEqual([
      {
        hearingId: hearing.id,
        kind: 'formal',
        versionNumber: 1,
        cycleName: cycle.name,
        count: 2,
        // The link lands on the first of them in the answer list's order, by region name: «Indre Østfold
        // regionråd» before «Regionrådet for Hallingdal».
        firstInputId: first.id,
      },
    ]);
    // Nobody else owes that answer.
    expect((await getMyTasks(t.ctx(t.actors.admin), { cycle: cycle.id })).assignedDispositions).toEqual([]);
    expect((await getMyTasks(t.ctx(t.actors.region), { cycle: cycle.id })).assignedDispositions).toEqual([]);
  });

  it("lists the regions without anything from the caller's department, and the items still negotiated", async () => {
    const { cycle, areas, own, other } = await agreementsFixture(t);
    const before = await getMyTasks(t.ctx(t.actors.department), { cycle: cycle.id });
    expect(before.department?.agreements).toBe(2);
    expect(before.department?.agreementsWithoutOwn.map((a) => a.agreementId).sort()).toEqual(
      [own.id, other.id].sort(),
    );

    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const after = await getMyTasks(t.ctx(t.actors.department), { cycle: cycle.id });
    expect(after.department).toMatchObject({
      agreements: 2,
      agreementsWithoutOwn: [{ agreementId: other.id }],
      inNegotiation: 1,
    });

    // An agreed item is no longer negotiated; a dropped one does not count as an answer.
    await changeStatus(t.ctx(t.actors.admin), item.id, {
      status: 'agreed',
      reason: 'Enige.',
      version: item.version,
    });
    const agreed = await getMyTasks(t.ctx(t.actors.department), { cycle: cycle.id });
    expect(agreed.department?.inNegotiation).toBe(0);
    expect(agreed.department?.agreementsWithoutOwn.map((a) => a.agreementId)).toEqual([other.id]);
    expect(agreed.region).toBeNull();
  });

  it("shows a region contact the region's own agreement and what in it is open", async () => {
    const { cycle, areas, own } = await agreementsFixture(t);
    await createContribution(t.ctx(t.actors.region), own.id, regionItem(areas.business.id));
    await createContribution(t.ctx(t.actors.department), own.id, departmentItem(t, areas.transport.id));
    const tasks = await getMyTasks(t.ctx(t.actors.region), { cycle: cycle.id });
    expect(tasks.region).toEqual({
      agreementId: own.id,
      wantedSubjectAreas: 1,
      regionItemsInNegotiation: 1,
      itemsInNegotiation: 2,
    });
    expect(tasks.department).toBeNull();
    expect((await getMyTasks(t.ctx(t.actors.viewer), { cycle: cycle.id })).region).toBeNull();
  });

  it('lists the open actions from meetings that the caller, as a registry person, or their department owns', async () => {
    const fx = await agreementsFixture(t);
    const meeting = await heldCollaboration(t, fx);
    const admin = t.ctx(t.actors.admin);
    const contact = await personOf(t, t.actors.region.email);
    const forDepartment = await addOutcome(admin, meeting.id, {
      kind: 'action',
      text: 'Samferdsel sender ruteforslag.',
      owner: { type: 'department', departmentId: t.actors.department.departmentId },
      dueDate: '2025-04-15',
    });
    const forContact = await addOutcome(admin, meeting.id, {
      kind: 'action',
      text: 'Regionen sender pendlertall.',
      owner: { type: 'person', personId: contact.id },
      dueDate: '2025-04-01',
    });
    await addOutcome(admin, meeting.id, { kind: 'decision', text: 'Kollektivtrafikk prioriteres.' });
    const actionsOf = async (actor: typeof t.actors.admin) =>
      (await getMyTasks(t.ctx(actor), { cycle: fx.cycle.id })).meetingActions.map((a) => a.text);
    expect(await actionsOf(t.actors.department)).toEqual(['Samferdsel sender ruteforslag.']);
    expect(await actionsOf(t.actors.region)).toEqual(['Regionen sender pendlertall.']);
    expect(await actionsOf(t.actors.otherDepartment)).toEqual([]);
    expect(await actionsOf(t.actors.admin)).toEqual([]);
    await markOutcomeDone(t.ctx(t.actors.department), forDepartment.id, { done: true, version: 1 });
    expect(await actionsOf(t.actors.department)).toEqual([]);
    expect(forContact.dueDate).toBe('2025-04-01');
  });

  it('answers 400 for a cycle that is not an id, 404 for one that does not exist, 401 signed out', async () => {
    const admin = await t.cookieFor('admin@demo.partnerskap.no');
    const bad = await t.request({ method: 'GET', url: '/api/v1/my-tasks?cycle=nei', cookie: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cycle');
    const missing = await t.request({
      method: 'GET',
      url: '/api/v1/my-tasks?cycle=7d3e6b4e-0000-4000-8000-000000000000',
      cookie: admin,
    });
    expect(missing.statusCode).toBe(404);
    const out = await t.request({
      method: 'GET',
      url: '/api/v1/my-tasks?cycle=7d3e6b4e-0000-4000-8000-000000000000',
    });
    expect(out.statusCode).toBe(401);
  });
});
