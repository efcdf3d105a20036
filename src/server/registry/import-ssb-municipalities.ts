import { z } from 'zod';
import { optionalIsoDate, requiredText } from '../../shared/contracts/common.js';
import { type FieldIssue, fieldIssues } from '../../shared/contracts/field-errors.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { type ImportSummary, upsertMunicipality } from './import-viken.js';
import { county } from './registry.table.js';

/**
 * The part of an SSB KLASS `codesAt` answer for classification 131 (municipalities) that we use, e.g.
 * https://data.ssb.no/api/klass/v1/classifications/131/codesAt.json?date=2020-01-01. Other fields
 * (parentCode, level, shortName, notes...) are ignored.
 */
const SsbCodesAt = z.object({
  codes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      validFrom: z.string().nullish(),
      validTo: z.string().nullish(),
    }),
  ),
});

/** A code we keep must make a valid municipality: a name and, if given, real dates in order. */
const KeptCode = z
  .object({ name: requiredText(200), validFrom: optionalIsoDate, validTo: optionalIsoDate })
  .refine((v) => !v.validFrom || !v.validTo || v.validTo > v.validFrom, {
    error: 'validation.endBeforeStart',
    path: ['validTo'],
  });

/** 9999 is SSB's "Uoppgitt" (unknown); it and anything that is not a four-digit number is no municipality. */
const isMunicipalityCode = (code: string) => /^\d{4}$/.test(code) && code !== '9999';

export type SsbImportSummary = ImportSummary & { skipped: number };

/**
 * Brings the municipalities up to date with SSB's list: finds each by its number, updates its name and
 * dates, creates what is missing, never duplicates. County number and "outside the county" follow from the
 * number's first two digits. One transaction: a file with one bad entry changes nothing.
 */
export async function importSsbMunicipalities(ctx: Ctx, raw: unknown): Promise<SsbImportSummary> {
  const actx = authorize(ctx, adminOnly);
  const file = SsbCodesAt.safeParse(raw);
  if (!file.success) throw new AppError('validation', fieldIssues(file.error.issues));

  const summary: SsbImportSummary = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const kept: { number: string; name: string; validFrom: string | null; validTo: string | null }[] = [];
  const issues: FieldIssue[] = [];
  file.data.codes.forEach((entry, index) => {
    if (!isMunicipalityCode(entry.code.trim())) {
      summary.skipped++;
      return;
    }
    const parsed = KeptCode.safeParse(entry);
    if (parsed.success) kept.push({ number: entry.code.trim(), ...parsed.data });
    else
      issues.push(
        ...fieldIssues(parsed.error.issues).map((i) => ({ ...i, field: `codes.${index}.${i.field}` })),
      );
  });
  if (issues.length > 0) throw new AppError('validation', issues);

  await actx.db.transaction(async (tx) => {
    const [home] = await tx.select().from(county);
    for (const code of kept) {
      const countyNumber = code.number.slice(0, 2);
      const inCounty = home ? countyNumber === home.number : undefined;
      await upsertMunicipality(
        tx,
        actx,
        {
          ...code,
          countyNumber,
          // Without a county row nothing is known to be outside it; the county's own name is known, another's
          // is not in SSB's list and is left as it is.
          outsideCounty: inCounty === undefined ? undefined : !inCounty,
          countyName: inCounty ? home?.name : undefined,
        },
        summary,
      );
    }
  });
  return summary;
}
