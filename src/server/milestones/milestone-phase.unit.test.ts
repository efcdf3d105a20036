import { describe, expect, it } from 'vitest';
import {
  type AgreementPhase,
  type MilestoneStage,
  type MilestoneState,
  milestoneStages,
  milestoneStates,
} from '../../shared/contracts/milestones.js';
import { type PhaseMilestone, phaseOf, stateOf } from './milestone-phase.js';

const m = (stage: MilestoneStage, state: MilestoneState, optional = false): PhaseMilestone => ({
  stage,
  state,
  optional,
});

/** The default template's shape: three county milestones, two of the region's (one optional), four joint. */
const checklist = (states: {
  county?: MilestoneState;
  region?: MilestoneState;
  joint?: MilestoneState;
}): PhaseMilestone[] => [
  m('county_internal', states.county ?? 'not_started'),
  m('county_internal', states.county ?? 'not_started'),
  m('county_internal', states.county ?? 'not_started'),
  m('region_internal', states.region ?? 'not_started'),
  m('region_internal', 'not_started', true),
  m('joint', states.joint ?? 'not_started'),
  m('joint', states.joint ?? 'not_started'),
  m('joint', states.joint ?? 'not_started'),
  m('joint', states.joint ?? 'not_started'),
];

const phase = (milestones: PhaseMilestone[], regionReady = true, specialPartAgreed = false) =>
  phaseOf({ milestones, regionReady, specialPartAgreed });

describe('the phase of an agreement', () => {
  it('is preparation while nothing has begun and the region is not ready', () => {
    expect(phase(checklist({}), false)).toBe('preparation');
    expect(phase([], false)).toBe('preparation');
    // Judged not applicable is not begun.
    expect(phase(checklist({ county: 'not_applicable' }), false)).toBe('preparation');
  });

  it('is county internal once the region is ready, or once a county milestone has begun', () => {
    expect(phase(checklist({}), true)).toBe('county_internal');
    expect(phase([m('county_internal', 'in_progress'), m('joint', 'not_started')], false)).toBe(
      'county_internal',
    );
  });

  it('is region internal once every required county milestone is done or not applicable', () => {
    const list = checklist({ county: 'done' });
    list[2] = m('county_internal', 'not_applicable');
    expect(phase(list)).toBe('region_internal');
  });

  it('is joint once the region’s required milestones are complete, an optional one left open', () => {
    expect(phase(checklist({ county: 'done', region: 'done' }))).toBe('joint');
  });

  it('stays joint with every milestone complete until the special part is agreed', () => {
    const all = checklist({ county: 'done', region: 'done', joint: 'done' });
    expect(phase(all, true, false)).toBe('joint');
    expect(phase(all, true, true)).toBe('ready_for_political_processing');
  });

  it('never reaches political processing or in force: they are not recorded yet', () => {
    const reached = new Set<AgreementPhase>();
    for (const county of milestoneStates)
      for (const region of milestoneStates)
        for (const joint of milestoneStates)
          for (const ready of [true, false])
            for (const agreed of [true, false])
              reached.add(phase(checklist({ county, region, joint }), ready, agreed));
    expect(reached.has('political_processing')).toBe(false);
    expect(reached.has('in_force')).toBe(false);
    expect([...reached].sort()).toEqual(
      ['preparation', 'county_internal', 'region_internal', 'joint', 'ready_for_political_processing'].sort(),
    );
  });
});

describe('a phase is never contradicted by the milestones', () => {
  it('keeps county internal when a joint milestone is done before the kickoff (done out of order)', () => {
    const list = checklist({});
    list[5] = m('joint', 'done');
    expect(phase(list, false)).toBe('county_internal');
    expect(phase(list, true)).toBe('county_internal');
  });

  it('keeps region internal while the region’s milestone is open, however far the joint work got', () => {
    expect(phase(checklist({ county: 'done', region: 'in_progress', joint: 'done' }), true, true)).toBe(
      'region_internal',
    );
  });

  it('holds for every combination: earlier stages complete, its own stage open, ready only when all is', () => {
    const complete = (s: MilestoneState) => s === 'done' || s === 'not_applicable';
    const begun = (s: MilestoneState) => s === 'done' || s === 'in_progress';
    const states = milestoneStates;
    // Two required milestones per stage, each in every state, and an optional one in every state.
    for (const a of states)
      for (const b of states)
        for (const c of states)
          for (const d of states)
            for (const optional of states)
              for (const ready of [true, false])
                for (const agreed of [true, false]) {
                  const list = [
                    m('county_internal', a),
                    m('region_internal', b),
                    m('joint', c),
                    m('joint', d),
                    m('county_internal', optional, true),
                  ];
                  const p = phaseOf({ milestones: list, regionReady: ready, specialPartAgreed: agreed });
                  const required = list.filter((x) => !x.optional);
                  if (p === 'preparation') {
                    expect(ready).toBe(false);
                    expect(list.some((x) => begun(x.state))).toBe(false);
                    continue;
                  }
                  if (p === 'ready_for_political_processing') {
                    expect(agreed).toBe(true);
                    expect(required.every((x) => complete(x.state))).toBe(true);
                    continue;
                  }
                  const index = milestoneStages.indexOf(p as MilestoneStage);
                  expect(index).toBeGreaterThanOrEqual(0);
                  const before = required.filter((x) => milestoneStages.indexOf(x.stage) < index);
                  expect(before.every((x) => complete(x.state))).toBe(true);
                  // Its own stage is open, unless it is the joint work waiting for the special part.
                  const own = required.filter((x) => x.stage === p);
                  if (!(p === 'joint' && !agreed)) expect(own.some((x) => !complete(x.state))).toBe(true);
                  else if (own.every((x) => complete(x.state)))
                    expect(required.every((x) => complete(x.state))).toBe(true);
                }
  });
});

describe('the political milestones and the phase', () => {
  it('never hold the phase back: the agreement in force completes them, the cases and decisions move the phase', () => {
    const work = [m('county_internal', 'done'), m('region_internal', 'done'), m('joint', 'done')];
    const political = [m('political', 'not_started'), m('political', 'in_progress')];
    const ready = { regionReady: true, specialPartAgreed: true };
    expect(phaseOf({ milestones: [...work, ...political], ...ready })).toBe('ready_for_political_processing');
    expect(phaseOf({ milestones: [...work, ...political], ...ready, specialPartAgreed: false })).toBe(
      'joint',
    );
    expect(phaseOf({ milestones: [m('joint', 'in_progress'), ...political], ...ready })).toBe('joint');
    // Before anything of the work has begun, a political milestone under way does not start the process.
    expect(
      phaseOf({
        milestones: [m('county_internal', 'not_started'), ...political],
        regionReady: false,
        specialPartAgreed: false,
      }),
    ).toBe('preparation');
  });
});

describe('the state of a milestone as it stands', () => {
  const evidence = (met: boolean) => ({ kind: 'wanted_subject_areas' as const, met, at: null, links: [] });

  it('is done when its evidence is met, whatever was recorded', () => {
    for (const recorded of milestoneStates) expect(stateOf(recorded, evidence(true))).toBe('done');
  });

  it('is as recorded without evidence, or while the evidence is not met', () => {
    for (const recorded of milestoneStates) {
      expect(stateOf(recorded, null)).toBe(recorded);
      expect(stateOf(recorded, evidence(false))).toBe(recorded);
    }
  });
});

describe('the political phases', () => {
  const done = checklist({ county: 'done', region: 'done', joint: 'done' });
  it('is political processing while the agreement is in a case, and in force once adopted by all', () => {
    expect(phaseOf({ milestones: done, regionReady: true, specialPartAgreed: true, political: null })).toBe(
      'ready_for_political_processing',
    );
    expect(
      phaseOf({ milestones: done, regionReady: true, specialPartAgreed: true, political: 'processing' }),
    ).toBe('political_processing');
    expect(
      phaseOf({ milestones: done, regionReady: true, specialPartAgreed: true, political: 'in_force' }),
    ).toBe('in_force');
  });
});
