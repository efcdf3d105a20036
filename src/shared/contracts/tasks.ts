import { z } from 'zod';
import { Id } from './common.js';
import { HearingKind } from './hearings.js';
import { ActionOwner, MeetingType } from './meetings.js';
import { SpecialPartVerdict } from './special-part.js';

export const MyTasksQuery = z.object({ cycle: Id });
export type MyTasksQuery = z.infer<typeof MyTasksQuery>;

/** Inputs of one hearing that the coordinator has asked the caller's department to answer first. */
export const AssignedDispositions = z.object({
  hearingId: z.string(),
  kind: HearingKind,
  versionNumber: z.number(),
  cycleName: z.string(),
  count: z.number(),
  /** The first of them in the answer list's order (region, then time), which the task's link lands on. */
  firstInputId: z.string(),
});
export type AssignedDispositions = z.infer<typeof AssignedDispositions>;

/** A department's part of a cycle's special parts: where it has nothing yet, and what is still negotiated. */
export const DepartmentContributionTasks = z.object({
  agreements: z.number(),
  agreementsWithoutOwn: z.array(z.object({ agreementId: z.string(), regionName: z.string() })),
  inNegotiation: z.number(),
});
export type DepartmentContributionTasks = z.infer<typeof DepartmentContributionTasks>;

/** A region contact's own agreement in the cycle, and what in it waits for the region. */
export const RegionAgreementTasks = z.object({
  agreementId: z.string(),
  wantedSubjectAreas: z.number(),
  regionItemsInNegotiation: z.number(),
  itemsInNegotiation: z.number(),
});
export type RegionAgreementTasks = z.infer<typeof RegionAgreementTasks>;

/** An action from a meeting that the caller owns (as a registry person or through their department), not done. */
export const MeetingAction = z.object({
  outcomeId: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingType: MeetingType,
  meetingStartsAt: z.string(),
  text: z.string(),
  dueDate: z.string(),
  owner: ActionOwner,
  /** The outcome's version, for marking it done from the start page. */
  version: z.number(),
});
export type MeetingAction = z.infer<typeof MeetingAction>;

/**
 * A sent version of a special part that its region may answer now (neither it nor a later version is
 * agreed), with the region's answer if it has given one: for the region's contact, something to answer or to
 * change; for the coordinator, an answer to read before recording the version as agreed.
 */
export const SpecialPartToAnswer = z.object({
  agreementId: z.string(),
  regionName: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  sentAt: z.string().nullable(),
  answer: z
    .object({
      verdict: SpecialPartVerdict,
      /** How many sections the region commented on. */
      comments: z.number(),
      answeredAt: z.string(),
    })
    .nullable(),
});
export type SpecialPartToAnswer = z.infer<typeof SpecialPartToAnswer>;

/** One region's agreement with contributions discussed and waiting to be agreed; the link lands on the oldest. */
export const DiscussedContributions = z.object({
  agreementId: z.string(),
  regionName: z.string(),
  count: z.number(),
  firstContributionId: z.string(),
});
export type DiscussedContributions = z.infer<typeof DiscussedContributions>;

/** A live input registered after its hearing closed (`late`) that has no final disposition yet. */
export const LateInput = z.object({
  inputId: z.string(),
  hearingId: z.string(),
  kind: HearingKind,
  versionNumber: z.number(),
  regionName: z.string(),
  submittedAt: z.string(),
});
export type LateInput = z.infer<typeof LateInput>;

/** An invited region with no live input in an open hearing, and whether it was reminded from the start page. */
export const SilentRegion = z.object({
  regionId: z.string(),
  regionName: z.string(),
  reminded: z.boolean(),
});
export type SilentRegion = z.infer<typeof SilentRegion>;

/** An open hearing some invited regions have not answered yet. */
export const SilentHearing = z.object({
  hearingId: z.string(),
  kind: HearingKind,
  versionNumber: z.number(),
  deadline: z.string(),
  invitedRegions: z.number(),
  silentRegions: z.array(SilentRegion),
});
export type SilentHearing = z.infer<typeof SilentHearing>;

/**
 * What waits for the coordinator in a cycle: contributions discussed and waiting to be agreed (per region),
 * late inputs still without a final answer (the newest first, at most `lateInputsShown`, with the total), and
 * the open hearings with invited regions that have not answered.
 */
export const CoordinatorTasks = z.object({
  discussed: z.array(DiscussedContributions),
  lateInputs: z.object({ total: z.number(), items: z.array(LateInput) }),
  silentHearings: z.array(SilentHearing),
});
export type CoordinatorTasks = z.infer<typeof CoordinatorTasks>;

/** How many late inputs the start page lists; the total is counted all the same. */
export const lateInputsShown = 20;
/** How many recent comments the start page lists in each of its comment lists, and how far back it looks. */
export const recentCommentsShown = 20;
export const recentCommentDays = 30;

/** A comment on a contribution, as the start page lists it: who wrote what on which contribution, when. */
export const CommentNotice = z.object({
  commentId: z.string(),
  contributionId: z.string(),
  contributionTitle: z.string(),
  agreementId: z.string(),
  regionName: z.string(),
  authorName: z.string(),
  /** The start of the comment, at most 200 characters. */
  excerpt: z.string(),
  createdAt: z.string(),
});
export type CommentNotice = z.infer<typeof CommentNotice>;

/**
 * The recent comments for the caller in a cycle (the last `recentCommentDays` days, newest first, at most
 * `recentCommentsShown` each): those that mention them, and, for a department editor, those others wrote on
 * the department's contributions (a comment that mentions them is in the first list only).
 */
export const CommentTasks = z.object({
  mentions: z.array(CommentNotice),
  onOwn: z.array(CommentNotice),
});
export type CommentTasks = z.infer<typeof CommentTasks>;

/**
 * What waits for the caller in a cycle, beyond the hearings (which have their own list): the answers their
 * department owes, their department's or region's part of the special parts, the open actions from meetings
 * that they or their department own (earliest due first), and the sent special parts: for a region contact
 * the region's own (answered or not, oldest sent first), for the coordinator those the regions have answered
 * (latest answer first); for the coordinator the inbox of discussed contributions, late inputs and silent
 * regions; and the recent comments that mention the caller or concern their department's contributions.
 */
export const MyTasks = z.object({
  assignedDispositions: z.array(AssignedDispositions),
  department: DepartmentContributionTasks.nullable(),
  region: RegionAgreementTasks.nullable(),
  meetingActions: z.array(MeetingAction),
  specialParts: z.array(SpecialPartToAnswer),
  /** Null for anyone but the coordinator. */
  coordinator: CoordinatorTasks.nullable(),
  comments: CommentTasks,
});
export type MyTasks = z.infer<typeof MyTasks>;
