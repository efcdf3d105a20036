import type { CommitmentIndicator } from '../../../shared/contracts/follow-up';

/** A point of an indicator's course: its baseline, an intermediate goal, its target, or a value reported. */
export type CoursePoint =
  | { kind: 'baseline' | 'goal' | 'target'; date: string; value: number }
  | { kind: 'value'; date: string; value: number; round: string };

/** Where the planned points go on a day they share with a reported value: the plan first. */
const order: Record<CoursePoint['kind'], number> = { baseline: 0, goal: 1, target: 2, value: 3 };

/**
 * Everything the chart of an indicator draws, in date order: what its table lists row by row. Goals and
 * values come sorted from the server; they are sorted here too, so the table never depends on it.
 */
export function courseOf(indicator: CommitmentIndicator): CoursePoint[] {
  const points: CoursePoint[] = [
    { kind: 'baseline', date: indicator.baselineOn, value: indicator.baselineValue },
    ...indicator.goals.map((g): CoursePoint => ({ kind: 'goal', date: g.dueOn, value: g.value })),
    { kind: 'target', date: indicator.targetOn, value: indicator.targetValue },
    ...indicator.values.map(
      (v): CoursePoint => ({ kind: 'value', date: v.measuredOn, value: v.value, round: v.roundName }),
    ),
  ];
  return points.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
}

/** The latest value reported, and how it stands against the goal or target it was due to have reached. */
export type Standing = {
  latest: { date: string; value: number };
  /** The last goal (or the target) due on or before the latest value's date; null before the first is due. */
  due: { kind: 'goal' | 'target'; date: string; value: number; met: boolean } | null;
};

/**
 * How the indicator stands: its latest value against the last goal or target that was due by then, "met"
 * when it is as good or better in the indicator's direction. Null when nothing is reported yet.
 */
export function standingOf(indicator: CommitmentIndicator): Standing | null {
  const values = [...indicator.values].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const last = values.at(-1);
  if (!last) return null;
  const marks = [
    ...indicator.goals.map((g) => ({ kind: 'goal' as const, date: g.dueOn, value: g.value })),
    { kind: 'target' as const, date: indicator.targetOn, value: indicator.targetValue },
  ]
    .filter((m) => m.date <= last.measuredOn)
    .sort((a, b) => a.date.localeCompare(b.date));
  const mark = marks.at(-1);
  const met = (goal: number) => (indicator.direction === 'higher' ? last.value >= goal : last.value <= goal);
  return {
    latest: { date: last.measuredOn, value: last.value },
    due: mark ? { ...mark, met: met(mark.value) } : null,
  };
}
