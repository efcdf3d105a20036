import { describe, expect, it } from 'vitest';
import { type PlanItem, type PlanMilestone, planIsEmpty, planTemplate } from './milestone-template-plan.js';

const item = (id: string, name: string, more: Partial<PlanItem> = {}): PlanItem => ({
  id,
  name,
  stage: 'county_internal',
  evidence: null,
  optional: false,
  ...more,
});

const milestoneOf = (
  template: PlanItem,
  position: number,
  more: Partial<PlanMilestone> = {},
): PlanMilestone => ({
  ...template,
  id: `m-${template.id}`,
  templateItemId: template.id,
  position,
  state: 'not_started',
  plannedDate: null,
  actualDate: null,
  note: null,
  ...more,
});

const kickoff = item('a', 'Oppstartsmøte', { evidence: 'kickoff_held' });
const proposals = item('b', 'Forslag', { evidence: 'department_proposals' });
const wanted = item('c', 'Ønskede fagområder', {
  stage: 'region_internal',
  evidence: 'wanted_subject_areas',
});

describe('bringing an agreement in line with its template', () => {
  it('gives a new agreement a milestone for every item, in order', () => {
    const plan = planTemplate([kickoff, proposals], []);
    expect(plan.insert).toEqual([
      {
        templateItemId: 'a',
        name: 'Oppstartsmøte',
        stage: 'county_internal',
        evidence: 'kickoff_held',
        optional: false,
        position: 0,
      },
      {
        templateItemId: 'b',
        name: 'Forslag',
        stage: 'county_internal',
        evidence: 'department_proposals',
        optional: false,
        position: 1,
      },
    ]);
    expect(plan.update).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('changes nothing when the milestones follow the template', () => {
    const template = [kickoff, proposals];
    const plan = planTemplate(template, [
      milestoneOf(kickoff, 0, { state: 'done' }),
      milestoneOf(proposals, 1),
    ]);
    expect(planIsEmpty(plan)).toBe(true);
  });

  it('adds a new item, renames, reorders and marks optional, without touching dates, states or notes', () => {
    const renamed = { ...kickoff, name: 'Oppstartsmøte med alle' };
    const optional = { ...proposals, optional: true };
    const plan = planTemplate(
      [optional, wanted, renamed],
      [milestoneOf(kickoff, 0, { state: 'done', note: 'Holdt 12.01.' }), milestoneOf(proposals, 1)],
    );
    expect(plan.insert).toEqual([
      {
        templateItemId: 'c',
        name: 'Ønskede fagområder',
        stage: 'region_internal',
        evidence: 'wanted_subject_areas',
        optional: false,
        position: 1,
      },
    ]);
    expect(plan.update).toEqual([
      { id: 'm-b', set: { optional: true, position: 0 }, markedNotApplicable: false },
      { id: 'm-a', set: { name: 'Oppstartsmøte med alle', position: 2 }, markedNotApplicable: false },
    ]);
    expect(plan.remove).toEqual([]);
  });

  it('deletes the milestone of an item taken out of the template when nothing was recorded on it', () => {
    const plan = planTemplate(
      [kickoff],
      [milestoneOf(kickoff, 0), milestoneOf(proposals, 1, { templateItemId: null })],
    );
    expect(plan.remove).toEqual(['m-b']);
    expect(plan.update).toEqual([]);
  });

  it('keeps one that was begun, dated or noted: detached, optional, after the template, marked not applicable', () => {
    const gone = [
      milestoneOf(proposals, 1, { templateItemId: null, state: 'in_progress' }),
      milestoneOf(wanted, 2, { templateItemId: 'c', plannedDate: '2021-03-01' }),
      milestoneOf(item('d', 'Notert'), 3, { templateItemId: null, note: 'Se referat' }),
    ];
    const plan = planTemplate([kickoff], [milestoneOf(kickoff, 0), ...gone]);
    expect(plan.remove).toEqual([]);
    expect(plan.update).toEqual([
      { id: 'm-b', set: { optional: true, state: 'not_applicable' }, markedNotApplicable: true },
      {
        id: 'm-c',
        set: { templateItemId: null, optional: true, state: 'not_applicable' },
        markedNotApplicable: true,
      },
      { id: 'm-d', set: { optional: true, state: 'not_applicable' }, markedNotApplicable: true },
    ]);
  });

  it('keeps a done milestone done when its item leaves the template, and repeating the plan changes nothing', () => {
    const done = milestoneOf(proposals, 1, { templateItemId: null, state: 'done' });
    const plan = planTemplate([kickoff], [milestoneOf(kickoff, 0), done]);
    expect(plan.update).toEqual([{ id: 'm-b', set: { optional: true }, markedNotApplicable: false }]);
    const after = { ...done, optional: true };
    expect(planIsEmpty(planTemplate([kickoff], [milestoneOf(kickoff, 0), after]))).toBe(true);
    const notApplicable = { ...done, state: 'not_applicable' as const, optional: true };
    expect(planIsEmpty(planTemplate([kickoff], [milestoneOf(kickoff, 0), notApplicable]))).toBe(true);
  });
});
