import { z } from 'zod';
import { Id } from './common.js';

/**
 * A reporting round's annual report: for the county as a whole, or for one region (`region`) in the region's
 * written standard. Made on request as DOCX or PDF; nothing is stored.
 */
export const roundReportFormats = ['docx', 'pdf'] as const;
export const RoundReportQuery = z.object({
  format: z.enum(roundReportFormats, { error: 'validation.invalid' }),
  region: Id.optional(),
});
export type RoundReportQuery = z.infer<typeof RoundReportQuery>;

/** Making the round's annual report a political case for the executive board; a board meeting may be chosen. */
export const RoundCaseInput = z.object({ meetingId: Id.nullish().transform((v) => v ?? null) });
export type RoundCaseInput = z.infer<typeof RoundCaseInput>;
