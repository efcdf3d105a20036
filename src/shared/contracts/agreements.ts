import { z } from 'zod';
import { Id, IsoDate, optionalText, page, requiredText, safeString, Version } from './common.js';
import { PersonRef, VersionState } from './general-part.js';
import { RegionRef } from './hearings.js';
import { WrittenStandard } from './registry.js';

/**
 * Agreements: one per region in a cycle. Each pins the general part version it uses; its parties (the
 * county and the region's member municipalities on the agreement's first day) are derived, never stored.
 * Subject areas are a per-cycle list the region marks the ones it wants from, with a short justification.
 */

// ---- Subject areas ----

export const SubjectArea = z.object({
  id: z.string(),
  cycleId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Order in the cycle, 0 first: the order documents and the matrix use. */
  position: z.number(),
  version: z.number(),
});
export type SubjectArea = z.infer<typeof SubjectArea>;

export const SubjectAreaRef = z.object({ id: z.string(), name: z.string() });
export type SubjectAreaRef = z.infer<typeof SubjectAreaRef>;

/** The subject areas a new cycle starts with, in this order (bokmål, as the admin keeps them). */
export const defaultSubjectAreas = [
  'Samferdsel',
  'Utdanning og kompetanse',
  'Næring',
  'Klima og miljø',
  'Kultur',
  'Folkehelse',
] as const;

export const CreateSubjectAreaInput = z.object({
  name: requiredText(200),
  description: optionalText(2000),
  /** Absent: last. */
  position: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0).optional(),
});
export type CreateSubjectAreaInput = z.infer<typeof CreateSubjectAreaInput>;

export const UpdateSubjectAreaInput = z.object({
  name: requiredText(200).optional(),
  description: optionalText(2000).optional(),
  /** Moves the area to this place in the cycle's order; the others shift to make room. */
  position: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0).optional(),
  version: Version,
});
export type UpdateSubjectAreaInput = z.infer<typeof UpdateSubjectAreaInput>;

// ---- Agreements ----

export const AgreementGeneralPartVersion = z.object({
  id: z.string(),
  number: z.number(),
  state: VersionState,
});
export type AgreementGeneralPartVersion = z.infer<typeof AgreementGeneralPartVersion>;

export const GeneralPartVersionRef = z.object({ id: z.string(), number: z.number() });
export type GeneralPartVersionRef = z.infer<typeof GeneralPartVersionRef>;

/** What an agreement holds so far: wanted subject areas and its contributions (all, and agreed). */
export const AgreementCounts = z.object({
  wantedSubjectAreas: z.number(),
  contributions: z.number(),
  agreedContributions: z.number(),
});
export type AgreementCounts = z.infer<typeof AgreementCounts>;

export const AgreementSummary = z.object({
  id: z.string(),
  cycleId: z.string(),
  region: RegionRef,
  writtenStandard: WrittenStandard,
  periodFrom: z.string(),
  periodTo: z.string(),
  /** The general part version the agreement uses. */
  generalPartVersion: AgreementGeneralPartVersion,
  /** The cycle's approved version when it is newer than the pinned one (drift); else null. */
  newerGeneralPartVersion: GeneralPartVersionRef.nullable(),
  /** For optimistic concurrency: send it back with a change. */
  version: z.number(),
  counts: AgreementCounts.optional(),
});
export type AgreementSummary = z.infer<typeof AgreementSummary>;

export const AgreementMunicipality = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  /** The municipality belongs to another county than the agreement's county. */
  outsideCounty: z.boolean(),
});
export type AgreementMunicipality = z.infer<typeof AgreementMunicipality>;

export const AgreementParties = z.object({
  county: z.object({ name: z.string() }),
  /** The region's members on the agreement's first day, by name. */
  municipalities: z.array(AgreementMunicipality),
});
export type AgreementParties = z.infer<typeof AgreementParties>;

export const WantedSubjectArea = z.object({
  subjectArea: SubjectAreaRef,
  justification: z.string(),
  markedBy: PersonRef.nullable(),
  markedAt: z.string(),
});
export type WantedSubjectArea = z.infer<typeof WantedSubjectArea>;

export const GeneralPartMove = z.object({
  from: GeneralPartVersionRef,
  to: GeneralPartVersionRef,
  reason: z.string(),
  movedBy: PersonRef.nullable(),
  movedAt: z.string(),
});
export type GeneralPartMove = z.infer<typeof GeneralPartMove>;

export const Agreement = AgreementSummary.extend({
  /** "Partnerskapsavtale mellom <county> og <region>", in the agreement's written standard. */
  title: z.string(),
  parties: AgreementParties,
  /** In the cycle's subject area order. */
  wantedSubjectAreas: z.array(WantedSubjectArea),
  /** Oldest first. */
  generalPartMoves: z.array(GeneralPartMove),
});
export type Agreement = z.infer<typeof Agreement>;

/** The columns the agreements table sorts by (web: AgreementListPage). */
export const agreementSortKeys = [
  'region',
  'period',
  'generalPart',
  'wanted',
  'contributions',
  'agreed',
] as const;
export type AgreementSortKey = (typeof agreementSortKeys)[number];

/**
 * A cycle's agreements. Without `limit`, every agreement by region name (the lists that choose among them:
 * a meeting's regions, a batch); with it, a page of the agreements table: those whose region's name holds
 * `q`, in the column's order, a region contact's own region first, from the row after `cursor`.
 */
export const AgreementListQuery = z.object({
  cycle: Id,
  q: safeString().trim().max(200).optional(),
  sort: z.enum(agreementSortKeys, { error: 'validation.invalid' }).default('region'),
  dir: z.enum(['asc', 'desc'], { error: 'validation.invalid' }).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: safeString().max(2000).optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;
export type AgreementListParams = z.input<typeof AgreementListQuery>;

/** The agreements asked for, with how many the cycle has (`total`) and how many pass `q` (`matching`). */
export const AgreementList = page(AgreementSummary).extend({
  total: z.number().int(),
  matching: z.number().int(),
});
export type AgreementList = z.infer<typeof AgreementList>;

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

/**
 * Creates the agreements of a cycle. `regionIds` absent (or `all: true`): every region that has none yet.
 * Regions named that already have one are refused (409), so a repeated request never makes a second.
 */
export const CreateAgreementsInput = z.object({
  cycleId: Id,
  regionIds: z
    .array(Id, { error: 'validation.invalid' })
    .min(1, { error: 'validation.noRegions' })
    .max(2000, { error: 'validation.invalid' })
    .refine(uniqueIds, { error: 'validation.duplicateRegion' })
    .optional(),
  all: z.boolean({ error: 'validation.invalid' }).optional(),
});
export type CreateAgreementsInput = z.infer<typeof CreateAgreementsInput>;

export const UpdateAgreementInput = z
  .object({ periodFrom: IsoDate.optional(), periodTo: IsoDate.optional(), version: Version })
  .refine((v) => !v.periodFrom || !v.periodTo || v.periodTo > v.periodFrom, {
    error: 'validation.endBeforeStart',
    path: ['periodTo'],
  });
export type UpdateAgreementInput = z.infer<typeof UpdateAgreementInput>;

export const MoveGeneralPartInput = z.object({
  versionId: Id,
  reason: requiredText(2000),
  version: Version,
});
export type MoveGeneralPartInput = z.infer<typeof MoveGeneralPartInput>;

export const WantedSubjectAreaParams = z.object({ id: Id, subjectAreaId: Id });
export type WantedSubjectAreaParams = z.infer<typeof WantedSubjectAreaParams>;

export const MarkSubjectAreaInput = z.object({ justification: requiredText(1000) });
export type MarkSubjectAreaInput = z.infer<typeof MarkSubjectAreaInput>;

/** Where the web app shows an agreement. */
export { agreementPath } from './paths.js';
