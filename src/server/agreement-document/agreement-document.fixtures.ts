import { asc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { contributions, type IndicatorRow } from '../contributions/contribution.table.js';
import { approveVersion } from '../general-part/approve-version.js';
import { approval, filledCycle, textBody } from '../general-part/general-part.fixtures.js';
import { departments, regions } from '../registry/registry.table.js';
import { specialPartSections, specialPartVersions } from '../special-part/special-part.table.js';

/**
 * Test data for the agreement document and archive: an agreement of a region in a new cycle of its own,
 * pinned to the cycle's approved general part, with subject areas, contributions in every status and,
 * when asked, a special part version. Written to the tables directly, so the tests read exactly what they
 * wrote whatever the demo holds.
 */

export type FixtureContribution = {
  area: number;
  title: string;
  kind: 'measure' | 'project' | 'instrument' | 'commitment';
  /** A department by name, or the region when null. */
  owner: string | null;
  status: 'proposed' | 'discussed' | 'agreed' | 'dropped';
  budget?: number | null;
  timeFrame?: string | null;
  responsible?: string | null;
  description?: string;
  indicators?: IndicatorRow[];
};

export const fixtureAreas = ['Næringsutvikling og reiseliv', 'Kompetanse og fagskole', 'Kollektivtransport'];

export const fixtureContributions: FixtureContribution[] = [
  {
    area: 0,
    title: 'Etablerertjeneste for nye bedrifter',
    kind: 'measure',
    owner: 'Næring',
    status: 'agreed',
    budget: 450_000,
    timeFrame: '2025–2027',
    responsible: 'Rådgiver for etablerere',
    description: 'Gratis veiledning for alle som vil starte bedrift i regionen.',
    indicators: [{ name: 'Nye foretak per år', baseline: '40', target: '60', unit: 'foretak' }],
  },
  {
    area: 0,
    title: 'Regionen som reisemål',
    kind: 'project',
    owner: null,
    status: 'agreed',
    budget: 1_250_000,
    timeFrame: 'Hele perioden',
  },
  {
    area: 1,
    title: 'Fagskoleavdeling med studietilbud i regionen',
    kind: 'commitment',
    owner: 'Utdanning og kompetanse',
    status: 'agreed',
    budget: null,
    timeFrame: 'Fra høsten 2026',
  },
  {
    area: 2,
    title: 'Kveldsavganger på regionbussen',
    kind: 'instrument',
    owner: 'Samferdsel',
    status: 'agreed',
  },
  {
    area: 2,
    title: 'Bestillingstransport i grendene',
    kind: 'measure',
    owner: 'Samferdsel',
    status: 'proposed',
  },
  { area: 1, title: 'Nedlagt kursprogram for lærlinger', kind: 'project', owner: null, status: 'dropped' },
];

export const specialSectionTitles = ['Innledning', 'Oppfølging og rapportering'];

type Options = {
  regionName: string;
  contributions?: FixtureContribution[];
  /** The special part's first version: none, a draft, or agreed (with its frozen snapshot). */
  specialPart?: 'none' | 'draft' | 'agreed';
};

/** A new cycle of its own with an approved general part and the fixture's subject areas. */
export async function fixtureCycle(t: TestApp) {
  const db = t.database.db;
  const { cycle, draft } = await filledCycle(t);
  await approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
  const existing = await db.select().from(subjectAreas).where(eq(subjectAreas.cycleId, cycle.id));
  const areas = await db
    .insert(subjectAreas)
    .values(fixtureAreas.map((name, i) => ({ cycleId: cycle.id, name, position: existing.length + i })))
    .returning();
  return { cycle, generalPart: draft, areas };
}

export type FixtureCycle = Awaited<ReturnType<typeof fixtureCycle>>;

export async function agreementFixture(t: TestApp, options: Options & { in?: FixtureCycle }) {
  const db = t.database.db;
  const { cycle, generalPart: draft, areas } = options.in ?? (await fixtureCycle(t));
  const [region] = await db.select().from(regions).where(eq(regions.name, options.regionName));
  if (!region) throw new Error(`no region ${options.regionName}`);
  const [agreement] = await db
    .insert(agreements)
    .values({
      cycleId: cycle.id,
      regionId: region.id,
      generalPartVersionId: draft.id,
      periodFrom: cycle.periodFrom,
      periodTo: cycle.periodTo,
    })
    .returning();
  if (!agreement) throw new Error('no agreement');

  const departmentIds = new Map(
    (await db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [
      d.name,
      d.id,
    ]),
  );
  const items = options.contributions ?? fixtureContributions;
  if (items.length > 0) {
    await db.insert(contributions).values(
      items.map((c, position) => {
        const area = areas[c.area];
        if (!area) throw new Error(`no subject area ${c.area}`);
        const ownerDepartmentId = c.owner === null ? null : departmentIds.get(c.owner);
        if (ownerDepartmentId === undefined) throw new Error(`no department ${c.owner}`);
        return {
          agreementId: agreement.id,
          cycleId: cycle.id,
          subjectAreaId: area.id,
          kind: c.kind,
          ownerDepartmentId,
          title: c.title,
          description: c.description ?? '',
          responsible: c.responsible ?? null,
          budgetNokPerYear: c.budget ?? null,
          timeFrame: c.timeFrame ?? null,
          indicators: c.indicators ?? [],
          status: c.status,
          position,
        };
      }),
    );
  }

  const special = options.specialPart ?? 'agreed';
  if (special !== 'none') await addSpecialPart(t, agreement.id, special);
  return { cycle, generalPart: draft, agreement, region, areas };
}

/** The snapshot a sent or agreed version freezes: the agreed contributions grouped by subject area. */
export async function contributionsSnapshot(t: TestApp, agreementId: string) {
  const db = t.database.db;
  const [agreement] = await db
    .select({ regionId: regions.id, regionName: regions.name, writtenStandard: regions.writtenStandard })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.id, agreementId));
  if (!agreement) throw new Error('no agreement');
  const rows = await db
    .select({ item: contributions, area: subjectAreas, department: departments.name })
    .from(contributions)
    .innerJoin(subjectAreas, eq(subjectAreas.id, contributions.subjectAreaId))
    .leftJoin(departments, eq(departments.id, contributions.ownerDepartmentId))
    .where(eq(contributions.agreementId, agreementId))
    .orderBy(asc(subjectAreas.position), asc(contributions.position));
  const groups: { id: string; name: string; contributions: unknown[] }[] = [];
  for (const { item, area, department } of rows) {
    if (item.status !== 'agreed') continue;
    let group = groups.at(-1);
    if (group?.id !== area.id) {
      group = { id: area.id, name: area.name, contributions: [] };
      groups.push(group);
    }
    group.contributions.push({
      id: item.id,
      title: item.title,
      description: item.description,
      kind: item.kind,
      owner: item.ownerDepartmentId
        ? { type: 'department', id: item.ownerDepartmentId, name: department ?? '' }
        : { type: 'region', id: agreement.regionId, name: agreement.regionName },
      responsible: item.responsible,
      budgetNokPerYear: item.budgetNokPerYear,
      timeFrame: item.timeFrame,
      indicators: item.indicators,
    });
  }
  return {
    writtenStandard: agreement.writtenStandard,
    generatedAt: new Date().toISOString(),
    subjectAreas: groups,
    body: textBody('Bidragene slik de ble avtalt.') satisfies RichTextDoc,
  };
}

async function addSpecialPart(t: TestApp, agreementId: string, state: 'draft' | 'agreed') {
  const db = t.database.db;
  const agreed = state === 'agreed';
  const [version] = await db
    .insert(specialPartVersions)
    .values({
      agreementId,
      number: 1,
      state,
      contributionsSnapshot: agreed ? await contributionsSnapshot(t, agreementId) : null,
      sentAt: agreed ? new Date('2025-03-01T10:00:00Z') : null,
      agreedAt: agreed ? new Date('2025-03-12T10:00:00Z') : null,
    })
    .returning();
  if (!version) throw new Error('no special part version');
  await db.insert(specialPartSections).values([
    {
      versionId: version.id,
      key: 'innledning',
      title: specialSectionTitles[0] ?? '',
      body: textBody('Regionens egen del av avtalen.'),
      position: 0,
    },
    { versionId: version.id, key: 'contributions', title: 'Bidrag', body: textBody(''), position: 1 },
    {
      versionId: version.id,
      key: 'oppfolging',
      title: specialSectionTitles[1] ?? '',
      body: textBody('Partene møtes to ganger i året.'),
      position: 2,
    },
  ]);
  return version;
}
