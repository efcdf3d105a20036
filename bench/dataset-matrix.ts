import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../src/server/db/client.js';

/**
 * The departments × regions matrix of issue 4 on the national dataset: a cycle of its own with an
 * approved general part, six subject areas, an agreement for each of the 1,200 regions, and from each of
 * the 7 departments on average about 20 contributions per region (every tenth region has heard only from
 * the first three departments, and a few more cells are empty, as a matrix being filled in has), spread
 * over the subject areas and the four statuses; and a few of the region's own per region. Each region
 * wants three subject areas, so the regions that have heard from three departments only have wishes
 * no department has answered. Made by the database with `insert … select generate_series`.
 */
export const matrixScale = {
  subjectAreas: 6,
  /** Each non-empty department cell holds 11 … 31 contributions, 21 on average. */
  minPerCell: 11,
  spreadPerCell: 21,
  /** Every n-th region has contributions from the first `fewDepartments` departments only. */
  fewDepartmentsEvery: 10,
  fewDepartments: 3,
  /** And every n-th remaining cell is empty. */
  emptyCellEvery: 50,
  /** The region's own contributions (its commitments) per region. */
  regionOwn: 4,
  /** Subject areas each region wants. */
  wantedPerRegion: 3,
} as const;

export type MatrixFixtures = { cycleId: string; contributions: number };

type Uid = (key: SQL) => SQL;

const areaNames = [
  'Samferdsel',
  'Utdanning og kompetanse',
  'Næring',
  'Klima og miljø',
  'Kultur',
  'Folkehelse',
] as const;

const titles = sql`(array['Pendlerparkering ved stasjonen', 'Gründerservice i regionen', 'Fagskoletilbud innen helse', 'Reiselivsstrategi for regionen', 'Klimatilpasning langs vassdrag', 'Kulturskole i alle kommuner', 'Folkehelseoversikt og tiltak', 'Gang- og sykkelveg mellom tettstedene', 'Næringsarealer ved hovedvegen', 'Studiesenter med desentralisert utdanning'])`;
const kinds = sql`(array['measure', 'project', 'instrument', 'commitment'])`;
/** Weighted as a negotiation under way: most proposed or agreed, some discussed, a few dropped. */
const statuses = sql`(array['proposed', 'proposed', 'proposed', 'proposed', 'discussed', 'discussed', 'agreed', 'agreed', 'agreed', 'dropped'])`;

export async function generateMatrix(
  tx: Tx,
  ids: { uid: Uid; regions: number; departments: number },
): Promise<MatrixFixtures> {
  const { uid } = ids;
  const m = matrixScale;
  const n = (value: number) => sql.raw(String(value));
  const cycle = uid(sql`'cycle-matrix'`);
  const areaList = sql.raw(`array[${areaNames.map((a) => `'${a}'`).join(', ')}]`);

  await tx.execute(sql`
    insert into cycles (id, name, period_from, period_to, status)
    values (${cycle}, 'Partnerskapsavtaler 2029–2032', date '2029-01-01', date '2032-12-31', 'active')`);
  await tx.execute(sql`
    insert into document_versions (id, cycle_id, number, state, created_by, approved_on, approval_body,
                                   approval_case_number, approval_decision_text, approval_recorded_at)
    values (${uid(sql`'matrix-version'`)}, ${cycle}, 1, 'approved', ${uid(sql`'user-admin'`)}, date '2028-10-15',
            'Fylkestinget', '88/28', 'Fylkestinget godkjenner generell del.', timestamptz '2028-10-16 09:00+02')`);
  await tx.execute(sql`
    insert into subject_areas (id, cycle_id, name, position)
    select ${uid(sql`'matrix-area-' || g`)}, ${cycle}, (${areaList})[g], g - 1
    from generate_series(1, ${n(m.subjectAreas)}) g`);
  await tx.execute(sql`
    insert into agreements (id, cycle_id, region_id, general_part_version_id, period_from, period_to)
    select ${uid(sql`'matrix-agreement-' || r`)}, ${cycle}, ${uid(sql`'region-' || r`)},
           ${uid(sql`'matrix-version'`)}, date '2029-01-01', date '2032-12-31'
    from generate_series(1, ${n(ids.regions)}) r`);
  await tx.execute(sql`
    insert into agreement_subject_areas (agreement_id, subject_area_id, justification)
    select ${uid(sql`'matrix-agreement-' || r`)}, ${uid(sql`'matrix-area-' || (1 + (r + k) % ${n(m.subjectAreas)})`)},
           'Regionen prioriterer dette i perioden.'
    from generate_series(1, ${n(ids.regions)}) r, generate_series(0, ${n(m.wantedPerRegion - 1)}) k`);

  // Department d works mostly in two subject areas of its own; the first departments in the first ones,
  // so a region that has heard from three departments only has wishes left unanswered.
  const perCell = sql`case
      when r % ${n(m.fewDepartmentsEvery)} = 0 and d > ${n(m.fewDepartments)} then 0
      when (r * 7 + d) % ${n(m.emptyCellEvery)} = 0 then 0
      else ${n(m.minPerCell)} + (r * 7 + d) % ${n(m.spreadPerCell)} end`;
  await tx.execute(sql`
    insert into contributions (agreement_id, cycle_id, subject_area_id, kind, owner_department_id, title,
                               description, budget_nok_per_year, time_frame, status, position)
    select ${uid(sql`'matrix-agreement-' || r`)}, ${cycle},
           ${uid(sql`'matrix-area-' || (1 + (d - 1 + i % 2) % ${n(m.subjectAreas)})`)},
           ${kinds}[1 + i % 4], ${uid(sql`'department-' || d`)},
           ${titles}[1 + (r + d + i) % 10] || ' (' || i || ')',
           'Generert bidrag for ytelsesmåling.',
           case when i % 3 = 0 then 50000 * (1 + i % 20) end,
           '2029–2032',
           ${statuses}[1 + (r + i) % 10],
           i - 1
    from generate_series(1, ${n(ids.regions)}) r
    cross join generate_series(1, ${n(Math.min(7, ids.departments))}) d
    cross join lateral generate_series(1, ${perCell}) i`);
  await tx.execute(sql`
    insert into contributions (agreement_id, cycle_id, subject_area_id, kind, owner_department_id, title,
                               status, position)
    select ${uid(sql`'matrix-agreement-' || r`)}, ${cycle}, ${uid(sql`'matrix-area-' || (1 + (r + i) % ${n(m.subjectAreas)})`)},
           'commitment', null, 'Regionens forpliktelse ' || i, ${statuses}[1 + (r * 3 + i) % 10], i - 1
    from generate_series(1, ${n(ids.regions)}) r, generate_series(1, ${n(m.regionOwn)}) i`);

  const counted = (await tx.execute(
    sql`select count(*)::int as n from contributions where cycle_id = ${cycle}`,
  )) as { rows: { n: number }[] };
  const idRow = (await tx.execute(sql`select ${cycle}::text as id`)) as { rows: { id: string }[] };
  const cycleId = idRow.rows[0]?.id;
  if (!cycleId) throw new Error('the matrix cycle has no id');
  return { cycleId, contributions: counted.rows[0]?.n ?? 0 };
}
