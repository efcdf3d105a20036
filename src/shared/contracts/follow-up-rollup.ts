import { z } from 'zod';
import { Id, IsoDate, ListQuery } from './common.js';

/**
 * The follow-up's roll-up and equal-treatment view: figures computed from the commitments of a cycle's
 * agreements in force and the latest submitted report on each. The rules behind the figures are in
 * src/server/follow-up-rollup/rollup.ts and equal-treatment.ts, and the screens state them next to them.
 */

export const rollupDimensions = ['region', 'department', 'subject-area', 'agreement'] as const;
export const RollupDimension = z.enum(rollupDimensions, { error: 'validation.invalid' });
export type RollupDimension = z.infer<typeof RollupDimension>;

/**
 * Both answers come a page at a time: a page holds what a person looks at (the web asks for 100 groups or
 * regions), while the figures of the whole county, and the fences an outlier is judged by, are always made
 * over every group and region. At national size (1,200 regions) the whole answer was megabytes that every
 * request sent and nobody read. `cursor` is the `nextCursor` of the page before.
 */
const PageQuery = ListQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const RollupQuery = PageQuery.extend({ cycle: Id, by: RollupDimension.default('region') });
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

/** Figures for all the commitments of a group (or the county), and for the county's and the region's side apart. */
export const RollupSides = z.object({
  total: RollupSummary,
  county: RollupSummary,
  region: RollupSummary,
});
export type RollupSides = z.infer<typeof RollupSides>;

/** One group's figures. */
export const RollupGroup = RollupSides.extend({
  /** The region, department, subject area or agreement; null for the regions' own commitments by department. */
  id: z.string().nullable(),
  name: z.string().nullable(),
});
export type RollupGroup = z.infer<typeof RollupGroup>;

/**
 * A page of the roll-up's groups, in the order they are shown (regions, departments and agreements by name,
 * subject areas by their position; by department the regions' own commitments last), with the county's
 * figures over every group and the number of groups in all.
 */
export const Rollup = z.object({
  cycle: z.object({ id: z.string(), name: z.string() }),
  by: RollupDimension,
  /** The Oslo date "overdue" was judged on. */
  date: z.string(),
  /** The county: every commitment of the cycle, on every page. */
  total: RollupSides,
  /** How many groups there are on all pages together. */
  count: z.number(),
  items: z.array(RollupGroup),
  nextCursor: z.string().nullable(),
});
export type Rollup = z.infer<typeof Rollup>;

export const EqualTreatmentQuery = PageQuery.extend({ cycle: Id, date: IsoDate.optional() });
export type EqualTreatmentQuery = z.infer<typeof EqualTreatmentQuery>;

export const Outlier = z.enum(['low', 'high']).nullable();
export type Outlier = z.infer<typeof Outlier>;

export const Fences = z
  .object({ q1: z.number(), median: z.number(), q3: z.number(), low: z.number(), high: z.number() })
  .nullable();

/** What one region got from the county in all. */
export const RegionCell = z.object({
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
  /** The region's own commitments (what it owes), for comparison; not in the per-inhabitant figures. */
  ownCommitments: z.number(),
  ownKroner: z.number(),
  total: RegionCell,
});
export type EqualTreatmentRegion = z.infer<typeof EqualTreatmentRegion>;

/** What one region got in one subject area or department: the kroner per inhabitant the screen shows. */
export const ColumnCell = z.object({ kronerPerInhabitant: z.number().nullable(), kronerOutlier: Outlier });
export type ColumnCell = z.infer<typeof ColumnCell>;

/**
 * A subject area or department with a cell for each region of the page, in the same order as the page's
 * regions (`cells[i]` is `items[i]`'s). Its outliers are judged against every region, not the page's.
 */
export const EqualTreatmentColumn = z.object({
  id: z.string(),
  name: z.string(),
  cells: z.array(ColumnCell),
});
export type EqualTreatmentColumn = z.infer<typeof EqualTreatmentColumn>;

/**
 * A page of the regions by name, with the county's figures, the number of regions and the fences over every
 * region, and the subject areas and departments with anything in them (in any region) as columns.
 */
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
  /** How many regions there are on all pages together. */
  count: z.number(),
  kronerFences: Fences,
  commitmentsFences: Fences,
  items: z.array(EqualTreatmentRegion),
  subjectAreas: z.array(EqualTreatmentColumn),
  departments: z.array(EqualTreatmentColumn),
  nextCursor: z.string().nullable(),
});
export type EqualTreatment = z.infer<typeof EqualTreatment>;
