import { and, eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.js';
import { auditTrail } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { CreateContributionBody } from '../../shared/contracts/contributions.js';
import { agreementSubjectAreas, agreements, subjectAreas } from '../agreements/agreement.table.js';
import type { Db } from '../db/client.js';
import { newCycle } from '../general-part/general-part.fixtures.js';
import { mailOutbox } from '../mail/mail.table.js';

/**
 * Test data for the contributions' database tests: a cycle of its own with three subject areas and the
 * agreements of the two demo regions whose contacts the tests sign in as (Indre Østfold and Hallingdal),
 * written straight to the tables so the tests depend on nothing but the schema.
 */

export const appUrl = 'https://partnerskap.viken.test';
export const links = { appUrl };
export const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

export async function agreementsFixture(t: TestApp) {
  const { cycle, draft } = await newCycle(t);
  const db = t.database.db;
  // A new cycle may start with the default list; the tests use exactly these three, in this order.
  await db.delete(subjectAreas).where(eq(subjectAreas.cycleId, cycle.id));
  const areas = await db
    .insert(subjectAreas)
    .values(
      ['Samferdsel', 'Næring', 'Kultur'].map((name, position) => ({ cycleId: cycle.id, name, position })),
    )
    .returning();
  const [transport, business, culture] = areas;
  if (!transport || !business || !culture) throw new Error('subject areas missing');
  const regionIds = [t.actors.region.regionId, t.actors.otherRegion.regionId];
  const rows = await db
    .insert(agreements)
    .values(
      regionIds.map((regionId) => ({
        cycleId: cycle.id,
        regionId: regionId ?? '',
        generalPartVersionId: draft.id,
        periodFrom: cycle.periodFrom,
        periodTo: cycle.periodTo,
      })),
    )
    .returning();
  const own = rows.find((r) => r.regionId === t.actors.region.regionId);
  const other = rows.find((r) => r.regionId === t.actors.otherRegion.regionId);
  if (!own || !other) throw new Error('agreements missing');
  // Indre Østfold wants business development.
  await db.insert(agreementSubjectAreas).values({
    agreementId: own.id,
    subjectAreaId: business.id,
    justification: 'Flere arbeidsplasser i regionen.',
  });
  return { cycle, areas: { transport, business, culture }, own, other };
}

/** A measure of the demo's "Samferdsel" department (the department editor's own). */
export const departmentItem = (
  t: TestApp,
  subjectAreaId: string,
  over: Partial<CreateContributionBody> = {},
): CreateContributionBody => ({
  subjectAreaId,
  kind: 'measure',
  owner: { type: 'department', departmentId: t.actors.department.departmentId ?? '' },
  title: 'Bedre busstilbud mellom kommunesentrene',
  description: 'Halvtimesavganger i rushtiden.',
  responsible: 'Seksjonsleder kollektiv',
  budgetNokPerYear: 2_500_000,
  timeFrame: '2025–2027',
  indicators: [{ name: 'Påstigninger per år', baseline: '120 000', target: '150 000', unit: 'reiser' }],
  ...over,
});

/** A commitment of the region itself. */
export const regionItem = (subjectAreaId: string, over: Partial<CreateContributionBody> = {}) =>
  ({
    subjectAreaId,
    kind: 'commitment',
    owner: { type: 'region' },
    title: 'Regionen stiller med prosjektleder',
    ...over,
  }) satisfies CreateContributionBody;

const ownTables = [
  'subject_areas',
  'agreements',
  'agreement_subject_areas',
  'contributions',
  'contribution_status_changes',
  'contribution_comments',
] as const;

/** The shared fingerprint of the registry, the general part and the audit log, and this feature's tables. */
export async function fullSnapshot(db: Db): Promise<string> {
  const parts = [await snapshot(db)];
  for (const table of ownTables) {
    const result = (await db.execute(
      sql.raw(
        `select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h, count(*)::int as n from ${table} t`,
      ),
    )) as { rows: { h: string; n: number }[] };
    parts.push(`${table}:${result.rows[0]?.n}:${result.rows[0]?.h}`);
  }
  return parts.join('\n');
}

/** The audit events of one entity, oldest first. */
export const auditOf = auditTrail;

export const outboxFor = (t: TestApp, contributionId: string) =>
  t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.entityType, 'contribution'), eq(mailOutbox.entityId, contributionId)))
    .orderBy(mailOutbox.to);
