import { describe, expect, it } from 'vitest';
import type { MilestoneStage, MilestoneState } from '../../shared/contracts/milestones.js';
import { type DatedPhaseMilestone, phaseOf, phaseStartOf } from './milestone-phase.js';

const m = (
  stage: MilestoneStage,
  state: MilestoneState,
  doneDate: string | null = null,
  optional = false,
): DatedPhaseMilestone => ({ stage, state, doneDate, optional });

const createdOn = '2021-01-04';

/** The phase as phaseOf derives it, and the day phaseStartOf says it began. */
function started(
  milestones: DatedPhaseMilestone[],
  extra: { regionReadyOn?: string | null; specialPartAgreedOn?: string | null } = {},
) {
  const regionReadyOn = extra.regionReadyOn ?? null;
  const specialPartAgreedOn = extra.specialPartAgreedOn ?? null;
  const phase = phaseOf({
    milestones,
    regionReady: regionReadyOn !== null,
    specialPartAgreed: specialPartAgreedOn !== null,
  });
  return { phase, since: phaseStartOf({ phase, milestones, createdOn, regionReadyOn, specialPartAgreedOn }) };
}

describe('phaseStartOf', () => {
  it('dates preparation from the agreement', () => {
    expect(started([m('county_internal', 'not_started'), m('joint', 'not_started')])).toEqual({
      phase: 'preparation',
      since: createdOn,
    });
  });

  it("dates the county's internal work from the ready mark or the first completion, whichever came first", () => {
    const list = [m('county_internal', 'done', '2021-02-10'), m('county_internal', 'not_started')];
    expect(started(list, { regionReadyOn: '2021-01-20' })).toEqual({
      phase: 'county_internal',
      since: '2021-01-20',
    });
    expect(started(list)).toEqual({ phase: 'county_internal', since: '2021-02-10' });
    // Begun without any day: since the agreement was made.
    expect(started([m('county_internal', 'in_progress')])).toEqual({
      phase: 'county_internal',
      since: createdOn,
    });
  });

  it('dates a stage from the last required milestone of the stages before it, optional ones aside', () => {
    const list = [
      m('county_internal', 'done', '2021-02-10'),
      m('county_internal', 'done', '2021-03-01'),
      m('county_internal', 'not_started', null, true),
      m('region_internal', 'done', '2021-03-20'),
      m('region_internal', 'done', '2021-05-01', true),
      m('joint', 'in_progress'),
    ];
    expect(started(list)).toEqual({ phase: 'joint', since: '2021-03-20' });
    expect(started(list.filter((x) => x.stage !== 'region_internal' || x.optional))).toEqual({
      phase: 'joint',
      since: '2021-03-01',
    });
    expect(started([...list.slice(0, 3), m('region_internal', 'in_progress')])).toEqual({
      phase: 'region_internal',
      since: '2021-03-01',
    });
  });

  it('dates ready for political processing from the last required milestone or the agreed special part', () => {
    const list = [m('county_internal', 'done', '2021-02-10'), m('joint', 'done', '2021-06-01')];
    expect(started(list, { specialPartAgreedOn: '2021-06-15' })).toEqual({
      phase: 'ready_for_political_processing',
      since: '2021-06-15',
    });
    // Without an agreed special part the joint work goes on, from when the earlier stages were complete.
    expect(started(list)).toEqual({ phase: 'joint', since: '2021-02-10' });
  });

  it('keeps a day before the agreement was registered, and stands in the agreement for milestones without a day', () => {
    const list = [m('county_internal', 'done', '2020-12-01'), m('region_internal', 'not_started')];
    expect(started(list)).toEqual({ phase: 'region_internal', since: '2020-12-01' });
    expect(started([m('county_internal', 'not_applicable'), m('region_internal', 'in_progress')])).toEqual({
      phase: 'region_internal',
      since: createdOn,
    });
  });
});

describe('phaseStartOf in force', () => {
  it('dates it from the political milestones coming into force completed, not from the work before', () => {
    const list = [
      m('county_internal', 'done', '2021-02-10'),
      m('joint', 'done', '2021-06-01'),
      m('political', 'done', '2021-12-09'),
      m('political', 'done', '2021-12-09'),
    ];
    const since = phaseStartOf({
      phase: 'in_force',
      milestones: list,
      createdOn,
      regionReadyOn: '2021-01-20',
      specialPartAgreedOn: '2021-06-15',
    });
    expect(since).toBe('2021-12-09');
    // Open political milestones hold no phase back, and date none before it is in force.
    const ready = [...list.slice(0, 2), m('political', 'not_started'), m('political', 'not_started')];
    expect(started(ready, { regionReadyOn: '2021-01-20', specialPartAgreedOn: '2021-06-15' })).toEqual({
      phase: 'ready_for_political_processing',
      since: '2021-06-15',
    });
  });
});
