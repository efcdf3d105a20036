import { z } from 'zod';
import { IsoDate, requiredText, UploadedFile, Version } from './common.js';
import { checkUniqueSectionKeys, comparisonOf } from './document-versions.js';
import { RichTextDoc, RichTextInput } from './rich-text.js';

// ---- Cycles ----

export const cycleStatuses = ['planning', 'active', 'closed'] as const;
export const CycleStatus = z.enum(cycleStatuses);
export type CycleStatus = z.infer<typeof CycleStatus>;

export const Cycle = z.object({
  id: z.string(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: CycleStatus,
  /**
   * How many of the county's people a collaboration or final meeting may have for each of the region's
   * before its page warns (2: two to one).
   */
  representationRatio: z.number(),
  version: z.number(),
});
export type Cycle = z.infer<typeof Cycle>;

/** The ratio of the county's side to the region's: from one to one up to twenty to one, in halves. */
export const RepresentationRatio = z
  .number({ error: 'validation.required' })
  .min(1, { error: 'validation.ratioRange' })
  .max(20, { error: 'validation.ratioRange' })
  .multipleOf(0.5, { error: 'validation.ratioRange' });

const periodRule = (v: { periodFrom?: string; periodTo?: string }) =>
  !v.periodFrom || !v.periodTo || v.periodTo > v.periodFrom;
const periodIssue = { error: 'validation.endBeforeStart', path: ['periodTo'] };

export const CreateCycleInput = z
  .object({
    name: requiredText(200),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    status: CycleStatus.default('planning'),
    representationRatio: RepresentationRatio.default(2),
  })
  .refine(periodRule, periodIssue);
export type CreateCycleInput = z.infer<typeof CreateCycleInput>;

export const UpdateCycleInput = z
  .object({
    name: requiredText(200).optional(),
    periodFrom: IsoDate.optional(),
    periodTo: IsoDate.optional(),
    status: CycleStatus.optional(),
    representationRatio: RepresentationRatio.optional(),
    version: Version,
  })
  .refine(periodRule, periodIssue);
export type UpdateCycleInput = z.infer<typeof UpdateCycleInput>;

// ---- The general part: versions of ordered sections ----

/**
 * The sections every general part must have (the seed document: parties, period, purpose, anchoring,
 * implementation). Their keys are stable across versions and cycles; their titles are what a new cycle
 * starts with, in bokmål.
 */
export const requiredSections = [
  { key: 'parties', title: 'Avtalepartnere' },
  { key: 'period', title: 'Avtaleperiode' },
  { key: 'purpose', title: 'Formål' },
  { key: 'anchoring', title: 'Forankring' },
  { key: 'implementation', title: 'Gjennomføring' },
] as const;
export const requiredSectionKeys: readonly string[] = requiredSections.map((s) => s.key);

export const versionStates = ['draft', 'on_hearing', 'approved', 'superseded'] as const;
export const VersionState = z.enum(versionStates);
export type VersionState = z.infer<typeof VersionState>;

/** A section's identity across versions: compare matches sections on it. */
export const SectionKey = z
  .string({ error: 'validation.sectionKey' })
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'validation.sectionKey' });

export const PersonRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const Section = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  body: RichTextDoc,
  position: z.number(),
  required: z.boolean(),
});
export type Section = z.infer<typeof Section>;

/** The county executive board's decision that made a version the cycle's general part. */
export const Approval = z.object({
  date: z.string(),
  body: z.string(),
  caseNumber: z.string(),
  decisionText: z.string(),
  recordedAt: z.string(),
  recordedBy: PersonRef.nullable(),
});
export type Approval = z.infer<typeof Approval>;

export const GeneralPartVersionSummary = z.object({
  id: z.string(),
  cycleId: z.string(),
  number: z.number(),
  state: VersionState,
  basedOnVersionId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: PersonRef.nullable(),
  /** For optimistic concurrency: send it back with a change to the sections or an approval. */
  version: z.number(),
  approval: Approval.nullable(),
});
export type GeneralPartVersionSummary = z.infer<typeof GeneralPartVersionSummary>;

/** The most documents one approval may have. */
export const maxApprovalAttachments = 10;

/** A document belonging to a version's approval (the signed decision, say): PDF or DOCX. */
export const ApprovalAttachment = z.object({ id: z.string(), versionId: z.string(), ...UploadedFile.shape });
export type ApprovalAttachment = z.infer<typeof ApprovalAttachment>;

export const GeneralPartVersion = GeneralPartVersionSummary.extend({
  sections: z.array(Section),
  /** The approval's documents, oldest first; empty unless the version has been approved. */
  approvalAttachments: z.array(ApprovalAttachment),
});
export type GeneralPartVersion = z.infer<typeof GeneralPartVersion>;

/** A cycle's general part: its versions, newest first, with the current (approved) one and the draft named. */
export const GeneralPart = z.object({
  cycleId: z.string(),
  currentVersionId: z.string().nullable(),
  draftVersionId: z.string().nullable(),
  versions: z.array(GeneralPartVersionSummary),
});
export type GeneralPart = z.infer<typeof GeneralPart>;

export const maxSections = 100;

export const SectionInput = z.object({
  /** Absent for a new section: the server gives it a key. */
  key: SectionKey.optional(),
  title: requiredText(200),
  body: RichTextInput,
});
export type SectionInput = z.infer<typeof SectionInput>;

export const UpdateSectionsInput = z
  .object({
    version: Version,
    sections: z.array(SectionInput).max(maxSections, { error: 'validation.tooManySections' }),
  })
  .superRefine((input, ctx) => {
    checkUniqueSectionKeys(input.sections, ctx);
  });
export type UpdateSectionsInput = z.infer<typeof UpdateSectionsInput>;

export const ApproveVersionInput = z.object({
  date: IsoDate,
  /** The body that decided, e.g. "Fylkesrådet". */
  body: requiredText(200),
  /** The body's case number, e.g. "123/20". */
  caseNumber: requiredText(50),
  decisionText: requiredText(20_000),
  version: Version,
});
export type ApproveVersionInput = z.infer<typeof ApproveVersionInput>;

// ---- Compare ----

export const VersionRef = z.object({
  id: z.string(),
  cycleId: z.string(),
  number: z.number(),
  state: VersionState,
});
export type VersionRef = z.infer<typeof VersionRef>;

export const Comparison = comparisonOf(VersionRef);
export type Comparison = z.infer<typeof Comparison>;

// ---- The nynorsk text of an approved version ----

/** A section's nynorsk text, entered by the coordinator for an approved version. */
export const NynorskText = z.object({ title: z.string(), body: RichTextDoc });
export type NynorskText = z.infer<typeof NynorskText>;

/** A section of an approved version in bokmål, beside its nynorsk text (null until one is entered). */
export const NynorskSection = z.object({
  key: z.string(),
  title: z.string(),
  body: RichTextDoc,
  nynorsk: NynorskText.nullable(),
});
export type NynorskSection = z.infer<typeof NynorskSection>;

/**
 * A version's nynorsk text, section by section. Documents for a region whose written standard is nynorsk
 * use it when every section has one (`complete`), else the bokmål.
 */
export const GeneralPartNynorsk = z.object({
  versionId: z.string(),
  cycleId: z.string(),
  number: z.number(),
  state: VersionState,
  /** The version's `version`: send it back with the nynorsk text. */
  version: z.number(),
  complete: z.boolean(),
  sections: z.array(NynorskSection),
});
export type GeneralPartNynorsk = z.infer<typeof GeneralPartNynorsk>;

export const NynorskSectionInput = z.object({
  key: SectionKey,
  title: requiredText(200),
  body: RichTextInput,
});
export type NynorskSectionInput = z.infer<typeof NynorskSectionInput>;

/** The nynorsk text of every section of an approved version, which replaces any entered before. */
export const UpdateNynorskInput = z
  .object({
    version: Version,
    sections: z.array(NynorskSectionInput).max(maxSections, { error: 'validation.tooManySections' }),
  })
  .superRefine((input, ctx) => {
    checkUniqueSectionKeys(input.sections, ctx);
  });
export type UpdateNynorskInput = z.infer<typeof UpdateNynorskInput>;

/** The general part of one version as DOCX or PDF. */
export const generalPartDocumentFormats = ['docx', 'pdf'] as const;
export const GeneralPartDocumentQuery = z.object({
  format: z.enum(generalPartDocumentFormats, { error: 'validation.invalid' }),
});
export type GeneralPartDocumentQuery = z.infer<typeof GeneralPartDocumentQuery>;
