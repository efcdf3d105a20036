import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { ActorCtx, Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { county, departments, municipalities, regionMemberships, regions } from './registry.table.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The shape of `data/demo/viken-2020.json`. */
export const VikenFile = z.object({
  county: z.object({ name: z.string(), number: z.string().regex(/^\d{2}$/) }),
  municipalities: z.array(
    z.object({
      number: z.string().regex(/^\d{4}$/),
      name: z.string().min(1),
      county: z.string(),
      countyName: z.string().optional(),
      validFrom: date.optional(),
      validTo: date.optional(),
      outsideCounty: z.boolean().optional(),
    }),
  ),
  regions: z.array(
    z.object({
      name: z.string().min(1),
      writtenStandard: z.enum(['nb', 'nn']).optional(),
      members: z.array(z.object({ municipality: z.string(), from: date, to: date.optional() })),
    }),
  ),
  departments: z.array(z.object({ name: z.string().min(1) })),
});
export type VikenFile = z.infer<typeof VikenFile>;

export type ImportSummary = { created: number; updated: number; unchanged: number };

/**
 * Loads a county's registry (county, departments, municipalities, regions and their dated members) in one
 * transaction. Re-running it updates names and dates and adds what is missing, never duplicates.
 */
export async function importViken(ctx: Ctx, raw: unknown): Promise<ImportSummary> {
  const actx = authorize(ctx, adminOnly);
  const parsed = VikenFile.safeParse(raw);
  if (!parsed.success)
    throw new AppError('validation', [{ field: '_', code: 'validation.invalid', params: {} }]);
  const file = parsed.data;
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  await actx.db.transaction(async (tx) => {
    await upsertCounty(tx, actx, file.county, summary);
    for (const d of file.departments) await upsertDepartment(tx, actx, d.name, summary);
    const idByNumber = new Map<string, string>();
    for (const m of file.municipalities) {
      idByNumber.set(
        m.number,
        await upsertMunicipality(
          tx,
          actx,
          {
            number: m.number,
            name: m.name,
            validFrom: m.validFrom ?? null,
            validTo: m.validTo ?? null,
            outsideCounty: m.outsideCounty ?? m.county !== file.county.number,
            countyNumber: m.county,
            countyName: m.countyName ?? (m.county === file.county.number ? file.county.name : null),
          },
          summary,
        ),
      );
    }
    for (const r of file.regions) {
      const regionId = await upsertRegion(tx, actx, r.name, r.writtenStandard ?? 'nb', summary);
      for (const member of r.members) {
        const municipalityId = idByNumber.get(member.municipality);
        if (!municipalityId)
          throw new AppError('validation', [
            { field: 'regions', code: 'validation.unknownMunicipality', params: {} },
          ]);
        await upsertMembership(tx, actx, regionId, municipalityId, member.from, member.to ?? null, summary);
      }
    }
  });
  return summary;
}

async function upsertCounty(
  tx: Tx,
  ctx: ActorCtx,
  c: { name: string; number: string },
  summary: ImportSummary,
) {
  const [before] = await tx.select().from(county);
  if (before && before.name === c.name && before.number === c.number) {
    summary.unchanged++;
    return;
  }
  const [after] = await tx
    .insert(county)
    .values({ name: c.name, number: c.number })
    .onConflictDoUpdate({
      target: county.id,
      set: { name: c.name, number: c.number, version: sql`${county.version} + 1`, updatedAt: sql`now()` },
    })
    .returning();
  if (before) summary.updated++;
  else summary.created++;
  await appendAudit(tx, ctx, {
    action: before ? 'county.update' : 'county.create',
    entityType: 'county',
    entityId: 'county',
    before: before ?? null,
    after,
  });
}

async function upsertDepartment(tx: Tx, ctx: ActorCtx, name: string, summary: ImportSummary) {
  const [existing] = await tx
    .select()
    .from(departments)
    .where(sql`lower(${departments.name}) = lower(${name})`);
  if (existing) {
    summary.unchanged++;
    return existing.id;
  }
  const [row] = await tx.insert(departments).values({ name }).returning();
  if (!row) throw new Error('insert returned nothing');
  summary.created++;
  await appendAudit(tx, ctx, {
    action: 'department.create',
    entityType: 'department',
    entityId: row.id,
    before: null,
    after: row,
  });
  return row.id;
}

export type MunicipalityValues = {
  number: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  outsideCounty?: boolean;
  countyNumber?: string | null;
  countyName?: string | null;
};

/** Finds a municipality by its SSB number and brings its name and dates up to date, or creates it. */
export async function upsertMunicipality(
  tx: Tx,
  ctx: ActorCtx,
  values: MunicipalityValues,
  summary: ImportSummary,
) {
  const [existing] = await tx.select().from(municipalities).where(eq(municipalities.number, values.number));
  if (!existing) {
    const [row] = await tx.insert(municipalities).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    summary.created++;
    await appendAudit(tx, ctx, {
      action: 'municipality.create',
      entityType: 'municipality',
      entityId: row.id,
      before: null,
      after: row,
    });
    return row.id;
  }
  const changed = (Object.keys(values) as (keyof MunicipalityValues)[]).some(
    (k) => values[k] !== undefined && values[k] !== existing[k],
  );
  if (!changed) {
    summary.unchanged++;
    return existing.id;
  }
  const [row] = await tx
    .update(municipalities)
    .set({ ...values, version: sql`${municipalities.version} + 1`, updatedAt: sql`now()` })
    .where(eq(municipalities.id, existing.id))
    .returning();
  summary.updated++;
  await appendAudit(tx, ctx, {
    action: 'municipality.update',
    entityType: 'municipality',
    entityId: existing.id,
    before: existing,
    after: row,
  });
  return existing.id;
}

async function upsertRegion(
  tx: Tx,
  ctx: ActorCtx,
  name: string,
  writtenStandard: 'nb' | 'nn',
  summary: ImportSummary,
) {
  const [existing] = await tx.select().from(regions).where(sql`lower(${regions.name}) = lower(${name})`);
  if (existing) {
    if (existing.writtenStandard === writtenStandard) {
      summary.unchanged++;
      return existing.id;
    }
    const [row] = await tx
      .update(regions)
      .set({ writtenStandard, version: sql`${regions.version} + 1`, updatedAt: sql`now()` })
      .where(eq(regions.id, existing.id))
      .returning();
    summary.updated++;
    await appendAudit(tx, ctx, {
      action: 'region.update',
      entityType: 'region',
      entityId: existing.id,
      before: existing,
      after: row,
    });
    return existing.id;
  }
  const [row] = await tx.insert(regions).values({ name, writtenStandard }).returning();
  if (!row) throw new Error('insert returned nothing');
  summary.created++;
  await appendAudit(tx, ctx, {
    action: 'region.create',
    entityType: 'region',
    entityId: row.id,
    before: null,
    after: row,
  });
  return row.id;
}

async function upsertMembership(
  tx: Tx,
  ctx: ActorCtx,
  regionId: string,
  municipalityId: string,
  validFrom: string,
  validTo: string | null,
  summary: ImportSummary,
) {
  const [existing] = await tx
    .select()
    .from(regionMemberships)
    .where(
      and(
        eq(regionMemberships.regionId, regionId),
        eq(regionMemberships.municipalityId, municipalityId),
        eq(regionMemberships.validFrom, validFrom),
      ),
    );
  if (existing) {
    if (existing.validTo === validTo) {
      summary.unchanged++;
      return;
    }
    const [row] = await tx
      .update(regionMemberships)
      .set({ validTo, version: sql`${regionMemberships.version} + 1`, updatedAt: sql`now()` })
      .where(eq(regionMemberships.id, existing.id))
      .returning();
    summary.updated++;
    await appendAudit(tx, ctx, {
      action: 'membership.update',
      entityType: 'membership',
      entityId: existing.id,
      before: existing,
      after: row,
    });
    return;
  }
  const [row] = await tx
    .insert(regionMemberships)
    .values({ regionId, municipalityId, validFrom, validTo })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  summary.created++;
  await appendAudit(tx, ctx, {
    action: 'membership.create',
    entityType: 'membership',
    entityId: row.id,
    before: null,
    after: row,
  });
}
