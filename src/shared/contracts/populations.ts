import { z } from 'zod';
import { IsoDate, requiredText, safeString } from './common.js';

/** A municipality's number of inhabitants on a date, with the figure's source. */
export const Population = z.object({
  municipalityId: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  count: z.number(),
  countedOn: z.string(),
  source: z.string(),
  version: z.number(),
});
export type Population = z.infer<typeof Population>;

export const PopulationList = z.object({ items: z.array(Population) });
export type PopulationList = z.infer<typeof PopulationList>;

/** Sets the count of one municipality on one date; a count already there for the date is replaced. */
export const SetPopulationInput = z.object({
  count: z
    .number({ error: 'validation.populationCountNumber' })
    .int({ error: 'validation.populationCountNumber' })
    .min(0, { error: 'validation.populationCountNumber' })
    .max(20_000_000, { error: 'validation.populationCountNumber' }),
  countedOn: IsoDate,
  source: requiredText(200),
});
export type SetPopulationInput = z.infer<typeof SetPopulationInput>;

/** Each municipality's latest count on or before `date` (today when absent). */
export const PopulationListQuery = z.object({ date: IsoDate.optional() });
export type PopulationListQuery = z.infer<typeof PopulationListQuery>;

/** The largest population file taken: SSB's table for every municipality in the country is about 20 kB. */
export const populationFileMaxChars = 2_000_000;

/**
 * SSB's population table (07459 or 11342) downloaded from Statistikkbanken as semicolon-separated CSV with
 * its header rows, sent as text. Counts are dated 1 January of their column's year, as SSB counts them.
 */
export const ImportPopulationInput = z.object({
  content: safeString({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .max(populationFileMaxChars, { error: 'validation.populationFileTooLarge' }),
  source: requiredText(200),
});
export type ImportPopulationInput = z.infer<typeof ImportPopulationInput>;

export const PopulationImportSummary = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Rows that are no municipality (the country, a county, 9999) or whose figure SSB marks as missing. */
  skipped: z.number(),
  /** The dates of the counts the file held, oldest first. */
  dates: z.array(z.string()),
});
export type PopulationImportSummary = z.infer<typeof PopulationImportSummary>;
