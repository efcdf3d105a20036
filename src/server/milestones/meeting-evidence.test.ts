import { ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { CreateMeetingBody } from '../../shared/contracts/meetings.js';
import { listSubjectAreas } from '../agreements/list-subject-areas.js';
import { createContribution } from '../contributions/create-contribution.js';
import { changeMeetingState } from '../meetings/change-meeting-state.js';
import { createMeeting } from '../meetings/create-meeting.js';
import { links, past } from '../meetings/meeting.fixtures.js';
import { departments } from '../registry/registry.table.js';
import { getAgreementMilestones } from './get-agreement-milestones.js';
import { byEvidence, milestonesOf, twoAgreements } from './milestone.fixtures.js';
import { phasesOfCycle } from './milestone-reads.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 300_000);
afterAll(async () => t.close());

/** Plans a meeting as the admin (or the department editor for a bilateral one) and marks it held. */
async function held(body: Omit<CreateMeetingBody, 'startsAt' | 'endsAt'>, who = t.actors.admin) {
  const ctx = t.ctx(who);
  const planned = await createMeeting(ctx, { ...body, ...past });
  return changeMeetingState(ctx, planned.id, { state: 'held', version: planned.version }, links);
}

const meetingLink = (m: { id: string; title: string }, owner: string | null = null) => ({
  target: 'meeting',
  meetingId: m.id,
  name: m.title,
  owner,
  count: 1,
});

describe('meeting evidence', () => {
  it('completes the meeting milestones as their meetings are held, links them, and moves the phase', async () => {
    const { cycle, own, other } = await twoAgreements(t);
    const admin = t.ctx(t.actors.admin);
    const samferdsel = t.actors.department.departmentId ?? '';
    const [area] = (await listSubjectAreas(admin, cycle.id)).items;
    if (!area) throw new Error('no subject area');
    await createContribution(t.ctx(t.actors.department), own.id, {
      subjectAreaId: area.id,
      kind: 'measure',
      owner: { type: 'department', departmentId: samferdsel },
      title: 'Bedre busstilbud',
    });
    const before = await milestonesOf(t, own.id);
    expect(before.phase).toBe('county_internal');
    for (const kind of [
      'kickoff_held',
      'summary_held',
      'collaboration_held',
      'bilateral_held',
      'final_held',
    ]) {
      expect(byEvidence(before, kind as 'kickoff_held')).toMatchObject({
        state: 'not_started',
        completedBy: null,
        evidence: { met: false, links: [] },
      });
    }

    // A planned kickoff is no evidence; held, and naming no agreement, it concerns every agreement.
    const kickoff = await held({
      cycleId: cycle.id,
      type: 'kickoff',
      title: 'Oppstartsmøte',
      agreementIds: [],
    });
    for (const id of [own.id, other.id]) {
      expect(byEvidence(await milestonesOf(t, id), 'kickoff_held')).toMatchObject({
        state: 'done',
        recordedState: 'not_started',
        completedBy: 'evidence',
        evidence: { met: true, at: new Date(past.startsAt).toISOString(), links: [meetingLink(kickoff)] },
      });
    }

    // The internal summary names Indre Østfold: its county-internal work is done, Hallingdal's is not.
    const summary = await held({
      cycleId: cycle.id,
      type: 'internal_summary',
      title: 'Oppsummeringsmøte',
      agreementIds: [own.id],
    });
    const afterSummary = await milestonesOf(t, own.id);
    expect(byEvidence(afterSummary, 'summary_held').evidence?.links).toEqual([meetingLink(summary)]);
    // The county's internal work is done: on to the region's, whose wanted subject areas are not marked.
    expect(afterSummary.phase).toBe('region_internal');
    expect(byEvidence(await milestonesOf(t, other.id), 'summary_held').state).toBe('not_started');

    // A region contact sees the county's internal meetings as done, without links to pages they cannot open.
    const seenByRegion = await getAgreementMilestones(t.ctx(t.actors.region), own.id);
    expect(byEvidence(seenByRegion, 'kickoff_held')).toMatchObject({
      state: 'done',
      evidence: { links: [] },
    });
    expect(byEvidence(seenByRegion, 'summary_held')).toMatchObject({
      state: 'done',
      evidence: { links: [] },
    });

    const collaboration = await held({
      cycleId: cycle.id,
      type: 'collaboration',
      title: 'Samhandlingsmøte',
      agreementIds: [own.id],
    });
    // The department editor holds its own bilateral meeting: every department with contributions has met.
    const bilateral = await held(
      {
        cycleId: cycle.id,
        type: 'bilateral',
        title: 'Bilateralt møte om kollektivtrafikk',
        agreementIds: [own.id],
        ownerDepartmentId: samferdsel,
      },
      t.actors.department,
    );
    const final = await held({
      cycleId: cycle.id,
      type: 'final',
      title: 'Fellesmøte',
      agreementIds: [own.id],
    });
    const list = await milestonesOf(t, own.id);
    expect(byEvidence(list, 'collaboration_held').evidence?.links).toEqual([meetingLink(collaboration)]);
    expect(byEvidence(list, 'bilateral_held')).toMatchObject({
      state: 'done',
      completedBy: 'evidence',
      evidence: { links: [meetingLink(bilateral, samferdsel)] },
    });
    expect(byEvidence(list, 'final_held').evidence?.links).toEqual([meetingLink(final)]);
    expect(
      byEvidence(await getAgreementMilestones(t.ctx(t.actors.region), own.id), 'final_held'),
    ).toMatchObject({ evidence: { links: [meetingLink(final)] } });
    // Every milestone from the meetings is done; the region's work, the special part and the political
    // milestones (which coming into force completes; they have no evidence) are not.
    expect(list.milestones.filter((m) => m.state !== 'done').map((m) => m.evidenceKind)).toEqual([
      'wanted_subject_areas',
      'region_commitments',
      'special_part_agreed',
      null,
      null,
    ]);
    // The cycle's read (the overview's and the status report's) gives the same phases.
    const phases = await phasesOfCycle(t.database.db, cycle.id);
    expect(phases.get(own.id)).toBe('region_internal');
    expect(phases.get(other.id)).toBe('county_internal');
    expect(byEvidence(await milestonesOf(t, other.id), 'collaboration_held').state).toBe('not_started');

    // Another department proposes for the region: the bilateral milestone waits for its meeting too.
    const [another] = await t.database.db
      .select({ id: departments.id })
      .from(departments)
      .where(ne(departments.id, samferdsel))
      .limit(1);
    if (!another) throw new Error('no other department');
    await createContribution(admin, own.id, {
      subjectAreaId: area.id,
      kind: 'measure',
      owner: { type: 'department', departmentId: another.id },
      title: 'Kulturskole',
    });
    expect(byEvidence(await milestonesOf(t, own.id), 'bilateral_held')).toMatchObject({
      state: 'not_started',
      completedBy: null,
    });
  });

  it('counts no cancelled or planned meeting, and no meeting of another cycle', async () => {
    const { cycle, own } = await twoAgreements(t);
    const elsewhere = await twoAgreements(t);
    const admin = t.ctx(t.actors.admin);
    const planned = await createMeeting(admin, {
      cycleId: cycle.id,
      type: 'collaboration',
      title: 'Samhandlingsmøte',
      agreementIds: [own.id],
      ...past,
    });
    await changeMeetingState(admin, planned.id, { state: 'cancelled', version: planned.version }, links);
    await createMeeting(admin, {
      cycleId: cycle.id,
      type: 'final',
      title: 'Fellesmøte',
      agreementIds: [own.id],
      ...past,
    });
    await held({
      cycleId: elsewhere.cycle.id,
      type: 'kickoff',
      title: 'Oppstart i en annen syklus',
      agreementIds: [],
    });
    const list = await milestonesOf(t, own.id);
    for (const kind of ['kickoff_held', 'collaboration_held', 'final_held'] as const) {
      expect(byEvidence(list, kind).evidence?.met).toBe(false);
    }
    expect(byEvidence(await milestonesOf(t, elsewhere.own.id), 'kickoff_held').evidence?.met).toBe(true);
  });
});
