import { z } from 'zod';
import { Id, safeString } from './common.js';
import { type MatrixCell, matrixCellCounts, type StatusCounts } from './matrix.js';
import { type MeetingType, meetingTypes } from './meetings.js';
import { type AgreementPhase, agreementPhases, type MilestoneState, milestoneStates } from './milestones.js';

/** A day in an answer: ISO, as stored (answers are not checked against the input's range). */
const answerDate = z.string();

/**
 * The overview of all regions in a cycle: one row per agreement with where it stands (phase, ready flag,
 * the next milestone, days in the phase), what has come in (contributions by status), what is open (the
 * actions of its meetings) and its last and next meeting, with each milestone's dates for the timeline.
 * `agreement` narrows the answer to that agreement's row (the agreement page's summary).
 *
 * The answer is compact: a national cycle has 1,200 rows and 10,800 milestones, and the coordinator reloads
 * it again and again. Every label is said once, in the answer's dictionaries (`phases`, `milestoneStates`,
 * `meetingTypes`, `milestoneNames`), and the rows are short arrays that give their places in them; days are
 * ISO dates, a meeting's start Oslo's wall clock to the minute, and the only id is the agreement's, in 22
 * characters (`shortId`). A random id does not compress: with the regions' and the meetings' ids as well,
 * ids were two thirds of the compressed answer. For 1,200 regions the answer was 1.23 MB of JSON, 115 kB
 * brotli, with named fields; it is 0.52 MB, 31 kB brotli. `overviewEntries` reads it back into named
 * fields, with the agreement's id as a UUID.
 */
/** The columns the overview can be sorted by, as the table shows them. */
export const overviewSortKeys = [
  'region',
  'phase',
  'days',
  'ready',
  'nextMilestone',
  'contributions',
  'actions',
  'lastMeeting',
  'nextMeeting',
] as const;
export type OverviewSortKey = (typeof overviewSortKeys)[number];

/**
 * The overview's query. Without `agreement` the rows come filtered (`phase`, `ready`, `q` in the region's
 * name), sorted (`sort`, `dir`) and a page at a time (`limit`, `cursor`), as the table shows them: a county
 * with 1,200 regions does not send 1,200 rows and their timelines to look at the first screenful.
 */
export const OverviewQuery = z.object({
  cycle: Id,
  agreement: Id.optional(),
  phase: z.enum(agreementPhases, { error: 'validation.invalid' }).optional(),
  ready: z.enum(['yes', 'no'], { error: 'validation.invalid' }).optional(),
  q: safeString().trim().max(200).optional(),
  sort: z.enum(overviewSortKeys, { error: 'validation.invalid' }).default('region'),
  dir: z.enum(['asc', 'desc'], { error: 'validation.invalid' }).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: safeString().max(2000).optional(),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;
export type OverviewParams = z.input<typeof OverviewQuery>;

const index = z.number().int().nonnegative();

const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A UUID in 22 characters: its 16 bytes in base64url without padding (RFC 4648 §5). Its 32 hexadecimal
 * digits go by three (12 bits, two characters), the last two digits padded with a zero.
 */
export function shortId(uuid: string): string {
  const hex = `${uuid.replaceAll('-', '').toLowerCase()}0`;
  let out = '';
  for (let i = 0; i < hex.length; i += 3) {
    const bits = Number.parseInt(hex.slice(i, i + 3), 16);
    out += (base64url[bits >> 6] ?? '') + (base64url[bits & 63] ?? '');
  }
  return out;
}

/** The UUID (lower case, with its dashes) of a `shortId`. */
export function uuidOfShortId(short: string): string {
  let hex = '';
  for (let i = 0; i < short.length; i += 2) {
    const bits = (base64url.indexOf(short[i] ?? '') << 6) | base64url.indexOf(short[i + 1] ?? '');
    hex += bits.toString(16).padStart(3, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** An id as `shortId` writes it. */
export const ShortId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** A day of Oslo's wall clock and its time to the minute: `2026-12-07T09:30`. */
export const OsloMinute = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

/**
 * A milestone as the timeline draws it: `[name, state, plannedDate, doneDate]`, its name its place in
 * `milestoneNames` (the agreements of a cycle share their template's names), its state as it stands, its
 * place in `milestoneStates`, and `doneDate` the day it was completed (its actual date, else the day its
 * evidence was met, else the day it was recorded done by hand; null while it is open, and for one not
 * applicable without an actual date).
 */
export const OverviewMilestone = z
  .tuple([index, index, answerDate.nullable(), answerDate.nullable()])
  .describe(
    '[name: index in milestoneNames, state: index in milestoneStates, plannedDate, doneDate (null while open)]',
  );
export type OverviewMilestone = z.infer<typeof OverviewMilestone>;

/**
 * A meeting: `[type, title, startsAt]`, its type its place in `meetingTypes`, `startsAt` Oslo's wall clock
 * to the minute (`2026-12-07T09:30`).
 */
export const OverviewMeeting = z
  .tuple([index, z.string(), OsloMinute])
  .describe("[type: index in meetingTypes, title, startsAt: Oslo's wall clock, YYYY-MM-DDTHH:mm]");
export type OverviewMeeting = z.infer<typeof OverviewMeeting>;

/**
 * One agreement, by position:
 * 0. its id, as `shortId` writes it (`uuidOfShortId` gives the UUID back);
 * 1. its region's name;
 * 2. its phase, the place in `phases`;
 * 3. `phaseSince`, the day the current phase began (see `phaseStartOf` in the server's
 *    milestone-phase.ts); the days in the phase are counted from it to the answer's `today`;
 * 4. `regionReady`;
 * 5. its next milestone, the place in its own milestones (item 10) of the first open required one in order
 *    (or, with none, the first open optional one), or null when none is open;
 * 6. its contributions by status, `[proposed, discussed, agreed, dropped]`;
 * 7. the actions not yet done from the meetings that concern it;
 * 8. its latest meeting, not cancelled, before today (Oslo), or null;
 * 9. its first meeting from today on, not cancelled, or null;
 * 10. its milestones in order.
 */
export const OverviewRow = z
  .tuple([
    ShortId,
    z.string(),
    index,
    answerDate,
    z.boolean(),
    index.nullable(),
    z.tuple([index, index, index, index]),
    index,
    OverviewMeeting.nullable(),
    OverviewMeeting.nullable(),
    z.array(OverviewMilestone),
  ])
  .describe(
    '[agreementId in 22 characters (the UUID’s 16 bytes in base64url), regionName, phase: index in phases, phaseSince, regionReady, nextMilestone: index in this row’s milestones or null, contributions: [proposed, discussed, agreed, dropped], openActions, lastMeeting or null, nextMeeting or null, milestones]',
  );
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({
  cycle: z.object({ id: z.string(), name: z.string() }),
  /** The day (Oslo) the answer counts from: days in the phase, last and next meeting. */
  today: answerDate,
  /** The dictionaries the rows point into, each label once. */
  phases: z.array(z.enum(agreementPhases)).describe("The phases in order: a row's phase is its place here."),
  milestoneStates: z
    .array(z.enum(milestoneStates))
    .describe("The milestones' states: a milestone's state is its place here."),
  meetingTypes: z
    .array(z.enum(meetingTypes))
    .describe("The meetings' types: a meeting's type is its place here."),
  /** The milestones' names, each once, for the rows' milestones. */
  milestoneNames: z
    .array(z.string())
    .describe("The milestones' names, each once: a milestone's name is its place here."),
  /** This page's rows, in the query's order. A region contact gets only their own region's row. */
  rows: z
    .array(OverviewRow)
    .describe(
      "This page's agreements, one per row, in the query's order: [agreementId, regionName, phase, phaseSince, regionReady, nextMilestone, contributions, openActions, lastMeeting, nextMeeting, milestones]; labels are places in the dictionaries above.",
    ),
  /** The agreements of the cycle the reader may see, and those of them the filters let through. */
  total: z.number(),
  matching: z.number(),
  /** The `cursor` of the next page, or null on the last. */
  nextCursor: z.string().nullable(),
});
export type Overview = z.infer<typeof Overview>;

/** The dictionaries as the server writes them: the contract's own orders. */
export const overviewDictionaries = {
  phases: agreementPhases,
  milestoneStates,
  meetingTypes,
} as const;

/** A milestone of the overview with its fields named. */
export type OverviewEntryMilestone = {
  name: string;
  state: MilestoneState;
  plannedDate: string | null;
  doneDate: string | null;
};

/** A meeting of the overview with its fields named. */
export type OverviewEntryMeeting = { type: MeetingType; title: string; startsAt: string };

/** A row of the overview with its fields named and its labels looked up. */
export type OverviewEntry = {
  agreementId: string;
  regionName: string;
  phase: AgreementPhase;
  phaseSince: string;
  /** Whole days from `phaseSince` to the overview's `today`. */
  daysInPhase: number;
  regionReady: boolean;
  nextMilestone: OverviewEntryMilestone | null;
  contributions: StatusCounts & { total: number };
  openActions: number;
  lastMeeting: OverviewEntryMeeting | null;
  nextMeeting: OverviewEntryMeeting | null;
  milestones: OverviewEntryMilestone[];
};

const dayNumber = (isoDate: string) =>
  Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000;

/** Whole days from `since` to `today` (ISO dates), never fewer than none. */
export const daysBetween = (since: string, today: string) => Math.max(0, dayNumber(today) - dayNumber(since));

/** The overview's rows with their fields named and their labels looked up in its dictionaries. */
export function overviewEntries(o: Overview): OverviewEntry[] {
  const meeting = (m: OverviewMeeting | null): OverviewEntryMeeting | null =>
    m ? { type: o.meetingTypes[m[0]] ?? 'other', title: m[1], startsAt: m[2] } : null;
  return o.rows.map((row) => {
    const [id, regionName, phase, phaseSince, regionReady, next, counts] = row;
    const milestones = row[10].map(
      ([name, state, plannedDate, doneDate]): OverviewEntryMilestone => ({
        name: o.milestoneNames[name] ?? '',
        state: o.milestoneStates[state] ?? 'not_started',
        plannedDate,
        doneDate,
      }),
    );
    return {
      agreementId: uuidOfShortId(id),
      regionName,
      phase: o.phases[phase] ?? 'preparation',
      phaseSince,
      daysInPhase: daysBetween(phaseSince, o.today),
      regionReady,
      nextMilestone: next === null ? null : (milestones[next] ?? null),
      contributions: matrixCellCounts(counts as MatrixCell),
      openActions: row[7],
      lastMeeting: meeting(row[8]),
      nextMeeting: meeting(row[9]),
      milestones,
    };
  });
}
