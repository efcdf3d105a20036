import { describe, expect, it } from 'vitest';
import type { CommitmentIndicator } from '../../../shared/contracts/follow-up';
import { courseOf, standingOf } from './indicator-course';

const guestNights = (over: Partial<CommitmentIndicator> = {}): CommitmentIndicator => ({
  id: 'i1',
  name: 'Kommersielle gjestedøgn',
  unit: 'gjestedøgn',
  direction: 'higher',
  baselineValue: 90_000,
  baselineOn: '2021-01-01',
  targetValue: 120_000,
  targetOn: '2025-12-31',
  goals: [
    { value: 105_000, dueOn: '2023-12-31' },
    { value: 100_000, dueOn: '2022-12-31' },
  ],
  values: [
    { value: 98_000, measuredOn: '2023-12-31', roundName: 'Årsrapport 2023' },
    { value: 101_000, measuredOn: '2022-12-31', roundName: 'Årsrapport 2022' },
  ],
  version: 1,
  ...over,
});

describe('an indicator’s course', () => {
  it('lists the baseline, goals, values and target in date order, the plan before a value on the same day', () => {
    expect(courseOf(guestNights()).map((p) => [p.kind, p.date, p.value])).toEqual([
      ['baseline', '2021-01-01', 90_000],
      ['goal', '2022-12-31', 100_000],
      ['value', '2022-12-31', 101_000],
      ['goal', '2023-12-31', 105_000],
      ['value', '2023-12-31', 98_000],
      ['target', '2025-12-31', 120_000],
    ]);
    expect(courseOf(guestNights()).find((p) => p.kind === 'value')).toMatchObject({
      round: 'Årsrapport 2022',
    });
  });

  it('sets the latest value against the last goal due by then, in the indicator’s direction', () => {
    expect(standingOf(guestNights())).toEqual({
      latest: { date: '2023-12-31', value: 98_000 },
      due: { kind: 'goal', date: '2023-12-31', value: 105_000, met: false },
    });
    const fewerAccidents = guestNights({
      direction: 'lower',
      baselineValue: 40,
      targetValue: 10,
      goals: [{ value: 30, dueOn: '2023-12-31' }],
      values: [{ value: 30, measuredOn: '2024-06-30', roundName: 'Halvår 2024' }],
    });
    expect(standingOf(fewerAccidents)?.due).toEqual({
      kind: 'goal',
      date: '2023-12-31',
      value: 30,
      met: true,
    });
  });

  it('names the target once it is due, nothing before the first goal, and no standing without values', () => {
    const late = guestNights({ values: [{ value: 121_000, measuredOn: '2026-01-15', roundName: '2025' }] });
    expect(standingOf(late)?.due).toMatchObject({ kind: 'target', value: 120_000, met: true });
    const early = guestNights({ values: [{ value: 95_000, measuredOn: '2022-06-30', roundName: 'Halvår' }] });
    expect(standingOf(early)).toEqual({ latest: { date: '2022-06-30', value: 95_000 }, due: null });
    expect(standingOf(guestNights({ values: [] }))).toBeNull();
  });
});
