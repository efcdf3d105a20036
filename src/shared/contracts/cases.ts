import { z } from 'zod';
import { BodyKind } from './bodies.js';
import { Id, IsoDate, optionalIsoDate, optionalText, requiredText, safeString, Version } from './common.js';
import { HearingKind } from './hearings.js';
import { RichTextDoc, RichTextInput } from './rich-text.js';

/**
 * Political cases (saker): a batch of ready agreements put to the political bodies in one case document
 * (saksframlegg), written from the live process and edited by the coordinator. A case has a treatment plan
 * (the bodies it passes in order, each with its role, its meeting and its case number in that body), the
 * proposed decision as numbered points, the document's parts in the seed's order, the decision authority
 * and the signer.
 */

export const caseRoles = ['recommend', 'decide', 'information'] as const;
export const CaseRole = z.enum(caseRoles, { error: 'validation.invalid' });
export type CaseRole = z.infer<typeof CaseRole>;

/** The case document's parts in rich text, in the seed's order after the proposed decision. */
export const caseSections = ['background', 'facts', 'alternatives', 'assessment', 'consequences'] as const;
export type CaseSection = (typeof caseSections)[number];

/** What the template may fill and someone may later edit: the parts above, the title and the authority. */
export const templateFields = ['title', ...caseSections, 'authority'] as const;
export type TemplateField = (typeof templateFields)[number];

/** The archive's case number: year and sequence, as case systems and Noark 5 write it (2020/1234). */
export const archivePattern = /^(\d{4})\/(\d{1,7})$/;
/** A body's case number: sequence and two-digit year (123/20). */
export const bodyCasePattern = /^(\d{1,5})\/(\d{2})$/;

const ArchiveReference = z
  .string({ error: 'validation.text' })
  .trim()
  .regex(archivePattern, { error: 'validation.archiveReference' })
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

const BodyCaseNumber = z
  .string({ error: 'validation.text' })
  .trim()
  .regex(bodyCasePattern, { error: 'validation.bodyCaseNumber' })
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

export const CaseAgreement = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
});
export type CaseAgreement = z.infer<typeof CaseAgreement>;

export const DecisionPoint = z.object({
  id: z.string(),
  text: z.string(),
  /** Written by the template and not edited since. */
  fromTemplate: z.boolean(),
});
export type DecisionPoint = z.infer<typeof DecisionPoint>;

export const treatmentOutcomes = [
  'adopted',
  'adopted_with_changes',
  'rejected',
  'postponed',
  'information',
] as const;
export const TreatmentOutcome = z.enum(treatmentOutcomes, { error: 'validation.chooseOutcome' });
export type TreatmentOutcome = z.infer<typeof TreatmentOutcome>;

export const Decision = z.object({
  outcome: TreatmentOutcome,
  decisionText: z.string(),
  changedText: z.string().nullable(),
  decidedOn: z.string(),
  unanimous: z.boolean(),
  votes: z.object({ for: z.number(), against: z.number(), blank: z.number() }).nullable(),
  recordedBy: z.string().nullable(),
});
export type Decision = z.infer<typeof Decision>;

export const Treatment = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  bodyKind: BodyKind,
  role: CaseRole,
  meeting: z.object({ id: z.string(), date: z.string(), documentsDue: z.string().nullable() }).nullable(),
  /** The body's number for the case, e.g. 123/20. */
  caseNumber: z.string().nullable(),
  /** The body's decision once recorded (postponed: the meeting above is the later one it moved to). */
  decision: Decision.nullable(),
  version: z.number(),
});
export type Treatment = z.infer<typeof Treatment>;

export const PoliticalCase = z.object({
  id: z.string(),
  cycleId: z.string(),
  title: z.string(),
  /** The archive's case number, e.g. 2020/1234. */
  archiveReference: z.string().nullable(),
  agreements: z.array(CaseAgreement),
  /**
   * The closed hearings behind the general part the case's agreements are pinned to (the pinned version's
   * own, and those of the drafts it was made from since the version approved before it), earliest deadline
   * first: the case document attaches each one's input summary, with the county's final answers, after the
   * agreements. Empty when the pinned versions had no closed hearing.
   */
  hearingSummaries: z.array(
    z.object({ hearingId: z.string(), kind: HearingKind, versionNumber: z.number(), deadline: z.string() }),
  ),
  decisionPoints: z.array(DecisionPoint),
  background: RichTextDoc,
  facts: RichTextDoc,
  alternatives: RichTextDoc,
  assessment: RichTextDoc,
  consequences: RichTextDoc,
  /** The rule the decision rests on, e.g. "Reglement for delegering … punkt 3.5.2, c". */
  authority: z.string(),
  signer: z.object({
    name: z.string().nullable(),
    title: z.string().nullable(),
    date: z.string().nullable(),
  }),
  /** The parts the template filled that nobody has edited since. */
  templateFilled: z.array(z.enum(templateFields)),
  treatments: z.array(Treatment),
  /** The executive board's case this county council case was made from. */
  sourceCaseId: z.string().nullable(),
  /** The county council's case made from this one. */
  followUpCaseId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type PoliticalCase = z.infer<typeof PoliticalCase>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  archiveReference: z.string().nullable(),
  regions: z.array(z.string()),
  treatments: z.array(
    z.object({
      bodyName: z.string(),
      role: CaseRole,
      date: z.string().nullable(),
      caseNumber: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListQuery = z.object({ cycleId: Id });
export const CaseList = z.object({ items: z.array(CaseSummary) });
export type CaseList = z.infer<typeof CaseList>;

export const CreateCaseInput = z.object({
  cycleId: Id,
  agreementIds: z
    .array(Id, { error: 'validation.chooseAgreements' })
    .min(1, { error: 'validation.chooseAgreements' })
    .max(2000, { error: 'validation.tooMany' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.duplicate' }),
  /** The executive board's meeting the case goes to; it can be chosen later. */
  meetingId: Id.nullish().transform((v) => v ?? null),
});
export type CreateCaseInput = z.input<typeof CreateCaseInput>;

export const UpdateCaseInput = z.object({
  title: requiredText(300),
  archiveReference: ArchiveReference,
  background: RichTextInput,
  facts: RichTextInput,
  alternatives: RichTextInput,
  assessment: RichTextInput,
  consequences: RichTextInput,
  authority: safeString({ error: 'validation.text' }).trim().max(2000, { error: 'validation.tooLong' }),
  signerName: optionalText(200),
  signerTitle: optionalText(200),
  signedOn: optionalIsoDate,
  version: Version,
});
export type UpdateCaseInput = z.input<typeof UpdateCaseInput>;

/** The decision points as they should stand, in order: a kept point names its id. */
export const ReplaceDecisionPointsInput = z.object({
  points: z
    .array(z.object({ id: Id.optional(), text: requiredText(4000) }), { error: 'validation.invalid' })
    .min(1, { error: 'validation.decisionPointsRequired' })
    .max(50, { error: 'validation.tooMany' }),
  version: Version,
});
export type ReplaceDecisionPointsInput = z.input<typeof ReplaceDecisionPointsInput>;

export const UpdateTreatmentInput = z.object({
  meetingId: Id.nullish().transform((v) => v ?? null),
  caseNumber: BodyCaseNumber,
  version: Version,
});
export type UpdateTreatmentInput = z.input<typeof UpdateTreatmentInput>;

export const CaseDocumentQuery = z.object({
  format: z.enum(['docx', 'pdf'], { error: 'validation.invalid' }).default('docx'),
});

// ---- The batch planner ----

export const readinessReasons = [
  'finalMeetingNotHeld',
  'specialPartNotAgreed',
  'generalPartNotApproved',
  'inOpenCase',
  'approvedByBoard',
] as const;
export type ReadinessReason = (typeof readinessReasons)[number];

export const PlannedAgreement = z.object({
  agreementId: z.string(),
  regionName: z.string(),
  ready: z.boolean(),
  /** Why it is not ready yet: each thing that is missing. */
  reasons: z.array(z.enum(readinessReasons)),
  /** The open case it is in, if any. */
  caseId: z.string().nullable(),
});
export type PlannedAgreement = z.infer<typeof PlannedAgreement>;

export const BatchPlan = z.object({
  cycleId: z.string(),
  /** The executive board's meetings whose deadline for case documents has not passed, earliest first. */
  reachableMeetings: z.array(
    z.object({ id: z.string(), date: z.string(), documentsDue: z.string().nullable() }),
  ),
  agreements: z.array(PlannedAgreement),
});
export type BatchPlan = z.infer<typeof BatchPlan>;

export const casePath = (id: string) => `/saker/${id}`;
export const parseArchiveReference = (ref: string | null) => {
  const m = ref ? archivePattern.exec(ref) : null;
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : { year: null, sequence: null };
};
export const parseBodyCaseNumber = (ref: string | null) => {
  const m = ref ? bodyCasePattern.exec(ref) : null;
  return m ? { number: Number(m[1]), year: 2000 + Number(m[2]) } : { number: null, year: null };
};
export const formatBodyCaseNumber = (num: number | null, year: number | null) =>
  num === null || year === null ? null : `${num}/${String(year % 100).padStart(2, '0')}`;

// ---- Decisions ----

const voteCount = z
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .min(0, { error: 'validation.invalid' })
  .max(10_000, { error: 'validation.invalid' });

/**
 * A body's treatment of a case: the outcome, the decision text (kept apart from the recommendation), its
 * date and the vote (unanimous, or the counts for, against and blank). Adopted with changes needs the
 * changed text; postponed needs the later meeting of the same body the case moves to.
 */
export const RecordDecisionInput = z
  .object({
    outcome: TreatmentOutcome,
    decisionText: z
      .string({ error: 'validation.text' })
      .trim()
      .max(20_000, { error: 'validation.tooLong' })
      .default(''),
    changedText: optionalText(20_000),
    decidedOn: IsoDate,
    unanimous: z.boolean({ error: 'validation.invalid' }).default(true),
    votesFor: voteCount.nullish().transform((v) => v ?? null),
    votesAgainst: voteCount.nullish().transform((v) => v ?? null),
    votesBlank: voteCount.nullish().transform((v) => v ?? null),
    postponedToMeetingId: Id.nullish().transform((v) => v ?? null),
    version: Version,
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'postponed' && v.decisionText === '') {
      ctx.addIssue({ code: 'custom', path: ['decisionText'], message: 'validation.required' });
    }
    if (v.outcome === 'adopted_with_changes' && !v.changedText) {
      ctx.addIssue({ code: 'custom', path: ['changedText'], message: 'validation.changedTextRequired' });
    }
    if (v.outcome === 'postponed' && !v.postponedToMeetingId) {
      ctx.addIssue({
        code: 'custom',
        path: ['postponedToMeetingId'],
        message: 'validation.choosePostponedMeeting',
      });
    }
    if (!v.unanimous && v.votesFor === null) {
      ctx.addIssue({ code: 'custom', path: ['votesFor'], message: 'validation.votesRequired' });
    }
  });
export type RecordDecisionInput = z.input<typeof RecordDecisionInput>;
