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

/**
 * What waits for the caller in a cycle, beyond the hearings (which have their own list): the answers their
 * department owes, their department's or region's part of the special parts, the open actions from meetings
 * that they or their department own (earliest due first), and the sent special parts: for a region contact
 * the region's own (answered or not, oldest sent first), for the coordinator those the regions have answered
 * (latest answer first).
 */
export const MyTasks = z.object({
  assignedDispositions: z.array(AssignedDispositions),
  department: DepartmentContributionTasks.nullable(),
  region: RegionAgreementTasks.nullable(),
  meetingActions: z.array(MeetingAction),
  specialParts: z.array(SpecialPartToAnswer),
});
export type MyTasks = z.infer<typeof MyTasks>;
