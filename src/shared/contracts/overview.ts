import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { StatusCounts } from './matrix.js';
import { MeetingState, MeetingType } from './meetings.js';
import { AgreementPhase, MilestoneState } from './milestones.js';

/**
 * The overview of all regions in a cycle: one row per agreement with where it stands (phase, ready flag,
 * the next milestone, days in the phase), what has come in (contributions by status), what is open (the
 * actions of its meetings) and its last and next meeting, with each milestone's dates for the timeline.
 * `agreement` narrows the answer to that agreement's row (the agreement page's summary).
 */
export const OverviewQuery = z.object({ cycle: Id, agreement: Id.optional() });
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/**
 * A milestone as the timeline draws it: `[name, state, plannedDate, doneDate]`, its name given as its place
 * in the overview's `milestoneNames` (the agreements of a cycle share their template's names: a national
 * overview said them 10,800 times), its state as it stands, and `doneDate` the day it was completed (its
 * actual date, else the day its evidence was met, else the day it was recorded done by hand; null while it
 * is open, and for one not applicable without an actual date).
 */
export const OverviewMilestone = z.tuple([
  z.number().int().nonnegative(),
  MilestoneState,
  IsoDate.nullable(),
  IsoDate.nullable(),
]);
export type OverviewMilestone = z.infer<typeof OverviewMilestone>;

/** A milestone of the overview with its name and fields named. */
export function namedMilestone(m: OverviewMilestone, names: readonly string[]) {
  const [name, state, plannedDate, doneDate] = m;
  return { name: names[name] ?? '', state, plannedDate, doneDate };
}

export const OverviewMeeting = z.object({
  id: z.string(),
  title: z.string(),
  type: MeetingType,
  state: MeetingState,
  /** Oslo time with its offset. */
  startsAt: z.string(),
});
export type OverviewMeeting = z.infer<typeof OverviewMeeting>;

export const OverviewRow = z.object({
  agreementId: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  phase: AgreementPhase,
  /** The day the current phase began (see `phaseStartOf` in the server's milestone-phase.ts). */
  phaseSince: IsoDate,
  /** Whole days from `phaseSince` to the overview's `today`. */
  daysInPhase: z.number().int().nonnegative(),
  regionReady: z.boolean(),
  /** The first open required milestone in order (or, with none, the first open optional one). */
  nextMilestone: z.object({ name: z.string(), plannedDate: IsoDate.nullable() }).nullable(),
  contributions: StatusCounts,
  /** Actions not yet done from the meetings that concern the agreement. */
  openActions: z.number().int().nonnegative(),
  /** The latest meeting, not cancelled, before today (Oslo); and the first from today on. */
  lastMeeting: OverviewMeeting.nullable(),
  nextMeeting: OverviewMeeting.nullable(),
  milestones: z.array(OverviewMilestone),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({
  cycle: z.object({ id: z.string(), name: z.string() }),
  /** The day (Oslo) the answer counts from: days in the phase, last and next meeting. */
  today: IsoDate,
  /** The milestones' names, each once, for the rows' `milestones`. */
  milestoneNames: z.array(z.string()),
  /** By region name. A region contact gets only their own region's row. */
  rows: z.array(OverviewRow),
});
export type Overview = z.infer<typeof Overview>;
