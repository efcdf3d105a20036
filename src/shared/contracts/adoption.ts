import { z } from 'zod';
import { Id, IsoDate, optionalText, UploadedFile, Version } from './common.js';

/**
 * Adoption by every member municipality: each council's decision on an agreement, the changes bodies made
 * (divergences) and whether the agreement is in force (adoption/in-force.ts on the server).
 */

export const adoptionOutcomes = ['adopted', 'adopted_with_changes', 'rejected', 'postponed'] as const;
export const AdoptionOutcome = z.enum(adoptionOutcomes, { error: 'validation.chooseOutcome' });
export type AdoptionOutcome = z.infer<typeof AdoptionOutcome>;

export const divergenceResolutions = ['accepted', 'renegotiate'] as const;
export const DivergenceResolution = z.enum(divergenceResolutions, { error: 'validation.chooseResolution' });

export const Divergence = z.object({
  id: z.string(),
  /** Who made the change: the executive board (a case's treatment) or a municipal council. */
  source: z.enum(['board', 'municipality']),
  municipalityName: z.string().nullable(),
  changedText: z.string(),
  createdAt: z.string(),
  resolution: DivergenceResolution.nullable(),
  resolutionNote: z.string().nullable(),
  specialPartVersionId: z.string().nullable(),
  generalPartVersionId: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type Divergence = z.infer<typeof Divergence>;

export const MunicipalAdoption = z.object({
  id: z.string(),
  bodyMeetingId: z.string().nullable(),
  decidedOn: z.string(),
  caseReference: z.string().nullable(),
  recordUrl: z.string().nullable(),
  outcome: AdoptionOutcome,
  changedText: z.string().nullable(),
  recordedBy: z.string().nullable(),
  version: z.number(),
  /** The council's protocol (saksprotokoll) as a file, when someone attached it. */
  protocol: UploadedFile.nullable(),
});
export type MunicipalAdoption = z.infer<typeof MunicipalAdoption>;

export const AdoptionRow = z.object({
  municipalityId: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  /** The municipality's council, when the bodies are made. */
  councilId: z.string().nullable(),
  adoption: MunicipalAdoption.nullable(),
  /** Adopted as it stands, or with a change that was accepted. */
  counts: z.boolean(),
});
export type AdoptionRow = z.infer<typeof AdoptionRow>;

export const AgreementAdoption = z.object({
  agreementId: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  startDate: z.string(),
  inForce: z.boolean(),
  board: z
    .object({
      caseId: z.string(),
      outcome: z.string().nullable(),
      decidedOn: z.string().nullable(),
      approved: z.boolean(),
    })
    .nullable(),
  /** The county council's treatment, for information, beside it. */
  council: z
    .object({ caseId: z.string(), outcome: z.string().nullable(), decidedOn: z.string().nullable() })
    .nullable(),
  rows: z.array(AdoptionRow),
  divergences: z.array(Divergence),
  /** Whether the caller may record the municipalities' decisions. */
  mayRecord: z.boolean(),
});
export type AgreementAdoption = z.infer<typeof AgreementAdoption>;

const httpUrl = z
  .string({ error: 'validation.text' })
  .trim()
  .max(2000, { error: 'validation.tooLong' })
  .url({ error: 'validation.url' })
  .refine((v) => /^https?:\/\//i.test(v), { error: 'validation.url' })
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

export const RecordAdoptionInput = z
  .object({
    bodyMeetingId: Id.nullish().transform((v) => v ?? null),
    decidedOn: IsoDate,
    caseReference: optionalText(100),
    recordUrl: httpUrl,
    outcome: AdoptionOutcome,
    changedText: optionalText(20_000),
    /** The version of the decision recorded before, when changing it. */
    version: Version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'adopted_with_changes' && !v.changedText) {
      ctx.addIssue({ code: 'custom', path: ['changedText'], message: 'validation.changedTextRequired' });
    }
  });
export type RecordAdoptionInput = z.input<typeof RecordAdoptionInput>;

export const AdoptionParams = z.object({ id: Id, municipalityId: Id });

export const ResolveDivergenceInput = z
  .object({
    resolution: DivergenceResolution,
    /** Accepted: the new agreed special part version, or the new approved general part version, that holds it. */
    specialPartVersionId: Id.nullish().transform((v) => v ?? null),
    generalPartVersionId: Id.nullish().transform((v) => v ?? null),
    note: optionalText(4000),
  })
  .superRefine((v, ctx) => {
    if (v.resolution === 'accepted' && !v.specialPartVersionId && !v.generalPartVersionId) {
      ctx.addIssue({
        code: 'custom',
        path: ['specialPartVersionId'],
        message: 'validation.chooseNewVersion',
      });
    }
  });
export type ResolveDivergenceInput = z.input<typeof ResolveDivergenceInput>;
