import { z } from 'zod';
import { Id, optionalText, Role, requiredText, Version } from './common.js';
import { PersonRef } from './general-part.js';
import { DepartmentRef, RegionRef } from './hearings.js';

/**
 * Contributions: the items of an agreement's special part. Each belongs to one subject area of the
 * agreement's cycle and is owned by one county department or by the region itself; its negotiation status
 * (proposed → discussed → agreed, or dropped) changes only with a reason, kept as a dated history.
 * Everyone signed in may read and comment on them; mentions in a comment notify by e-mail.
 */

export const contributionKinds = ['measure', 'project', 'instrument', 'commitment'] as const;
export const ContributionKind = z.enum(contributionKinds, { error: 'validation.chooseKind' });
export type ContributionKind = z.infer<typeof ContributionKind>;

export const contributionStatuses = ['proposed', 'discussed', 'agreed', 'dropped'] as const;
export const ContributionStatus = z.enum(contributionStatuses, { error: 'validation.invalid' });
export type ContributionStatus = z.infer<typeof ContributionStatus>;

export const maxIndicators = 30;
export const contributionTitleMax = 300;
export const contributionDescriptionMax = 20_000;
/** The largest yearly budget accepted (a trillion kroner): beyond it a typing slip, not a budget. */
export const maxBudgetNok = 1_000_000_000_000;

export const Indicator = z.object({
  name: requiredText(200),
  baseline: optionalText(200),
  target: optionalText(200),
  unit: optionalText(50),
});
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorInput = z.input<typeof Indicator>;

export const SubjectAreaRef = z.object({ id: z.string(), name: z.string() });

/** A department's contribution, or the region's own (its wishes and commitments). */
export const ContributionOwner = z.discriminatedUnion('type', [
  z.object({ type: z.literal('department'), department: DepartmentRef }),
  z.object({ type: z.literal('region') }),
]);
export type ContributionOwner = z.infer<typeof ContributionOwner>;

export const Contribution = z.object({
  id: z.string(),
  agreementId: z.string(),
  cycleId: z.string(),
  region: RegionRef,
  subjectArea: SubjectAreaRef,
  kind: ContributionKind,
  owner: ContributionOwner,
  title: z.string(),
  description: z.string(),
  responsible: z.string().nullable(),
  /** Whole kroner per year; null when none is given. */
  budgetNokPerYear: z.number().nullable(),
  timeFrame: z.string().nullable(),
  indicators: z.array(
    z.object({
      name: z.string(),
      baseline: z.string().nullable(),
      target: z.string().nullable(),
      unit: z.string().nullable(),
    }),
  ),
  status: ContributionStatus,
  /** Order within the agreement's subject area, 0 first. */
  position: z.number(),
  commentCount: z.number(),
  /** For optimistic concurrency: send it back with a change. */
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether the caller may edit, move or delete it (an agreed item: the coordinator only). */
  canEdit: z.boolean(),
  /** The statuses the caller may move it to: recording an item as agreed is the coordinator's. */
  statusChoices: z.array(ContributionStatus),
});
export type Contribution = z.infer<typeof Contribution>;

export const StatusChange = z.object({
  /** Null for the first entry, when the contribution was proposed. */
  from: ContributionStatus.nullable(),
  to: ContributionStatus,
  reason: z.string(),
  changedBy: PersonRef.nullable(),
  changedAt: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const ContributionDetail = Contribution.extend({
  /** Oldest first. */
  statusHistory: z.array(StatusChange),
});
export type ContributionDetail = z.infer<typeof ContributionDetail>;

/** A subject area of the agreement's cycle, and whether the region marked it as wanted. */
export const ContributionSubjectArea = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  wanted: z.boolean(),
  justification: z.string().nullable(),
});
export type ContributionSubjectArea = z.infer<typeof ContributionSubjectArea>;

/** An agreement's contributions, grouped: the cycle's subject area order, then position within each. */
export const ContributionList = z.object({
  agreement: z.object({ id: z.string(), cycleId: z.string(), region: RegionRef }),
  subjectAreas: z.array(ContributionSubjectArea),
  items: z.array(Contribution),
});
export type ContributionList = z.infer<typeof ContributionList>;

/** `region`: the region's own; a department id: that department's. */
export const ContributionOwnerFilter = z.union([z.literal('region'), Id]);

export const ContributionListQuery = z.object({
  owner: ContributionOwnerFilter.optional(),
  status: ContributionStatus.optional(),
  subjectArea: Id.optional(),
});
export type ContributionListQuery = z.infer<typeof ContributionListQuery>;

export const OwnerInput = z.discriminatedUnion(
  'type',
  [z.object({ type: z.literal('department'), departmentId: Id }), z.object({ type: z.literal('region') })],
  { error: 'validation.invalid' },
);
export type OwnerInput = z.infer<typeof OwnerInput>;

export const BudgetNok = z
  .number({ error: 'validation.budget' })
  .int({ error: 'validation.budget' })
  .min(0, { error: 'validation.budgetNegative' })
  .max(maxBudgetNok, { error: 'validation.budget' });

const contributionFields = {
  subjectAreaId: Id,
  kind: ContributionKind,
  owner: OwnerInput,
  title: requiredText(contributionTitleMax),
  description: z
    .string({ error: 'validation.text' })
    .trim()
    .max(contributionDescriptionMax, { error: 'validation.tooLong' }),
  responsible: optionalText(200),
  budgetNokPerYear: BudgetNok.nullable(),
  timeFrame: optionalText(200),
  indicators: z
    .array(Indicator, { error: 'validation.invalid' })
    .max(maxIndicators, { error: 'validation.tooMany' }),
};

export const CreateContributionInput = z.object({
  ...contributionFields,
  description: contributionFields.description.default(''),
  budgetNokPerYear: contributionFields.budgetNokPerYear.optional().transform((v) => v ?? null),
  indicators: contributionFields.indicators.default([]),
  /** Why it is proposed: the first entry of the status history (absent: "Opprettet"). */
  note: optionalText(2000),
});
export type CreateContributionInput = z.infer<typeof CreateContributionInput>;
export type CreateContributionBody = z.input<typeof CreateContributionInput>;

/** Changes the fields given; a new subject area puts the item last in it. */
export const UpdateContributionInput = z.object({
  subjectAreaId: contributionFields.subjectAreaId.optional(),
  kind: contributionFields.kind.optional(),
  owner: contributionFields.owner.optional(),
  title: contributionFields.title.optional(),
  description: contributionFields.description.optional(),
  responsible: contributionFields.responsible.optional(),
  budgetNokPerYear: contributionFields.budgetNokPerYear.optional(),
  timeFrame: contributionFields.timeFrame.optional(),
  indicators: contributionFields.indicators.optional(),
  version: Version,
});
export type UpdateContributionInput = z.infer<typeof UpdateContributionInput>;
export type UpdateContributionBody = z.input<typeof UpdateContributionInput>;

export const DeleteContributionQuery = z.object({
  version: z.coerce.number({ error: 'validation.version' }).int().min(1),
});
export type DeleteContributionQuery = z.infer<typeof DeleteContributionQuery>;

export const ChangeStatusInput = z.object({
  status: z.enum(contributionStatuses, { error: 'validation.chooseStatus' }),
  reason: requiredText(2000),
  version: Version,
});
export type ChangeStatusInput = z.infer<typeof ChangeStatusInput>;

/** One step up or down within the subject area, or straight to a position (0 first). */
export const MoveContributionInput = z.object({
  direction: z.union([
    z.enum(['up', 'down'], { error: 'validation.invalid' }),
    z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0),
  ]),
  version: Version,
});
export type MoveContributionInput = z.infer<typeof MoveContributionInput>;

// ---- Copies to other regions ----

/** Why a contribution cannot be copied to a region: it has no agreement in the cycle, or that one is in force. */
export const copyBlocks = ['noAgreement', 'inForce'] as const;
export const CopyBlock = z.enum(copyBlocks);
export type CopyBlock = z.infer<typeof CopyBlock>;

/** A region a contribution may be copied to (every region but its own), and why not when it cannot. */
export const CopyTarget = z.object({
  region: RegionRef,
  /** The region's agreement in the contribution's cycle; null when it has none. */
  agreementId: z.string().nullable(),
  blocked: CopyBlock.nullable(),
});
export type CopyTarget = z.infer<typeof CopyTarget>;

/** By region name. */
export const CopyTargetList = z.object({ items: z.array(CopyTarget) });
export type CopyTargetList = z.infer<typeof CopyTargetList>;

export const maxCopyRegions = 200;

/** The regions to copy a contribution to, each getting its own copy in its agreement of the same cycle. */
export const CopyContributionInput = z.object({
  regionIds: z
    .array(Id, { error: 'validation.invalid' })
    .min(1, { error: 'validation.noRegions' })
    .max(maxCopyRegions, { error: 'validation.tooMany' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.duplicateRegion' }),
});
export type CopyContributionInput = z.infer<typeof CopyContributionInput>;

/** The copies made, one per region asked for, by region name. */
export const ContributionCopies = z.object({ items: z.array(Contribution) });
export type ContributionCopies = z.infer<typeof ContributionCopies>;

// ---- Comments ----

export const commentMaxLength = 10_000;
export const maxMentions = 20;

export const Comment = z.object({
  id: z.string(),
  contributionId: z.string(),
  /** The comment this one answers; null for a thread's first comment. */
  parentId: z.string().nullable(),
  author: PersonRef,
  body: z.string(),
  mentions: z.array(PersonRef),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;

/** Oldest first; the client builds the threads from `parentId`. */
export const CommentList = z.object({ items: z.array(Comment) });
export type CommentList = z.infer<typeof CommentList>;

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const CreateCommentInput = z.object({
  body: requiredText(commentMaxLength),
  parentId: Id.nullish().transform((v) => v ?? null),
  /** Active users to notify; each gets an e-mail in their language. */
  mentionUserIds: z
    .array(Id, { error: 'validation.invalid' })
    .max(maxMentions, { error: 'validation.tooMany' })
    .refine(uniqueIds, { error: 'validation.invalid' })
    .default([]),
});
export type CreateCommentInput = z.infer<typeof CreateCommentInput>;
export type CreateCommentBody = z.input<typeof CreateCommentInput>;

// ---- Who can be mentioned ----

export const MentionableUser = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  /** The user's department or region; null for the county's coordinators and viewers. */
  organisation: z.string().nullable(),
});
export type MentionableUser = z.infer<typeof MentionableUser>;

export const MentionableUserList = z.object({ items: z.array(MentionableUser) });
export type MentionableUserList = z.infer<typeof MentionableUserList>;

/** Where the web app shows an agreement's contributions; the mention e-mails link here. */
export { contributionsPath } from './paths.js';
