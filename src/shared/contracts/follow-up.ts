import { z } from 'zod';
import {
  Id,
  IsoDate,
  ListQuery,
  optionalIsoDate,
  optionalText,
  page,
  requiredText,
  Version,
} from './common.js';
import { DepartmentRef, RegionRef } from './hearings.js';
import { RichTextDoc, RichTextInput } from './rich-text.js';

/**
 * Follow-up: what the parties of an agreement in force owe (commitments, each owned by a county department
 * or by the region), their indicators, and the reporting rounds in which each owner reports on each of its
 * commitments (status, progress, what was done and comes next, indicator values, kroner spent).
 */

export const indicatorDirections = ['higher', 'lower'] as const;
export const IndicatorDirection = z.enum(indicatorDirections, { error: 'validation.chooseDirection' });
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

export const reportStatuses = ['on_track', 'at_risk', 'delayed', 'done', 'dropped'] as const;
export const ReportStatus = z.enum(reportStatuses, { error: 'validation.chooseReportStatus' });
export type ReportStatus = z.infer<typeof ReportStatus>;

export const commitmentStates = ['active', 'withdrawn'] as const;
export const CommitmentState = z.enum(commitmentStates, { error: 'validation.invalid' });

/** The largest amount accepted (a trillion kroner): beyond it a typing slip. */
export const maxAmountNok = 1_000_000_000_000;
export const maxGoals = 20;
export const maxReportValues = 100;

/** Whole kroner, never negative. */
export const AmountNok = z
  .number({ error: 'validation.amount' })
  .int({ error: 'validation.amount' })
  .min(0, { error: 'validation.amountNegative' })
  .max(maxAmountNok, { error: 'validation.amount' });

const FiniteNumber = z
  .number({ error: 'validation.number' })
  .refine(Number.isFinite, { error: 'validation.number' })
  .refine((v) => Math.abs(v) <= 1e15, { error: 'validation.number' });

export const CommitmentOwner = z.discriminatedUnion('type', [
  z.object({ type: z.literal('department'), department: DepartmentRef }),
  z.object({ type: z.literal('region') }),
]);
export type CommitmentOwner = z.infer<typeof CommitmentOwner>;

export const OwnerInput = z.discriminatedUnion(
  'type',
  [z.object({ type: z.literal('department'), departmentId: Id }), z.object({ type: z.literal('region') })],
  { error: 'validation.chooseOwner' },
);
export type OwnerInput = z.infer<typeof OwnerInput>;

export const IndicatorGoal = z.object({ value: z.number(), dueOn: z.string() });

export const CommitmentIndicator = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: IndicatorDirection,
  baselineValue: z.number(),
  baselineOn: z.string(),
  targetValue: z.number(),
  targetOn: z.string(),
  goals: z.array(IndicatorGoal),
  /** Every value reported in a submitted report, oldest first. */
  values: z.array(z.object({ value: z.number(), measuredOn: z.string(), roundName: z.string() })),
  version: z.number(),
});
export type CommitmentIndicator = z.infer<typeof CommitmentIndicator>;

export const LatestReport = z.object({
  roundId: z.string(),
  roundName: z.string(),
  status: ReportStatus,
  progress: z.number(),
  submittedAt: z.string(),
});

export const Commitment = z.object({
  id: z.string(),
  agreementId: z.string(),
  cycleId: z.string(),
  region: RegionRef,
  subjectArea: z.object({ id: z.string(), name: z.string() }),
  owner: CommitmentOwner,
  title: z.string(),
  description: z.string(),
  sourceContributionId: z.string().nullable(),
  agreedElsewhere: z.string().nullable(),
  responsible: z.object({ userId: z.string().nullable(), name: z.string().nullable() }),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Whole kroner over the time frame; null when no budget is given. */
  budgetNok: z.number().nullable(),
  needsSeparateDecision: z.boolean(),
  state: CommitmentState,
  /** The latest submitted report, from the round with the latest deadline. */
  latestReport: LatestReport.nullable(),
  version: z.number(),
});
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentList = z.object({ items: z.array(Commitment) });
export type CommitmentList = z.infer<typeof CommitmentList>;

/** An agreement of a cycle in force: one the admin may add a commitment agreed elsewhere to. */
export const AgreementInForce = z.object({
  id: z.string(),
  region: RegionRef,
  periodFrom: z.string(),
  periodTo: z.string(),
});
export type AgreementInForce = z.infer<typeof AgreementInForce>;

export const AgreementInForceList = z.object({ items: z.array(AgreementInForce) });
export type AgreementInForceList = z.infer<typeof AgreementInForceList>;

export const CommitmentQuery = z.object({
  cycleId: Id.optional(),
  agreementId: Id.optional(),
  regionId: Id.optional(),
  departmentId: Id.optional(),
});
export type CommitmentQuery = z.infer<typeof CommitmentQuery>;

export const CommitmentChange = z.object({
  id: z.string(),
  reason: z.string(),
  decisionReference: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});

export const ReportValue = z.object({
  indicatorId: z.string(),
  value: z.number(),
  measuredOn: z.string(),
  unit: z.string(),
});
export type ReportValue = z.infer<typeof ReportValue>;

/** A submitted report as an entry of its commitment's timeline. */
export const TimelineEntry = z.object({
  reportId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  deadline: z.string(),
  status: ReportStatus,
  progress: z.number(),
  done: RichTextDoc.nullable(),
  next: RichTextDoc.nullable(),
  spentNok: z.number().nullable(),
  values: z.array(ReportValue),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CommitmentDetail = Commitment.extend({
  indicators: z.array(CommitmentIndicator),
  changes: z.array(CommitmentChange),
  /** The submitted reports, the latest round first. */
  timeline: z.array(TimelineEntry),
  /** Whether the caller reports on it (its owner, or the admin). */
  mayReport: z.boolean(),
  /** Whether the caller may change it (the admin). */
  mayChange: z.boolean(),
});
export type CommitmentDetail = z.infer<typeof CommitmentDetail>;

export const IndicatorInput = z
  .object({
    name: requiredText(200),
    unit: requiredText(50),
    direction: IndicatorDirection,
    baselineValue: FiniteNumber,
    baselineOn: IsoDate,
    targetValue: FiniteNumber,
    targetOn: IsoDate,
    goals: z
      .array(z.object({ value: FiniteNumber, dueOn: IsoDate }))
      .max(maxGoals, { error: 'validation.tooMany' })
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.targetOn < v.baselineOn) {
      ctx.addIssue({ code: 'custom', path: ['targetOn'], message: 'validation.targetBeforeBaseline' });
    }
    v.goals.forEach((g, i) => {
      if (g.dueOn < v.baselineOn || g.dueOn > v.targetOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', i, 'dueOn'],
          message: 'validation.goalOutsidePeriod',
        });
      }
    });
    const dates = v.goals.map((g) => g.dueOn);
    if (new Set(dates).size !== dates.length) {
      ctx.addIssue({ code: 'custom', path: ['goals'], message: 'validation.goalDatesRepeat' });
    }
  });
export type IndicatorInput = z.input<typeof IndicatorInput>;

const commitmentFields = {
  subjectAreaId: Id,
  owner: OwnerInput,
  title: requiredText(300),
  description: optionalText(20_000).transform((v) => v ?? ''),
  responsibleUserId: Id.nullish().transform((v) => v ?? null),
  responsibleName: optionalText(200),
  startsOn: optionalIsoDate,
  endsOn: optionalIsoDate,
  budgetNok: AmountNok.nullish().transform((v) => v ?? null),
  needsSeparateDecision: z.boolean({ error: 'validation.invalid' }).default(false),
};

const periodCheck = (v: { startsOn?: string | null; endsOn?: string | null }, ctx: z.RefinementCtx): void => {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.endBeforeStart' });
  }
};

/** A commitment agreed outside the contributions: admin adds it with a reference to where it was agreed. */
export const CreateCommitmentInput = z
  .object({
    agreementId: Id,
    ...commitmentFields,
    agreedElsewhere: requiredText(500),
    indicators: z.array(IndicatorInput).max(30, { error: 'validation.tooMany' }).default([]),
  })
  .superRefine(periodCheck);
export type CreateCommitmentInput = z.input<typeof CreateCommitmentInput>;

/**
 * A change to a commitment's substance after its agreement came into force: the fields given, the reason
 * and the decision it rests on. `state: withdrawn` takes it out of later rounds.
 */
export const ChangeCommitmentInput = z
  .object({
    subjectAreaId: Id.optional(),
    owner: OwnerInput.optional(),
    title: commitmentFields.title.optional(),
    description: optionalText(20_000).optional(),
    responsibleUserId: Id.nullish(),
    responsibleName: optionalText(200).optional(),
    startsOn: optionalIsoDate.optional(),
    endsOn: optionalIsoDate.optional(),
    budgetNok: AmountNok.nullish(),
    needsSeparateDecision: z.boolean({ error: 'validation.invalid' }).optional(),
    state: CommitmentState.optional(),
    reason: requiredText(2000),
    decisionReference: requiredText(300),
    version: Version,
  })
  .superRefine(periodCheck);
export type ChangeCommitmentInput = z.input<typeof ChangeCommitmentInput>;

export const AddIndicatorInput = IndicatorInput;

// Reporting rounds

export const roundStates = ['open', 'closed'] as const;
export const RoundState = z.enum(roundStates);

export const ReportingRound = z.object({
  id: z.string(),
  cycleId: z.string(),
  cycleName: z.string(),
  name: z.string(),
  deadline: z.string(),
  state: RoundState,
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  commitments: z.number(),
  submitted: z.number(),
  version: z.number(),
});
export type ReportingRound = z.infer<typeof ReportingRound>;

export const ReportingRoundList = z.object({ items: z.array(ReportingRound) });
export type ReportingRoundList = z.infer<typeof ReportingRoundList>;

export const RoundQuery = z.object({ cycleId: Id.optional() });

export const reportStates = ['draft', 'submitted'] as const;
export const ReportState = z.enum(reportStates);

/** One commitment of a round, with where its report stands. */
export const RoundRow = z.object({
  commitment: z.object({
    id: z.string(),
    title: z.string(),
    region: RegionRef,
    subjectArea: z.object({ id: z.string(), name: z.string() }),
    owner: CommitmentOwner,
  }),
  report: z
    .object({
      id: z.string(),
      state: ReportState,
      status: ReportStatus.nullable(),
      progress: z.number().nullable(),
      submittedAt: z.string().nullable(),
      submittedByName: z.string().nullable(),
      reopenedReason: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  /** Whether the caller reports on this commitment. */
  mayReport: z.boolean(),
});
export type RoundRow = z.infer<typeof RoundRow>;

/** An owner of commitments in a round, with how many it has submitted. */
export const RoundOwner = z.object({
  owner: CommitmentOwner,
  /** For a region's own commitments, the region; null for a department. */
  region: RegionRef.nullable(),
  commitments: z.number(),
  submitted: z.number(),
});
export type RoundOwner = z.infer<typeof RoundOwner>;

/**
 * Where a commitment's report in a round stands: no report yet, a draft, a draft the coordinator reopened
 * (once submitted, now to be corrected), or submitted. Each commitment of a round is in exactly one.
 */
export const roundReportStates = ['not_started', 'draft', 'reopened', 'submitted'] as const;
export const RoundReportState = z.enum(roundReportStates, { error: 'validation.invalid' });
export type RoundReportState = z.infer<typeof RoundReportState>;

/** How many of a round's commitments are in each report state, over the whole round. */
export const RoundCounts = z.object({
  not_started: z.number(),
  draft: z.number(),
  reopened: z.number(),
  submitted: z.number(),
});
export type RoundCounts = z.infer<typeof RoundCounts>;

/**
 * A round's status over all its commitments: how many are in each report state, each owner with how many
 * it has submitted, and the regions whose agreements it covers (for the list's filter). The commitments
 * themselves come a page at a time (`RoundCommitmentPage`).
 */
export const RoundStatus = ReportingRound.extend({
  counts: RoundCounts,
  owners: z.array(RoundOwner),
  regions: z.array(RegionRef),
  mayManage: z.boolean(),
});
export type RoundStatus = z.infer<typeof RoundStatus>;

/** The owner filter of a round's commitments: a department's id, or `region` for the regions' own. */
export const regionOwner = 'region';

/**
 * A page of a round's commitments, by region, subject area and title: after `cursor` (the last one of the
 * page before), only those whose report is in `state`, in `region`'s agreement, or owned by `owner`.
 */
export const RoundCommitmentQuery = ListQuery.extend({
  limit: ListQuery.shape.limit.unwrap().default(100),
  state: RoundReportState.optional(),
  region: Id.optional(),
  owner: z.union([z.literal(regionOwner), Id], { error: 'validation.invalid' }).optional(),
});
export type RoundCommitmentQuery = z.infer<typeof RoundCommitmentQuery>;

export const RoundCommitmentPage = page(RoundRow);
export type RoundCommitmentPage = z.infer<typeof RoundCommitmentPage>;

export const OpenRoundInput = z.object({
  cycleId: Id,
  name: requiredText(200),
  deadline: IsoDate,
  /** The commitments it covers; absent: every active commitment of the cycle's agreements in force. */
  commitmentIds: z.array(Id).max(200_000).optional(),
});
export type OpenRoundInput = z.input<typeof OpenRoundInput>;

export const RoundVersionInput = z.object({ version: Version });

export const RoundParams = z.object({ id: Id });
export const ReportParams = z.object({ id: Id, commitmentId: Id });

export const CommitmentReport = z.object({
  roundId: z.string(),
  roundName: z.string(),
  roundState: RoundState,
  deadline: z.string(),
  commitment: Commitment,
  indicators: z.array(CommitmentIndicator),
  report: z
    .object({
      id: z.string(),
      state: ReportState,
      status: ReportStatus.nullable(),
      progress: z.number().nullable(),
      done: RichTextDoc.nullable(),
      next: RichTextDoc.nullable(),
      spentNok: z.number().nullable(),
      values: z.array(ReportValue),
      submittedAt: z.string().nullable(),
      submittedByName: z.string().nullable(),
      reopenedReason: z.string().nullable(),
      reopenedAt: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  /** Whether the caller may save and submit it now (its owner or the admin, while the round is open). */
  mayWrite: z.boolean(),
  /** Whether the caller may reopen it (the admin, a submitted report in an open round). */
  mayReopen: z.boolean(),
});
export type CommitmentReport = z.infer<typeof CommitmentReport>;

export const Progress = z
  .number({ error: 'validation.progressRange' })
  .int({ error: 'validation.progressRange' })
  .min(0, { error: 'validation.progressRange' })
  .max(100, { error: 'validation.progressRange' });

export const ReportValueInput = z.object({
  indicatorId: Id,
  value: FiniteNumber,
  measuredOn: IsoDate,
  /** The unit the value is given in: it must be its indicator's. */
  unit: requiredText(50),
});

/** A report saved as a draft, or submitted (then status and progress are required). */
export const SaveReportInput = z.object({
  status: ReportStatus.nullish().transform((v) => v ?? null),
  progress: Progress.nullish().transform((v) => v ?? null),
  done: RichTextInput.nullish().transform((v) => v ?? null),
  next: RichTextInput.nullish().transform((v) => v ?? null),
  spentNok: AmountNok.nullish().transform((v) => v ?? null),
  values: z.array(ReportValueInput).max(maxReportValues, { error: 'validation.tooMany' }).default([]),
  /** The version of the report saved before; absent for the first save. */
  version: Version.optional(),
});
export type SaveReportInput = z.input<typeof SaveReportInput>;

export const ReopenReportInput = z.object({ reason: requiredText(2000), version: Version });
export type ReopenReportInput = z.input<typeof ReopenReportInput>;
