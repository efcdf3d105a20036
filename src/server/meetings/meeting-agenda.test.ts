import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { AgendaItem, Meeting } from '../../shared/contracts/meetings.js';
import {
  bilateralBody,
  collaborationBody,
  future,
  type MeetingCookies,
  type MeetingsFixture,
  meetingRequests,
  meetingsFixture,
  signInMeetingRoles,
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

const plan = async (body: unknown, cookie = cookies.admin) =>
  ok<Meeting>('POST', '/api/v1/meetings', cookie, body);
const add = (meetingId: string, cookie: string, title: string, durationMinutes = 30) =>
  req('POST', `/api/v1/meetings/${meetingId}/agenda-items`, cookie, { title, durationMinutes });
const agendaOf = async (meetingId: string, cookie = cookies.admin) =>
  (await ok<Meeting>('GET', `/api/v1/meetings/${meetingId}`, cookie)).agenda;

describe('the agenda', () => {
  it("puts the owner's items on the agenda and keeps a region contact's proposed until it is accepted", async () => {
    const meeting = await plan({ ...(await collaborationBody(t, fx)), ...future });
    const opening = await add(meeting.id, cookies.admin, 'Velkommen og presentasjon', 15);
    expect(opening.statusCode).toBe(201);
    expect(opening.json()).toMatchObject({ position: 0, proposed: false, proposedBy: null, canEdit: true });
    const proposal = await add(meeting.id, cookies.region, 'Regionens ønsker for samferdsel', 45);
    expect(proposal.statusCode).toBe(201);
    const proposed = proposal.json() as AgendaItem;
    expect(proposed).toMatchObject({
      position: 1,
      proposed: true,
      proposedBy: { id: t.actors.region.id, name: t.actors.region.name },
      acceptedBy: null,
      canEdit: false,
      canDelete: true,
    });
    // Hallingdal is not concerned, a department editor does not own it, a viewer only reads.
    await refused(() => add(meeting.id, cookies.otherRegion, 'Hallingdals punkt'), 403, [
      ['id', 'validation.meetingOtherRegion'],
    ]);
    await refused(() => add(meeting.id, cookies.department, 'Samferdsels punkt'), 403, [
      ['type', 'validation.departmentBilateralOnly'],
    ]);
    await refused(() => add(meeting.id, cookies.viewer, 'Lesers punkt'), 403);
    await refused(() => add(meeting.id, cookies.admin, 'For langt', 601), 400, [
      ['durationMinutes', 'validation.duration'],
    ]);
    // Only who manages the meeting accepts.
    await refused(
      () => req('POST', `/api/v1/agenda-items/${proposed.id}/accept`, cookies.region, { version: 1 }),
      403,
    );
    const accepted = await ok<AgendaItem>(
      'POST',
      `/api/v1/agenda-items/${proposed.id}/accept`,
      cookies.admin,
      {
        version: proposed.version,
      },
    );
    expect(accepted).toMatchObject({
      proposed: false,
      acceptedBy: { id: t.actors.admin.id, name: t.actors.admin.name },
      proposedBy: { id: t.actors.region.id },
    });
    await refused(
      () =>
        req('POST', `/api/v1/agenda-items/${proposed.id}/accept`, cookies.admin, {
          version: accepted.version,
        }),
      409,
      [['_', 'validation.agendaItemNotProposed']],
    );
    expect((await auditTrail(t, 'agendaItem', proposed.id)).map((a) => a.action)).toEqual([
      'agendaItem.propose',
      'agendaItem.accept',
    ]);
  });

  it("lets a bilateral meeting's department accept, reorder, change and remove items by buttons", async () => {
    const meeting = await plan({ ...bilateralBody(t, fx), ...future }, cookies.department);
    const first = (
      await add(meeting.id, cookies.department, 'Status for bussrutene', 20)
    ).json() as AgendaItem;
    const second = (await add(meeting.id, cookies.region, 'Pendlerparkering', 25)).json() as AgendaItem;
    // Another department's editor is refused on the owner.
    await refused(
      () => req('POST', `/api/v1/agenda-items/${second.id}/accept`, cookies.otherDepartment, { version: 1 }),
      403,
      [['ownerDepartmentId', 'validation.meetingOtherDepartment']],
    );
    await ok('POST', `/api/v1/agenda-items/${second.id}/accept`, cookies.department, {
      version: second.version,
    });
    const moved = await ok<AgendaItem>('POST', `/api/v1/agenda-items/${second.id}/move`, cookies.department, {
      direction: 'up',
      version: second.version + 1,
    });
    expect(moved.position).toBe(0);
    expect((await agendaOf(meeting.id)).map((i) => i.title)).toEqual([
      'Pendlerparkering',
      'Status for bussrutene',
    ]);
    const renamed = await ok<AgendaItem>('PATCH', `/api/v1/agenda-items/${first.id}`, cookies.department, {
      title: 'Status for bussrutene i Indre Østfold',
      durationMinutes: 30,
      version: first.version,
    });
    expect(renamed).toMatchObject({ title: 'Status for bussrutene i Indre Østfold', durationMinutes: 30 });
    await refused(
      () => req('PATCH', `/api/v1/agenda-items/${first.id}`, cookies.department, { title: 'X', version: 1 }),
      409,
    );
    await ok('DELETE', `/api/v1/agenda-items/${moved.id}?version=${moved.version}`, cookies.department);
    expect((await agendaOf(meeting.id)).map((i) => [i.position, i.title])).toEqual([
      [0, 'Status for bussrutene i Indre Østfold'],
    ]);
  });

  it('lets a region contact withdraw its own proposal, not accepted items, and closes the agenda once held', async () => {
    const meeting = await plan(await collaborationBody(t, fx));
    const owners = (await add(meeting.id, cookies.admin, 'Orientering fra fylket')).json() as AgendaItem;
    const mine = (await add(meeting.id, cookies.region, 'Vårt innspill')).json() as AgendaItem;
    await refused(() => req('DELETE', `/api/v1/agenda-items/${owners.id}?version=1`, cookies.region), 403);
    await ok('DELETE', `/api/v1/agenda-items/${mine.id}?version=${mine.version}`, cookies.region);
    expect((await auditTrail(t, 'agendaItem', mine.id)).map((a) => a.action)).toEqual([
      'agendaItem.propose',
      'agendaItem.withdraw',
    ]);
    await ok('POST', `/api/v1/meetings/${meeting.id}/state`, cookies.admin, {
      state: 'held',
      version: meeting.version,
    });
    await refused(() => add(meeting.id, cookies.region, 'For sent'), 409, [
      ['state', 'validation.agendaClosed'],
    ]);
    await refused(
      () => req('PATCH', `/api/v1/agenda-items/${owners.id}`, cookies.admin, { title: 'X', version: 1 }),
      409,
      [['state', 'validation.agendaClosed']],
    );
    const [item] = await agendaOf(meeting.id);
    expect(item).toMatchObject({ canEdit: false, canDelete: false });
  });
});
