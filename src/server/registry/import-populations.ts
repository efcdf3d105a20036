import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldIssue } from '../../shared/contracts/field-errors.js';
import { ImportPopulationInput, type PopulationImportSummary } from '../../shared/contracts/populations.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { municipalityPopulations } from './population.table.js';
import { municipalities } from './registry.table.js';
import { parsePopulationCsv } from './ssb-population-csv.js';

/**
 * Imports SSB's population table as a CSV file (see `ssb-population-csv.ts` for the shape). Every problem
 * is found before anything is written, each named by its line: a municipality number the registry does not
 * know, a figure that is no count, the same municipality twice. With any, nothing changes. Otherwise one
 * transaction sets each count (created, replaced, or left as it was) with an audit event per change.
 */
export async function importPopulations(ctx: Ctx, raw: unknown): Promise<PopulationImportSummary> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(ImportPopulationInput, raw);
  const parsed = parsePopulationCsv(input.content);
  const issues: FieldIssue[] = [...parsed.issues];

  const numbers = [...new Set(parsed.counts.map((c) => c.number))];
  const known =
    numbers.length === 0
      ? []
      : await actx.db
          .select({ id: municipalities.id, number: municipalities.number })
          .from(municipalities)
          .where(inArray(municipalities.number, numbers));
  const idByNumber = new Map(known.map((m) => [m.number, m.id]));
  const reported = new Set<string>();
  for (const c of parsed.counts) {
    if (idByNumber.has(c.number) || reported.has(c.number)) continue;
    reported.add(c.number);
    issues.push({
      field: `lines.${c.line}`,
      code: 'validation.populationUnknownMunicipality',
      params: { line: c.line, number: c.number, name: c.name },
    });
  }
  if (issues.length > 0) {
    const lineOf = (i: FieldIssue) => (typeof i.params.line === 'number' ? i.params.line : 0);
    throw new AppError(
      'validation',
      issues.sort((a, b) => lineOf(a) - lineOf(b)),
    );
  }

  const summary: PopulationImportSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: parsed.skipped,
    dates: [...new Set(parsed.counts.map((c) => c.countedOn))].sort(),
  };
  await actx.db.transaction(async (tx) => {
    const ids = [...idByNumber.values()];
    // The municipalities' rows are locked, as a single count's use case locks its one, so an import and a
    // hand-set count of the same municipality follow one another.
    await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(inArray(municipalities.id, ids))
      .orderBy(municipalities.id)
      .for('update');
    const existing = await tx
      .select()
      .from(municipalityPopulations)
      .where(
        and(
          inArray(municipalityPopulations.municipalityId, ids),
          inArray(municipalityPopulations.countedOn, summary.dates),
        ),
      );
    const byKey = new Map(existing.map((row) => [`${row.municipalityId}:${row.countedOn}`, row]));
    const created: (typeof municipalityPopulations.$inferInsert)[] = [];
    for (const c of parsed.counts) {
      const municipalityId = idByNumber.get(c.number) as string;
      const before = byKey.get(`${municipalityId}:${c.countedOn}`);
      const values = { count: c.count, countedOn: c.countedOn, source: input.source };
      if (before && before.count === c.count && before.source === input.source) {
        summary.unchanged++;
        continue;
      }
      if (before) {
        await tx
          .update(municipalityPopulations)
          .set({ count: c.count, source: input.source, version: before.version + 1, updatedAt: sql`now()` })
          .where(eq(municipalityPopulations.id, before.id));
        summary.updated++;
      } else {
        created.push({ municipalityId, ...values });
        summary.created++;
      }
      await appendAudit(tx, actx, {
        action: before ? 'population.update' : 'population.create',
        entityType: 'municipality',
        entityId: municipalityId,
        before: before ? { count: before.count, countedOn: before.countedOn, source: before.source } : null,
        after: { ...values, municipalityNumber: c.number },
      });
    }
    // The new counts in one statement: a county's whole table is a few hundred rows.
    if (created.length > 0) await tx.insert(municipalityPopulations).values(created);
  });
  return summary;
}
