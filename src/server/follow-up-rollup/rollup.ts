/**
 * The roll-up of commitments and their indicators, pure: no database, no clock. The reads add up each
 * group's commitments in SQL into a {@link Tally} (the same sums {@link tally} makes from a list), and
 * {@link summarize} turns a tally into the figures the screens show, so the rules live here once.
 *
 * The rules, as the roll-up screen states them next to the figures:
 *
 * - **Which commitments count.** A commitment withdrawn by a recorded change after the agreement came into
 *   force is no longer owed: it is counted apart (`withdrawn`) and in nothing else. A commitment whose latest
 *   report says *dropped* is counted in the statuses (as dropped) but left out of the progress and of the
 *   weights, so giving something up neither raises nor lowers the progress of the rest.
 * - **Progress of a commitment** is the progress of its latest submitted report; one not yet reported on
 *   counts as 0 % (status *not reported*), so the figure never shows more done than has been reported.
 * - **Weights.** Progress is weighted by budget when every counted commitment has a budget above 0 kr;
 *   otherwise every counted commitment weighs the same. When only some have budgets the rule is *equal*
 *   and the screen says how many have one: a budget is not guessed for those without, and a commitment of
 *   work without money (0 kr) is not made weightless.
 * - **Indicators** of counted commitments move *towards* or *away from* their target by comparing the
 *   latest value with the one before it (or with the baseline when there is only one): up is towards when
 *   higher is better, down is towards when lower is better. An indicator at or past its target has
 *   *reached* it; one without a value has *no value*. An indicator is *behind its goal* when its latest value
 *   is worse than the latest intermediate goal (or the target) due on or before the value's date.
 */

export const reportStatuses = ['on_track', 'at_risk', 'delayed', 'done', 'dropped'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const rollupStatuses = [...reportStatuses, 'not_reported'] as const;
export type RollupStatus = (typeof rollupStatuses)[number];

export const indicatorMovements = ['reached', 'towards', 'away', 'unchanged', 'no_value'] as const;
export type IndicatorMovement = (typeof indicatorMovements)[number];

export type Direction = 'higher' | 'lower';

/** What the roll-up needs of a commitment. */
export type RollupCommitment = {
  /** Null when there is no budget. */
  budgetNok: number | null;
  /** True when a change after the agreement came into force took it out. */
  withdrawn: boolean;
  /** The latest submitted report's status and progress; null when none is submitted. */
  status: ReportStatus | null;
  progress: number | null;
  /** Past its end date and neither done nor dropped, or not reported in a round past its deadline. */
  overdue: boolean;
};

export type DatedValue = { value: number; on: string };

/** What the roll-up needs of an indicator. */
export type RollupIndicator = {
  direction: Direction;
  baseline: number;
  target: number;
  targetOn: string;
  goals: DatedValue[];
  /** The latest reported value and the one before it, by date. */
  latest: DatedValue | null;
  previous: DatedValue | null;
};

export type IndicatorTally = Record<IndicatorMovement, number> & { behindGoal: number };

/** The sums a group's figures are made from; SQL makes the same sums per group. */
export type Tally = {
  /** Commitments owed (not withdrawn). */
  commitments: number;
  withdrawn: number;
  /** Commitments owed and not dropped: those the progress is about. */
  counted: number;
  /** Counted commitments with a budget above 0 kr. */
  withBudget: number;
  /** The budgets of the counted commitments, in kroner. */
  budgetNok: number;
  /** The sum of the counted commitments' progress (not reported = 0). */
  progressSum: number;
  /** The sum of progress × budget over the counted commitments with a budget. */
  budgetProgressSum: number;
  statuses: Record<RollupStatus, number>;
  overdue: number;
  indicators: IndicatorTally;
};

export type Weighting = 'budget' | 'equal';

export type Summary = {
  commitments: number;
  withdrawn: number;
  counted: number;
  withBudget: number;
  budgetNok: number;
  /** 0–100, one decimal; null when no commitment counts. */
  progress: number | null;
  /** The rule the progress was computed by, to be shown next to it. */
  weighting: Weighting;
  statuses: Record<RollupStatus, number>;
  overdue: number;
  indicators: IndicatorTally;
};

const zeroStatuses = (): Record<RollupStatus, number> =>
  Object.fromEntries(rollupStatuses.map((s) => [s, 0])) as Record<RollupStatus, number>;

export const emptyIndicatorTally = (): IndicatorTally => ({
  reached: 0,
  towards: 0,
  away: 0,
  unchanged: 0,
  no_value: 0,
  behindGoal: 0,
});

export const emptyTally = (): Tally => ({
  commitments: 0,
  withdrawn: 0,
  counted: 0,
  withBudget: 0,
  budgetNok: 0,
  progressSum: 0,
  budgetProgressSum: 0,
  statuses: zeroStatuses(),
  overdue: 0,
  indicators: emptyIndicatorTally(),
});

/** How an indicator stands: its movement and whether it is behind its goal. */
export function indicatorStanding(indicator: RollupIndicator): {
  movement: IndicatorMovement;
  behindGoal: boolean;
} {
  const { latest, direction } = indicator;
  if (!latest) return { movement: 'no_value', behindGoal: false };
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
  const atLeast = (a: number, b: number) => a === b || better(a, b);
  const due = [...indicator.goals, { value: indicator.target, on: indicator.targetOn }]
    .filter((g) => g.on <= latest.on)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .at(-1);
  const behindGoal = due !== undefined && !atLeast(latest.value, due.value);
  if (atLeast(latest.value, indicator.target)) return { movement: 'reached', behindGoal };
  const reference = indicator.previous?.value ?? indicator.baseline;
  if (latest.value === reference) return { movement: 'unchanged', behindGoal };
  return { movement: better(latest.value, reference) ? 'towards' : 'away', behindGoal };
}

/** Adds one commitment (and its indicators) to a tally. */
export function addToTally(
  t: Tally,
  c: RollupCommitment,
  indicators: readonly RollupIndicator[] = [],
): Tally {
  if (c.withdrawn) {
    t.withdrawn++;
    return t;
  }
  t.commitments++;
  t.statuses[c.status ?? 'not_reported']++;
  if (c.overdue) t.overdue++;
  if (c.status === 'dropped') return t;
  t.counted++;
  const progress = c.status === null ? 0 : (c.progress ?? 0);
  t.progressSum += progress;
  if (c.budgetNok !== null && c.budgetNok > 0) {
    t.withBudget++;
    t.budgetNok += c.budgetNok;
    t.budgetProgressSum += progress * c.budgetNok;
  }
  for (const indicator of indicators) {
    const standing = indicatorStanding(indicator);
    t.indicators[standing.movement]++;
    if (standing.behindGoal) t.indicators.behindGoal++;
  }
  return t;
}

/** The tally of a list of commitments, each with its indicators. */
export function tally(
  items: readonly { commitment: RollupCommitment; indicators?: readonly RollupIndicator[] }[],
): Tally {
  const t = emptyTally();
  for (const item of items) addToTally(t, item.commitment, item.indicators);
  return t;
}

/** Adds tallies together (a region's from its agreements' sides, the county's from the regions'). */
export function mergeTallies(tallies: readonly Tally[]): Tally {
  const t = emptyTally();
  for (const part of tallies) {
    t.commitments += part.commitments;
    t.withdrawn += part.withdrawn;
    t.counted += part.counted;
    t.withBudget += part.withBudget;
    t.budgetNok += part.budgetNok;
    t.progressSum += part.progressSum;
    t.budgetProgressSum += part.budgetProgressSum;
    t.overdue += part.overdue;
    for (const s of rollupStatuses) t.statuses[s] += part.statuses[s];
    for (const k of Object.keys(t.indicators) as (keyof IndicatorTally)[])
      t.indicators[k] += part.indicators[k];
  }
  return t;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The figures of a tally, by the rules above. */
export function summarize(t: Tally): Summary {
  const weighting: Weighting = t.counted > 0 && t.withBudget === t.counted ? 'budget' : 'equal';
  let progress: number | null = null;
  if (t.counted > 0)
    progress = oneDecimal(
      weighting === 'budget' ? t.budgetProgressSum / t.budgetNok : t.progressSum / t.counted,
    );
  return {
    commitments: t.commitments,
    withdrawn: t.withdrawn,
    counted: t.counted,
    withBudget: t.withBudget,
    budgetNok: t.budgetNok,
    progress,
    weighting,
    statuses: { ...t.statuses },
    overdue: t.overdue,
    indicators: { ...t.indicators },
  };
}
