import { z } from 'zod';
import { DispositionOutcome, Hearing, RegionRef } from './hearings.js';

/**
 * A hearing's input summary (innspillsoppsummering): per section of the version on hearing, in the
 * document's order, each region's input with the county's disposition and reason; then the input on the
 * whole document. The same data is the page in the app and the DOCX and PDF attached to a political case.
 */

export const summaryFormats = ['json', 'docx', 'pdf'] as const;
export const SummaryFormat = z.enum(summaryFormats, { error: 'validation.invalid' });
export type SummaryFormat = z.infer<typeof SummaryFormat>;

export const SummaryQuery = z.object({ format: SummaryFormat.default('json') });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const SummaryDisposition = z.object({
  outcome: DispositionOutcome,
  reason: z.string(),
  /** false while a department may still answer it: a draft, shown to county staff only. */
  final: z.boolean(),
  /** Where it was taken in: a version of the general part and, when given, one of its sections. */
  takenIn: z
    .object({
      versionNumber: z.number(),
      sectionKey: z.string().nullable(),
      sectionTitle: z.string().nullable(),
    })
    .nullable(),
});
export type SummaryDisposition = z.infer<typeof SummaryDisposition>;

export const SummaryEntry = z.object({
  inputId: z.string(),
  region: RegionRef,
  text: z.string(),
  /** Registered by the admin after the deadline. */
  late: z.boolean(),
  submittedAt: z.string(),
  attachments: z.array(z.string()),
  /** null: not answered yet (for a region contact also: answered, but not final yet). */
  disposition: SummaryDisposition.nullable(),
});
export type SummaryEntry = z.infer<typeof SummaryEntry>;

export const SummarySection = z.object({
  key: z.string(),
  title: z.string(),
  entries: z.array(SummaryEntry),
});
export type SummarySection = z.infer<typeof SummarySection>;

/** How many inputs got each outcome in a final disposition, and how many have none yet (a draft counts as none). */
export const OutcomeCounts = z.object({
  taken_in: z.number(),
  partly_taken_in: z.number(),
  not_taken_in: z.number(),
  noted: z.number(),
  unanswered: z.number(),
}) satisfies z.ZodType<Record<DispositionOutcome | 'unanswered', number>>;
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

export const InputSummary = z.object({
  /** The hearing with its cycle, version, kind, deadline, invited regions and counts. */
  hearing: Hearing,
  outcomes: OutcomeCounts,
  /** Every section of the version on hearing, in order, also those without input. */
  sections: z.array(SummarySection),
  /** Input on the whole document rather than one section. */
  wholeDocument: z.array(SummaryEntry),
  generatedAt: z.string(),
});
export type InputSummary = z.infer<typeof InputSummary>;
