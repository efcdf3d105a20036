import {
  type EqualTreatment,
  type EqualTreatmentColumn,
  EqualTreatmentQuery,
  type EqualTreatmentRegion,
  type RegionCell,
} from '../../shared/contracts/follow-up-rollup.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { derivedValue } from '../platform/read-cache.js';
import { latestPopulations } from '../registry/population-reads.js';
import { countyInhabitants, perInhabitant, type RegionSums, regionInhabitants } from './equal-treatment.js';
import { osloDate } from './get-rollup.js';
import { afterKey, compareKeys, pageAfter, type SortKey } from './paging.js';
import { cycleOf, equalTreatmentNames, membershipsOfCycle, sumPerRegion } from './rollup-reads.js';

/** A column with a cell for every region, in the regions' order; a page takes its regions' cells. */
type WholeColumn = Omit<EqualTreatmentColumn, 'cells'> & { cells: EqualTreatmentColumn['cells'] };

/** The whole view: the county's figures and fences, every region in the order they are paged, every column. */
type WholeView = Omit<EqualTreatment, 'items' | 'nextCursor' | 'subjectAreas' | 'departments'> & {
  regions: { key: SortKey; row: EqualTreatmentRegion & { index: number } }[];
  subjectAreas: WholeColumn[];
  departments: WholeColumn[];
};

/**
 * The whole view is kept while nothing is written, and each page is made from it once and kept with it
 * (`derivedValue`, as the roll-up's pages: see get-rollup.ts), so after a write it is worked out once.
 */
const views = createReadCache<WholeView | null>({ maxEntries: 16 });

/**
 * What each region got from the county in a cycle's agreements in force: commitments and kroner in total,
 * per subject area and per department, per inhabitant, with outliers marked (rules in equal-treatment.ts).
 * The inhabitants are those of the regions' members on `date`: by default today in Oslo, held within the
 * cycle's period (its last day once the period is over, its first before it starts).
 *
 * The regions come a page at a time by name (`limit`, `cursor`), and each subject area's and department's
 * cells are the page's regions', in the same order: at national size every column repeated a cell for each
 * of 1,200 regions, megabytes a screen showed a hundred rows of. The county's figures and the fences are made
 * over every region, so a region on any page is judged against all of them.
 */
export async function getEqualTreatment(ctx: Ctx, raw: unknown): Promise<EqualTreatment> {
  authorize(ctx, everyone);
  const query = parse(EqualTreatmentQuery, raw ?? {});
  const after = afterKey(query.cursor);
  const whole = await views.read(
    ctx,
    'every scope',
    (now) => `${query.cycle}|${query.date ?? ''}|${osloDate(now)}`,
    (reader, now) => loadEqualTreatment(reader, query, osloDate(now)),
  );
  if (!whole) throw notFound();
  return derivedValue(whole, `${query.limit}|${query.cursor ?? ''}`, (): EqualTreatment => {
    const { regions, subjectAreas, departments, ...figures } = whole;
    const page = pageAfter(regions, after, query.limit);
    const cellsOf = (column: WholeColumn): EqualTreatmentColumn => ({
      ...column,
      cells: page.rows.map((region) => {
        const cell = column.cells[region.index];
        if (!cell) throw new Error('a region without figures');
        return cell;
      }),
    });
    return {
      ...figures,
      items: page.rows.map(({ index: _index, ...region }) => region),
      subjectAreas: subjectAreas.map(cellsOf),
      departments: departments.map(cellsOf),
      nextCursor: page.nextCursor,
    };
  });
}

async function loadEqualTreatment(
  db: Db | Tx,
  query: Pick<EqualTreatmentQuery, 'cycle' | 'date'>,
  today: string,
): Promise<WholeView | null> {
  const cycle = await cycleOf(db, query.cycle);
  if (!cycle) return null;
  const date =
    query.date ??
    (today < cycle.periodFrom ? cycle.periodFrom : today > cycle.periodTo ? cycle.periodTo : today);
  const sums = await sumPerRegion(db, cycle.id);
  const memberships = await membershipsOfCycle(db, cycle.id);
  const { items: counts } = await latestPopulations(db, date);
  const names = await equalTreatmentNames(db, cycle.id);

  const regions = names
    .filter((n) => n.kind === 'region')
    .map((r) => ({ key: { rank: 0, name: r.name, id: r.id }, row: r }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((r, index) => ({ key: r.key, row: { ...r.row, index } }));
  const regionIds = regions.map((r) => r.row.id);
  const people = regionInhabitants(regionIds, memberships, counts, date);
  const municipalityName = new Map(memberships.map((m) => [m.municipalityId, m.municipalityName]));
  const nameOf = (id: string) => municipalityName.get(id) ?? id;

  const regionRow = new Map(
    sums.filter((s) => !s.subjectAreaId && !s.departmentId).map((s) => [s.regionId, s]),
  );
  const totals = perInhabitant(
    regionIds.map((regionId) => ({
      regionId,
      commitments: regionRow.get(regionId)?.commitments ?? 0,
      kroner: regionRow.get(regionId)?.kroner ?? 0,
    })),
    people,
  );
  const cellOf = (r: (typeof totals.regions)[number]): RegionCell => ({
    commitments: r.commitments,
    kroner: r.kroner,
    kronerPerInhabitant: r.kronerPerInhabitant,
    commitmentsPer10k: r.commitmentsPer10k,
    kronerOutlier: r.kronerOutlier,
    commitmentsOutlier: r.commitmentsOutlier,
  });

  const columns = (kind: 'subject-area' | 'department'): WholeColumn[] =>
    names
      .filter((n) => n.kind === kind)
      .flatMap((column) => {
        const inColumn = sums.filter((s) =>
          kind === 'subject-area' ? s.subjectAreaId === column.id : s.departmentId === column.id,
        );
        if (inColumn.every((s) => s.commitments === 0)) return [];
        const byRegion = new Map(inColumn.map((s) => [s.regionId, s]));
        const figures = perInhabitant(
          regionIds.map(
            (regionId): RegionSums => ({
              regionId,
              commitments: byRegion.get(regionId)?.commitments ?? 0,
              kroner: byRegion.get(regionId)?.kroner ?? 0,
            }),
          ),
          people,
        );
        return [
          {
            id: column.id,
            name: column.name,
            cells: figures.regions.map((cell) => ({
              kronerPerInhabitant: cell.kronerPerInhabitant,
              kronerOutlier: cell.kronerOutlier,
            })),
          },
        ];
      });

  const countyPeople = countyInhabitants(memberships, counts, date);
  const countyCommitments = totals.regions.reduce((n, r) => n + r.commitments, 0);
  const countyKroner = totals.regions.reduce((n, r) => n + r.kroner, 0);
  return {
    cycle: { id: cycle.id, name: cycle.name },
    date,
    county: {
      inhabitants: countyPeople,
      commitments: countyCommitments,
      kroner: countyKroner,
      kronerPerInhabitant: countyPeople ? Math.round(countyKroner / countyPeople) : null,
    },
    count: regions.length,
    kronerFences: totals.kronerFences,
    commitmentsFences: totals.commitmentsFences,
    regions: regions.map(({ key, row: region }) => {
      const p = people.get(region.id);
      const figures = totals.regions[region.index];
      if (!figures) throw new Error('a region without figures');
      const row: EqualTreatmentRegion & { index: number } = {
        index: region.index,
        id: region.id,
        name: region.name,
        inhabitants: p?.inhabitants ?? null,
        members: p?.members ?? 0,
        shared: (p?.shared ?? []).map(nameOf).sort(),
        withoutCount: (p?.withoutCount ?? []).map(nameOf).sort(),
        ownCommitments: regionRow.get(region.id)?.ownCommitments ?? 0,
        ownKroner: regionRow.get(region.id)?.ownKroner ?? 0,
        total: cellOf(figures),
      };
      return { key, row };
    }),
    subjectAreas: columns('subject-area'),
    departments: columns('department'),
  };
}
