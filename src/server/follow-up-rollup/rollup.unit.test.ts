import { describe, expect, it } from 'vitest';
import {
  indicatorStanding,
  mergeTallies,
  type RollupCommitment,
  type RollupIndicator,
  summarize,
  tally,
} from './rollup.js';

const commitment = (over: Partial<RollupCommitment> = {}): RollupCommitment => ({
  budgetNok: null,
  withdrawn: false,
  status: 'on_track',
  progress: 50,
  overdue: false,
  ...over,
});
const indicator = (over: Partial<RollupIndicator> = {}): RollupIndicator => ({
  direction: 'higher',
  baseline: 10,
  target: 20,
  targetOn: '2024-12-31',
  goals: [],
  latest: null,
  previous: null,
  ...over,
});
const summaryOf = (commitments: RollupCommitment[]) =>
  summarize(tally(commitments.map((c) => ({ commitment: c }))));

describe('progress and its weights', () => {
  it('weights by budget when every counted commitment has one', () => {
    const s = summaryOf([
      commitment({ budgetNok: 900_000, progress: 10 }),
      commitment({ budgetNok: 100_000, progress: 100, status: 'done' }),
    ]);
    expect(s.weighting).toBe('budget');
    // (10 × 900 000 + 100 × 100 000) / 1 000 000 = 19
    expect(s.progress).toBe(19);
    expect(s.budgetNok).toBe(1_000_000);
    expect(s.withBudget).toBe(2);
  });

  it('weights equally when no commitment has a budget', () => {
    const s = summaryOf([commitment({ progress: 10 }), commitment({ progress: 40 })]);
    expect(s).toMatchObject({ weighting: 'equal', progress: 25, withBudget: 0, budgetNok: 0 });
  });

  it('weights equally, and says how many have a budget, when only some have one or a budget is 0 kr', () => {
    const some = summaryOf([
      commitment({ budgetNok: 1_000_000, progress: 90 }),
      commitment({ budgetNok: null, progress: 0 }),
      commitment({ budgetNok: 0, progress: 30 }),
    ]);
    expect(some).toMatchObject({ weighting: 'equal', progress: 40, withBudget: 1, counted: 3 });
  });

  it('counts a commitment not yet reported on as 0 % and as not reported', () => {
    const s = summaryOf([commitment({ progress: 80 }), commitment({ status: null, progress: null })]);
    expect(s.progress).toBe(40);
    expect(s.statuses).toMatchObject({ on_track: 1, not_reported: 1 });
  });

  it('has no progress for a group with nothing counted, and rounds to one decimal', () => {
    expect(summaryOf([]).progress).toBeNull();
    expect(summaryOf([commitment({ status: 'dropped' })]).progress).toBeNull();
    expect(
      summaryOf([commitment({ progress: 10 }), commitment({ progress: 10 }), commitment({ progress: 15 })])
        .progress,
    ).toBe(11.7);
  });
});

describe('dropped and withdrawn commitments', () => {
  it('counts a dropped commitment in the statuses but not in the progress or the weights', () => {
    const s = summaryOf([
      commitment({ budgetNok: 100, progress: 60 }),
      commitment({ budgetNok: 5_000, progress: 0, status: 'dropped' }),
      commitment({ budgetNok: null, progress: 20, status: 'dropped' }),
    ]);
    // The dropped one without a budget does not turn the rule to equal, and the large dropped budget weighs nothing.
    expect(s).toMatchObject({
      weighting: 'budget',
      progress: 60,
      counted: 1,
      commitments: 3,
      budgetNok: 100,
    });
    expect(s.statuses).toMatchObject({ on_track: 1, dropped: 2 });
  });

  it('leaves a withdrawn commitment out of everything but its own count', () => {
    const s = summaryOf([
      commitment({ progress: 30, overdue: true }),
      commitment({ withdrawn: true, progress: 100, status: 'done', overdue: true }),
    ]);
    expect(s).toMatchObject({ commitments: 1, withdrawn: 1, counted: 1, progress: 30, overdue: 1 });
    expect(s.statuses.done).toBe(0);
  });

  it('counts overdue commitments whatever their status, dropped included', () => {
    const s = summaryOf([
      commitment({ overdue: true, status: 'delayed' }),
      commitment({ overdue: true, status: 'dropped' }),
      commitment(),
    ]);
    expect(s.overdue).toBe(2);
  });
});

describe('indicators', () => {
  it('moves towards the target when higher is better and the value rose, away when it fell', () => {
    expect(indicatorStanding(indicator({ latest: { value: 12, on: '2021-12-31' } })).movement).toBe(
      'towards',
    );
    expect(
      indicatorStanding(
        indicator({ latest: { value: 12, on: '2022-12-31' }, previous: { value: 14, on: '2021-12-31' } }),
      ).movement,
    ).toBe('away');
    expect(indicatorStanding(indicator({ latest: { value: 10, on: '2021-12-31' } })).movement).toBe(
      'unchanged',
    );
    expect(indicatorStanding(indicator()).movement).toBe('no_value');
  });

  it('handles lower is better: a fall is towards the target, a rise away, at or below the target reached', () => {
    const lower = { direction: 'lower' as const, baseline: 30, target: 15 };
    expect(indicatorStanding(indicator({ ...lower, latest: { value: 25, on: '2021-06-30' } })).movement).toBe(
      'towards',
    );
    expect(
      indicatorStanding(
        indicator({
          ...lower,
          latest: { value: 27, on: '2022-06-30' },
          previous: { value: 25, on: '2021-06-30' },
        }),
      ).movement,
    ).toBe('away');
    expect(indicatorStanding(indicator({ ...lower, latest: { value: 15, on: '2022-06-30' } })).movement).toBe(
      'reached',
    );
    expect(indicatorStanding(indicator({ ...lower, latest: { value: 31, on: '2022-06-30' } })).movement).toBe(
      'away',
    );
  });

  it('is behind its goal when the latest value is worse than the goal due by its date', () => {
    const goals = [
      { value: 14, on: '2022-01-01' },
      { value: 17, on: '2023-01-01' },
    ];
    // Measured before any goal was due: not behind.
    expect(indicatorStanding(indicator({ goals, latest: { value: 11, on: '2021-12-31' } })).behindGoal).toBe(
      false,
    );
    // The 2022 goal (14) was due: 13 is behind it, though moving towards the target.
    expect(indicatorStanding(indicator({ goals, latest: { value: 13, on: '2022-06-30' } }))).toEqual({
      movement: 'towards',
      behindGoal: true,
    });
    // Lower is better: 22 is behind a goal of 20.
    expect(
      indicatorStanding(
        indicator({
          direction: 'lower',
          baseline: 30,
          target: 10,
          goals: [{ value: 20, on: '2022-01-01' }],
          latest: { value: 22, on: '2022-03-01' },
        }),
      ).behindGoal,
    ).toBe(true);
  });

  it('tallies the indicators of counted commitments only', () => {
    const rising = indicator({ latest: { value: 15, on: '2021-12-31' } });
    const t = tally([
      { commitment: commitment(), indicators: [rising, indicator()] },
      { commitment: commitment({ status: 'dropped' }), indicators: [rising] },
      { commitment: commitment({ withdrawn: true }), indicators: [rising] },
    ]);
    expect(t.indicators).toEqual({
      reached: 0,
      towards: 1,
      away: 0,
      unchanged: 0,
      no_value: 1,
      behindGoal: 0,
    });
  });
});

describe('merging tallies', () => {
  it('gives the same figures as one tally of all the commitments, rule included', () => {
    const a = [commitment({ budgetNok: 100, progress: 20 }), commitment({ budgetNok: 300, progress: 60 })];
    const b = [commitment({ budgetNok: null, progress: 90 }), commitment({ status: 'dropped' })];
    const merged = summarize(
      mergeTallies([tally(a.map((c) => ({ commitment: c }))), tally(b.map((c) => ({ commitment: c })))]),
    );
    expect(merged).toEqual(summaryOf([...a, ...b]));
    // One side has budgets for all, the other does not: together the rule is equal.
    expect(merged).toMatchObject({ weighting: 'equal', progress: 56.7 });
    expect(summaryOf(a)).toMatchObject({ weighting: 'budget', progress: 50 });
  });
});
