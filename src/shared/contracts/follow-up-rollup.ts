import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/**
 * The follow-up's roll-up and equal-treatment view: figures computed from the commitments of a cycle's
 * agreements in force and the latest submitted report on each. The rules behind the figures are in
 * src/server/follow-up-rollup/rollup.ts and equal-treatment.ts, and the screens state them next to them.
 */

export const rollupDimensions = ['region', 'department', 'subject-area', 'agreement'] as const;
export const RollupDimension = z.enum(rollupDimensions, { error: 'validation.invalid' });
export type RollupDimension = z.infer<typeof RollupDimension>;

export const RollupQuery = z.object({ cycle: Id, by: RollupDimension.default('region') });
export type RollupQuery = z.infer<typeof RollupQuery>;

export const rollupStatuses = ['on_track', 'at_risk', 'delayed', 'done', 'dropped', 'not_reported'] as const;
export type RollupStatusKey = (typeof rollupStatuses)[number];
export const Weighting = z.enum(['budget', 'equal']);
export type Weighting = z.infer<typeof Weighting>;

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

export const indicatorMovements = ['reached', 'towards', 'away', 'unchanged', 'no_value'] as const;

export const RollupSummary = z.object({
  /** Commitments owed (withdrawn ones are counted apart). */
  commitments: z.number(),
  withdrawn: z.number(),
  /** Owed and not dropped: those the progress is about. */
  counted: z.number(),
  /** Counted commitments with a budget above 0 kr. */
  withBudget: z.number(),
  budgetNok: z.number(),
  /** 0–100 with one decimal; null when nothing counts. */
  progress: z.number().nullable(),
  weighting: Weighting,
  statuses: counts(rollupStatuses),
  overdue: z.number(),
  indicators: counts([...indicatorMovements, 'behindGoal'] as const),
});
export type RollupSummary = z.infer<typeof RollupSummary>;

/** One group's figures: all its commitments, and the county's and the region's side apart. */
export const RollupGroup = z.object({
  /** The region, department, subject area or agreement; null for the regions' own commitments by department. */
  id: z.string().nullable(),
  name: z.string().nullable(),
  total: RollupSummary,
  county: RollupSummary,
  region: RollupSummary,
});
export type RollupGroup = z.infer<typeof RollupGroup>;

export const Rollup = z.object({
  cycle: z.object({ id: z.string(), name: z.string() }),
  by: RollupDimension,
  /** The Oslo date "overdue" was judged on. */
  date: z.string(),
  total: RollupGroup,
  groups: z.array(RollupGroup),
});
export type Rollup = z.infer<typeof Rollup>;

export const EqualTreatmentQuery = z.object({ cycle: Id, date: IsoDate.optional() });
export type EqualTreatmentQuery = z.infer<typeof EqualTreatmentQuery>;

export const Outlier = z.enum(['low', 'high']).nullable();
export type Outlier = z.infer<typeof Outlier>;

export const Fences = z
  .object({ q1: z.number(), median: z.number(), q3: z.number(), low: z.number(), high: z.number() })
  .nullable();

/** What one region got from the county in one column of the view (all, or one subject area or department). */
export const RegionCell = z.object({
  regionId: z.string(),
  commitments: z.number(),
  kroner: z.number(),
  kronerPerInhabitant: z.number().nullable(),
  commitmentsPer10k: z.number().nullable(),
  kronerOutlier: Outlier,
  commitmentsOutlier: Outlier,
});
export type RegionCell = z.infer<typeof RegionCell>;

export const EqualTreatmentRegion = z.object({
  id: z.string(),
  name: z.string(),
  inhabitants: z.number().nullable(),
  members: z.number(),
  /** Member municipalities also in another region on the date (counted in full in each). */
  shared: z.array(z.string()),
  /** Member municipalities with no count on or before the date. */
  withoutCount: z.array(z.string()),
  /** The date of the oldest count used. */
  oldestCount: z.string().nullable(),
  /** The region's own commitments (what it owes), for comparison; not in the per-inhabitant figures. */
  ownCommitments: z.number(),
  ownKroner: z.number(),
  total: RegionCell,
});
export type EqualTreatmentRegion = z.infer<typeof EqualTreatmentRegion>;

export const EqualTreatmentColumn = z.object({
  id: z.string(),
  name: z.string(),
  cells: z.array(RegionCell),
  kronerFences: Fences,
});
export type EqualTreatmentColumn = z.infer<typeof EqualTreatmentColumn>;

export const EqualTreatment = z.object({
  cycle: z.object({ id: z.string(), name: z.string() }),
  /** The date of the memberships and counts of inhabitants. */
  date: z.string(),
  county: z.object({
    inhabitants: z.number().nullable(),
    commitments: z.number(),
    kroner: z.number(),
    kronerPerInhabitant: z.number().nullable(),
  }),
  regions: z.array(EqualTreatmentRegion),
  kronerFences: Fences,
  commitmentsFences: Fences,
  subjectAreas: z.array(EqualTreatmentColumn),
  departments: z.array(EqualTreatmentColumn),
});
export type EqualTreatment = z.infer<typeof EqualTreatment>;
