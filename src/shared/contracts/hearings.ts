import { z } from 'zod';
import { Id, IsoDate, page, requiredText, safeString, UploadedFile, Version } from './common.js';
import { PersonRef, SectionKey } from './general-part.js';
import { MailOutcome } from './mail.js';

/**
 * Hearings on a version of the general part: invited regions give input until the deadline, the county
 * answers every input with a disposition. Dates are calendar dates in Europe/Oslo; a deadline accepts input
 * until the end of that day in Oslo.
 */

// ---- Hearings ----

export const hearingKinds = ['informal', 'formal'] as const;
export const HearingKind = z.enum(hearingKinds, { error: 'validation.invalid' });
export type HearingKind = z.infer<typeof HearingKind>;

/** `open`: input is taken; `closed`: the deadline has passed or the admin closed it early. */
export const hearingStates = ['open', 'closed'] as const;
export const HearingState = z.enum(hearingStates, { error: 'validation.invalid' });
export type HearingState = z.infer<typeof HearingState>;

export const RegionRef = z.object({ id: z.string(), name: z.string() });
export type RegionRef = z.infer<typeof RegionRef>;

export const DepartmentRef = z.object({ id: z.string(), name: z.string() });
export type DepartmentRef = z.infer<typeof DepartmentRef>;

/**
 * Counts of the inputs the caller may see (a region contact sees only its own region's input while the
 * hearing is open), withdrawn input left out. `unanswered`: inputs without a final disposition.
 */
export const HearingCounts = z.object({
  invitedRegions: z.number(),
  regionsWithInput: z.number(),
  inputs: z.number(),
  lateInputs: z.number(),
  unanswered: z.number(),
});
export type HearingCounts = z.infer<typeof HearingCounts>;

export const HearingSummary = z.object({
  id: z.string(),
  cycleId: z.string(),
  cycleName: z.string(),
  /** The general part version on hearing, and its number in the cycle (1, 2, …). */
  versionId: z.string(),
  versionNumber: z.number(),
  kind: HearingKind,
  /** The last calendar day (Europe/Oslo) input is accepted. */
  deadline: z.string(),
  /** The instant input stops: the end of the deadline day in Oslo, or when the admin closed it early. */
  closesAt: z.string(),
  state: HearingState,
  /** Calendar days from today (Oslo) to the deadline: 0 on the last day; null once closed. */
  daysLeft: z.number().nullable(),
  /** Set when the admin closed the hearing before its deadline. */
  closedAt: z.string().nullable(),
  openedAt: z.string(),
  openedBy: PersonRef.nullable(),
  counts: HearingCounts,
  /** For optimistic concurrency: send it back when extending or closing. */
  version: z.number(),
});
export type HearingSummary = z.infer<typeof HearingSummary>;

/** Who registered a hearing or a meeting after it took place, and when; null when it happened in Partnerskap. */
export const RegisteredAfterwards = z.object({ by: PersonRef.nullable(), at: z.string() });
export type RegisteredAfterwards = z.infer<typeof RegisteredAfterwards>;

export const Hearing = HearingSummary.extend({
  coverLetter: z.string(),
  invitedRegions: z.array(RegionRef),
  closedBy: PersonRef.nullable(),
  /** Set when the hearing was registered after it took place: no e-mail went out and no reminder. */
  registeredAfterwards: RegisteredAfterwards.nullable(),
});
export type Hearing = z.infer<typeof Hearing>;

/**
 * The answer to opening a hearing or moving its deadline: the hearing, what became of the e-mail to the
 * invited regions' contacts, and the invited regions that have no active contact (nobody there was told).
 */
export const HearingMailed = Hearing.extend({
  mail: MailOutcome,
  regionsWithoutContact: z.array(RegionRef),
});
export type HearingMailed = z.infer<typeof HearingMailed>;

/**
 * What a press of "remind the regions that have not answered" did: the silent regions whose contacts were
 * reminded now, those reminded before (nobody there is reminded twice), those without an active contact,
 * and what became of the e-mail queued now.
 */
export const SilentRegionsReminded = z.object({
  remindedNow: z.array(RegionRef),
  remindedBefore: z.array(RegionRef),
  withoutContact: z.array(RegionRef),
  mail: MailOutcome,
});
export type SilentRegionsReminded = z.infer<typeof SilentRegionsReminded>;

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const OpenHearingInput = z.object({
  cycleId: Id,
  versionId: Id,
  kind: HearingKind,
  deadline: IsoDate,
  /** Absent: every region. */
  invitedRegionIds: z
    .array(Id, { error: 'validation.invalid' })
    .min(1, { error: 'validation.noRegions' })
    .max(500, { error: 'validation.invalid' })
    .refine(uniqueIds, { error: 'validation.duplicateRegion' })
    .optional(),
  /** Plain text; line breaks are kept. */
  coverLetter: requiredText(20_000),
});
export type OpenHearingInput = z.infer<typeof OpenHearingInput>;

/**
 * A hearing that took place before the county used Partnerskap, registered afterwards: as opening one, with
 * the day it was opened; the deadline (the server refuses one that has not passed) comes no earlier.
 */
export const RegisterHearingInput = OpenHearingInput.extend({ openedOn: IsoDate }).refine(
  (v) => v.openedOn <= v.deadline,
  { error: 'validation.deadlineBeforeOpening', path: ['deadline'] },
);
export type RegisterHearingInput = z.infer<typeof RegisterHearingInput>;
export type RegisterHearingBody = z.input<typeof RegisterHearingInput>;

export const HearingListQuery = z.object({
  cycle: Id.optional(),
  state: HearingState.optional(),
});
export type HearingListQuery = z.infer<typeof HearingListQuery>;

export const ExtendHearingInput = z.object({ deadline: IsoDate, version: Version });
export type ExtendHearingInput = z.infer<typeof ExtendHearingInput>;

export const CloseHearingInput = z.object({ version: Version });
export type CloseHearingInput = z.infer<typeof CloseHearingInput>;

/** Where the web app shows a hearing; the e-mails link here. */
export { hearingPath } from './paths.js';

// ---- Input ----

// An attachment's types, size limit and upload query are shared with the approval's decision document.
export { AttachmentMediaType, AttachmentQuery, attachmentMaxBytes, attachmentMediaTypes } from './common.js';
export const maxAttachmentsPerInput = 10;

export const Attachment = z.object({ id: z.string(), inputId: z.string(), ...UploadedFile.shape });
export type Attachment = z.infer<typeof Attachment>;

export const dispositionOutcomes = ['taken_in', 'partly_taken_in', 'not_taken_in', 'noted'] as const;
export const DispositionOutcome = z.enum(dispositionOutcomes, { error: 'validation.invalid' });
export type DispositionOutcome = z.infer<typeof DispositionOutcome>;
/** Only an input that was (partly) taken in can point to where it was taken in. */
export const takesIn = (outcome: DispositionOutcome) =>
  outcome === 'taken_in' || outcome === 'partly_taken_in';

export const Disposition = z.object({
  id: z.string(),
  hearingId: z.string(),
  inputIds: z.array(z.string()),
  outcome: DispositionOutcome,
  reason: z.string(),
  /**
   * false while the department it is assigned to may still answer it (or the admin has not settled it);
   * an input is answered when its disposition is final.
   */
  final: z.boolean(),
  assignedDepartment: DepartmentRef.nullable(),
  takenIn: z
    .object({ versionId: z.string(), versionNumber: z.number(), sectionKey: z.string().nullable() })
    .nullable(),
  decidedAt: z.string(),
  decidedBy: PersonRef.nullable(),
  version: z.number(),
});
export type Disposition = z.infer<typeof Disposition>;

export const HearingInput = z.object({
  id: z.string(),
  hearingId: z.string(),
  region: RegionRef,
  /** The section of the version on hearing the input is about; null: the whole document. */
  sectionKey: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  text: z.string(),
  /** Registered by the admin after the hearing closed. */
  late: z.boolean(),
  submittedAt: z.string(),
  submittedBy: PersonRef.nullable(),
  updatedAt: z.string(),
  attachments: z.array(Attachment),
  /** The county's answer; a region contact sees it only once it is final. */
  disposition: Disposition.nullable(),
  version: z.number(),
});
export type HearingInput = z.infer<typeof HearingInput>;

export const inputMaxLength = 50_000;

export const SubmitInputInput = z.object({
  /** A region contact's input is for their own region (absent or equal); the admin names the region. */
  regionId: Id.optional(),
  sectionKey: SectionKey.nullish().transform((v) => v ?? null),
  text: requiredText(inputMaxLength),
});
export type SubmitInputInput = z.infer<typeof SubmitInputInput>;

export const UpdateInputInput = z.object({
  sectionKey: SectionKey.nullish(),
  text: requiredText(inputMaxLength).optional(),
  version: Version,
});
export type UpdateInputInput = z.infer<typeof UpdateInputInput>;

export const WithdrawInputQuery = z.object({
  version: z.coerce.number({ error: 'validation.version' }).int().min(1).optional(),
});
export type WithdrawInputQuery = z.infer<typeof WithdrawInputQuery>;

/** `_document`: input on the whole document (a section key never starts with an underscore). */
export const wholeDocument = '_document';

export const InputListQuery = z.object({
  region: Id.optional(),
  section: z.union([SectionKey, z.literal(wholeDocument)]).optional(),
  /** `answered`: the input has a final disposition. */
  status: z.enum(['answered', 'unanswered'], { error: 'validation.invalid' }).optional(),
  /** Inputs whose disposition is assigned to this department. */
  department: Id.optional(),
  /**
   * Without `limit`, every input the filters select; with it, that many, in the document's order (the whole
   * document first, then section by section, each section's regions by name), from the input after `cursor`.
   */
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: safeString().max(2000).optional(),
});
export type InputListQuery = z.infer<typeof InputListQuery>;

/** The filters of an input list: what it selects, whichever page of it is asked for. */
export const inputFilterKeys = ['region', 'section', 'status', 'department'] as const;

/** A hearing's inputs (`GET /hearings/{id}/inputs`): a page of them when `limit` is given. */
export const InputList = page(HearingInput);
export type InputList = z.infer<typeof InputList>;

// ---- Dispositions ----

export const CreateDispositionInput = z
  .object({
    inputIds: z
      .array(Id, { error: 'validation.invalid' })
      .min(1, { error: 'validation.noInputs' })
      .max(1000, { error: 'validation.invalid' })
      .refine(uniqueIds, { error: 'validation.invalid' }),
    outcome: DispositionOutcome,
    reason: requiredText(20_000),
    assignedDepartmentId: Id.nullish().transform((v) => v ?? null),
    takenInVersionId: Id.nullish().transform((v) => v ?? null),
    takenInSectionKey: SectionKey.nullish().transform((v) => v ?? null),
    /** Default: final unless it is assigned to a department to answer first. */
    final: z.boolean({ error: 'validation.invalid' }).optional(),
  })
  .refine((v) => !v.takenInSectionKey || Boolean(v.takenInVersionId), {
    error: 'validation.takenInVersionRequired',
    path: ['takenInVersionId'],
  })
  .refine((v) => !v.takenInVersionId || takesIn(v.outcome), {
    error: 'validation.takenInOutcome',
    path: ['takenInVersionId'],
  });
export type CreateDispositionInput = z.infer<typeof CreateDispositionInput>;

export const UpdateDispositionInput = z.object({
  outcome: DispositionOutcome.optional(),
  reason: requiredText(20_000).optional(),
  assignedDepartmentId: Id.nullish(),
  takenInVersionId: Id.nullish(),
  takenInSectionKey: SectionKey.nullish(),
  final: z.boolean({ error: 'validation.invalid' }).optional(),
  version: Version,
});
export type UpdateDispositionInput = z.infer<typeof UpdateDispositionInput>;

// ---- Overview ----

export const RegionTally = z.object({
  region: RegionRef,
  inputs: z.number(),
  late: z.number(),
  unanswered: z.number(),
});
export type RegionTally = z.infer<typeof RegionTally>;

export const SectionTally = z.object({
  /** null: input on the whole document. */
  key: z.string().nullable(),
  title: z.string().nullable(),
  inputs: z.number(),
  unanswered: z.number(),
});
export type SectionTally = z.infer<typeof SectionTally>;

/**
 * The hearing screen: per invited region and per section of the version on hearing, what came in and
 * what is still unanswered (of what the caller may see, before the filters), and the inputs the filters
 * select.
 */
export const HearingOverview = z.object({
  hearing: HearingSummary,
  regions: z.array(RegionTally),
  sections: z.array(SectionTally),
  /** The inputs the filters select, or a page of them (InputListQuery `limit`, `cursor`). */
  inputs: z.array(HearingInput),
  /** How many inputs the filters select, on every page. */
  matching: z.number(),
  /** The cursor of the next page; null when this is the last or the request was not paged. */
  nextCursor: z.string().nullable(),
});
export type HearingOverview = z.infer<typeof HearingOverview>;
