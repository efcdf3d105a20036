import { asc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.js';
import { agreementSubjectAreas, agreements, subjectAreas } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { contributions, type IndicatorRow } from '../contributions/contribution.table.js';
import { newCycle } from '../general-part/general-part.fixtures.js';
import { departments, regions } from '../registry/registry.table.js';

/**
 * Test data for the matrix and the export, written straight into the tables (the use cases that make
 * agreements and contributions are tested on their own) with an audit event per batch, as every write
 * appends one, so that cached reads see it.
 */

export type MatrixStatus = 'proposed' | 'discussed' | 'agreed' | 'dropped';

export type ContributionSeed = {
  agreementId: string;
  subjectAreaId: string;
  /** Null: the region's own. */
  departmentId: string | null;
  status?: MatrixStatus;
  kind?: 'measure' | 'project' | 'instrument' | 'commitment';
  title?: string;
  description?: string;
  responsible?: string | null;
  budget?: number | null;
  timeFrame?: string | null;
  indicators?: IndicatorRow[];
};

/** The demo's departments and regions by name. */
export async function registryByName(t: TestApp) {
  const db = t.database.db;
  const deps = await db.select().from(departments).orderBy(asc(departments.name));
  const regs = await db.select().from(regions).orderBy(asc(regions.name));
  const department = (name: string) => {
    const found = deps.find((d) => d.name.includes(name));
    if (!found) throw new Error(`no demo department like ${name}`);
    return found;
  };
  const region = (name: string) => {
    const found = regs.find((r) => r.name.includes(name));
    if (!found) throw new Error(`no demo region like ${name}`);
    return found;
  };
  return { departments: deps, regions: regs, department, region };
}

/** A cycle of its own with the given subject areas and an agreement for each given region. */
export async function matrixCycle(t: TestApp, areaNames: string[], regionIds: string[]) {
  const { cycle, draft } = await newCycle(t);
  const db = t.database.db;
  return db.transaction(async (tx) => {
    // A new cycle may come with default subject areas: those named here are used, the others added after.
    const existing = await tx
      .select()
      .from(subjectAreas)
      .where(eq(subjectAreas.cycleId, cycle.id))
      .orderBy(asc(subjectAreas.position));
    const missing = areaNames.filter(
      (name) => !existing.some((a) => a.name.toLowerCase() === name.toLowerCase()),
    );
    const added =
      missing.length === 0
        ? []
        : await tx
            .insert(subjectAreas)
            .values(missing.map((name, i) => ({ cycleId: cycle.id, name, position: existing.length + i })))
            .returning();
    const areas = [...existing, ...added];
    const made = await tx
      .insert(agreements)
      .values(
        regionIds.map((regionId) => ({
          cycleId: cycle.id,
          regionId,
          generalPartVersionId: draft.id,
          periodFrom: cycle.periodFrom,
          periodTo: cycle.periodTo,
        })),
      )
      .returning();
    await appendAudit(
      tx,
      { actor: t.actors.admin, requestId: 'test' },
      {
        action: 'agreement.create',
        entityType: 'agreement',
        entityId: made[0]?.id ?? cycle.id,
        before: null,
        after: null,
      },
    );
    const agreementOf = (regionId: string) => {
      const found = made.find((a) => a.regionId === regionId);
      if (!found) throw new Error('no agreement for the region');
      return found.id;
    };
    const area = (name: string) => {
      const found = areas.find((a) => a.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new Error(`no subject area ${name}`);
      return found.id;
    };
    return { cycle, areas, agreements: made, agreementOf, area };
  });
}

/** Contributions as given (title, position and the rest filled in), in one audited batch. */
export async function addContributions(t: TestApp, cycleId: string, seeds: ContributionSeed[]) {
  const db = t.database.db;
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(contributions)
      .values(
        seeds.map((s, i) => ({
          agreementId: s.agreementId,
          cycleId,
          subjectAreaId: s.subjectAreaId,
          ownerDepartmentId: s.departmentId,
          kind: s.kind ?? 'measure',
          title: s.title ?? `Bidrag ${i + 1}`,
          description: s.description ?? '',
          responsible: s.responsible ?? null,
          budgetNokPerYear: s.budget ?? null,
          timeFrame: s.timeFrame ?? null,
          indicators: s.indicators ?? [],
          status: s.status ?? 'proposed',
          position: i,
        })),
      )
      .returning();
    await appendAudit(
      tx,
      { actor: t.actors.admin, requestId: 'test' },
      {
        action: 'contribution.create',
        entityType: 'contribution',
        entityId: rows[0]?.id ?? cycleId,
        before: null,
        after: null,
      },
    );
    return rows;
  });
}

/** A region's wish for a subject area, audited. */
export async function wantSubjectArea(t: TestApp, agreementId: string, subjectAreaId: string) {
  await t.database.db.transaction(async (tx) => {
    await tx
      .insert(agreementSubjectAreas)
      .values({ agreementId, subjectAreaId, justification: 'Vi trenger dette.' });
    await appendAudit(
      tx,
      { actor: t.actors.admin, requestId: 'test' },
      {
        action: 'agreement.wantSubjectArea',
        entityType: 'agreement',
        entityId: agreementId,
        before: null,
        after: { subjectAreaId },
      },
    );
  });
}

/** Sets a department active or not, audited. */
export async function setDepartmentActive(t: TestApp, departmentId: string, active: boolean) {
  await t.database.db.transaction(async (tx) => {
    await tx.update(departments).set({ active }).where(eq(departments.id, departmentId));
    await appendAudit(
      tx,
      { actor: t.actors.admin, requestId: 'test' },
      {
        action: 'department.update',
        entityType: 'department',
        entityId: departmentId,
        before: null,
        after: { active },
      },
    );
  });
}
