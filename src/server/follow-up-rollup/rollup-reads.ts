import { type SQL, sql } from 'drizzle-orm';
import type { RollupDimension } from '../../shared/contracts/follow-up-rollup.js';
import type { Db, Tx } from '../db/client.js';
import { emptyTally, rollupStatuses, type Tally } from './rollup.js';

/**
 * The roll-up's and equal treatment's queries: each adds up a cycle's commitments per group and side in SQL, into the sums the
 * pure rules (rollup.ts) make figures of, so a national cycle (160,000 commitments) is read in a fixed
 * number of queries and never row by row. `facts` is each commitment with its latest submitted report
 * (by the round's deadline, then the time it was submitted) and whether it is overdue on `today`: past its
 * end date and neither done nor dropped, or not reported in a round whose deadline has passed.
 */
const facts = (cycleId: string, today: string | null) => sql`
  latest as (
    select distinct on (r.commitment_id) r.commitment_id, r.status, r.progress
    from commitment_reports r
    join reporting_rounds rr on rr.id = r.round_id
    where rr.cycle_id = ${cycleId} and r.state = 'submitted'
    order by r.commitment_id, rr.deadline desc, r.submitted_at desc
  ),
  ${
    today === null
      ? sql`facts as materialized (
    select c.id, c.agreement_id, a.region_id, c.owner_department_id, c.subject_area_id,
      c.owner_department_id is not null as county_side,
      c.budget_nok, c.state = 'withdrawn' as withdrawn, l.status, l.progress, false as overdue
    from commitments c
    join agreements a on a.id = c.agreement_id
    left join latest l on l.commitment_id = c.id
    where c.cycle_id = ${cycleId}
  )`
      : sql`missed as (
    select distinct rc.commitment_id
    from reporting_round_commitments rc
    join reporting_rounds rr on rr.id = rc.round_id
    left join commitment_reports r
      on r.round_id = rc.round_id and r.commitment_id = rc.commitment_id and r.state = 'submitted'
    where rr.cycle_id = ${cycleId} and rr.deadline < ${today}::date and r.id is null
  ),
  facts as materialized (
    select c.id, c.agreement_id, a.region_id, c.owner_department_id, c.subject_area_id,
      c.owner_department_id is not null as county_side,
      c.budget_nok, c.state = 'withdrawn' as withdrawn, l.status, l.progress,
      ((c.ends_on < ${today}::date and coalesce(l.status, '') not in ('done', 'dropped'))
        or m.commitment_id is not null) as overdue
    from commitments c
    join agreements a on a.id = c.agreement_id
    left join latest l on l.commitment_id = c.id
    left join missed m on m.commitment_id = c.id
    where c.cycle_id = ${cycleId}
  )`
  }`;

const keyOf: Record<RollupDimension, SQL> = {
  region: sql.raw('f.region_id'),
  agreement: sql.raw('f.agreement_id'),
  department: sql.raw('f.owner_department_id'),
  'subject-area': sql.raw('f.subject_area_id'),
};

export type SideTally = { key: string | null; countySide: boolean; tally: Tally };

type TallyRow = Record<string, string | number | boolean | null>;
const num = (v: unknown) => Number(v ?? 0);

/**
 * The commitments' sums per group and side (the county's when a department owns it, else the region's), with
 * the indicators of the counted commitments (owed, not dropped) judged by rollup.ts's `indicatorStanding`:
 * the latest submitted value against the one before it (or the baseline), reached at or past the target,
 * behind the latest goal or target due by the value's date. One statement: `facts` is made once.
 */
export async function tallyRollup(
  db: Db | Tx,
  cycleId: string,
  today: string,
  by: RollupDimension,
): Promise<SideTally[]> {
  const owed = sql.raw('not f.withdrawn');
  const counted = sql.raw("not f.withdrawn and f.status is distinct from 'dropped'");
  const statusCounts = sql.join(
    rollupStatuses.map((s) =>
      s === 'not_reported'
        ? sql`count(*) filter (where ${owed} and f.status is null)::int as "not_reported"`
        : sql`count(*) filter (where ${owed} and f.status = ${s})::int as ${sql.identifier(s)}`,
    ),
    sql`, `,
  );
  const result = (await db.execute(sql`
    with ${facts(cycleId, today)},
    commitment_sums as (
      select ${keyOf[by]}::text as key, f.county_side,
        count(*) filter (where ${owed})::int as commitments,
        count(*) filter (where f.withdrawn)::int as withdrawn,
        count(*) filter (where ${counted})::int as counted,
        count(*) filter (where ${counted} and f.budget_nok > 0)::int as with_budget,
        coalesce(sum(f.budget_nok) filter (where ${counted} and f.budget_nok > 0), 0)::float8 as budget_nok,
        coalesce(sum(case when f.status is null then 0 else coalesce(f.progress, 0) end)
          filter (where ${counted}), 0)::float8 as progress_sum,
        coalesce(sum(case when f.status is null then 0 else coalesce(f.progress, 0) end * f.budget_nok::float8)
          filter (where ${counted} and f.budget_nok > 0), 0)::float8 as budget_progress_sum,
        count(*) filter (where ${owed} and f.overdue)::int as overdue,
        ${statusCounts}
      from facts f
      group by 1, 2
    ),
    vals as (
      select v.indicator_id, v.value, v.measured_on,
        row_number() over (partition by v.indicator_id order by v.measured_on desc, r.submitted_at desc, v.id) as rn
      from report_indicator_values v
      join commitment_reports r on r.id = v.report_id and r.state = 'submitted'
      join reporting_rounds rr on rr.id = r.round_id and rr.cycle_id = ${cycleId}
    ),
    ind as (
      select ${keyOf[by]}::text as key, f.county_side, i.direction = 'higher' as higher,
        i.baseline_value as b, i.target_value as t, l.value as lv, p.value as pv,
        (select g.value from (
            select value, due_on, 0 as is_target from indicator_goals where indicator_id = i.id
            union all select i.target_value, i.target_on, 1
          ) g
          where g.due_on <= l.measured_on order by g.due_on desc, g.is_target desc limit 1) as due
      from commitment_indicators i
      join facts f on f.id = i.commitment_id
      left join vals l on l.indicator_id = i.id and l.rn = 1
      left join vals p on p.indicator_id = i.id and p.rn = 2
      where not f.withdrawn and f.status is distinct from 'dropped'
    ),
    judged as (
      select key, county_side, lv, due, higher,
        case
          when lv is null then 'no_value'
          when (higher and lv >= t) or (not higher and lv <= t) then 'reached'
          when lv = coalesce(pv, b) then 'unchanged'
          when (higher and lv > coalesce(pv, b)) or (not higher and lv < coalesce(pv, b)) then 'towards'
          else 'away'
        end as movement
      from ind
    ),
    indicator_sums as (
      select key, county_side,
        count(*) filter (where movement = 'reached')::int as reached,
        count(*) filter (where movement = 'towards')::int as towards,
        count(*) filter (where movement = 'away')::int as away,
        count(*) filter (where movement = 'unchanged')::int as unchanged,
        count(*) filter (where movement = 'no_value')::int as no_value,
        count(*) filter (where due is not null and ((higher and lv < due) or (not higher and lv > due)))::int
          as behind_goal
      from judged
      group by 1, 2
    )
    select c.*, i.reached, i.towards, i.away, i.unchanged, i.no_value, i.behind_goal
    from commitment_sums c
    left join indicator_sums i on i.key is not distinct from c.key and i.county_side = c.county_side
  `)) as { rows: TallyRow[] };
  return result.rows.map((row) => {
    const tally = emptyTally();
    tally.commitments = num(row.commitments);
    tally.withdrawn = num(row.withdrawn);
    tally.counted = num(row.counted);
    tally.withBudget = num(row.with_budget);
    tally.budgetNok = num(row.budget_nok);
    tally.progressSum = num(row.progress_sum);
    tally.budgetProgressSum = num(row.budget_progress_sum);
    tally.overdue = num(row.overdue);
    for (const s of rollupStatuses) tally.statuses[s] = num(row[s]);
    tally.indicators = {
      reached: num(row.reached),
      towards: num(row.towards),
      away: num(row.away),
      unchanged: num(row.unchanged),
      no_value: num(row.no_value),
      behindGoal: num(row.behind_goal),
    };
    return { key: (row.key as string | null) ?? null, countySide: row.county_side === true, tally };
  });
}

/** The names of the groups, with what they are ordered by besides the name (a subject area's position). */
export async function groupNames(
  db: Db | Tx,
  cycleId: string,
  by: RollupDimension,
): Promise<{ id: string; name: string; position: number }[]> {
  const query: Record<RollupDimension, SQL> = {
    region: sql`select r.id::text as id, r.name, 0 as position from regions r
      where exists (select 1 from agreements a where a.region_id = r.id and a.cycle_id = ${cycleId})`,
    agreement: sql`select a.id::text as id, r.name, 0 as position
      from agreements a join regions r on r.id = a.region_id
      where a.cycle_id = ${cycleId}`,
    department: sql`select d.id::text as id, d.name, 0 as position from departments d`,
    'subject-area': sql`select s.id::text as id, s.name, s.position from subject_areas s
      where s.cycle_id = ${cycleId}`,
  };
  const result = (await db.execute(query[by])) as {
    rows: { id: string; name: string; position: number | string }[];
  };
  return result.rows.map((r) => ({ id: r.id, name: r.name, position: Number(r.position) }));
}

/** The cycle's name and period, or undefined when there is no such cycle. */
export async function cycleOf(
  db: Db | Tx,
  cycleId: string,
): Promise<{ id: string; name: string; periodFrom: string; periodTo: string } | undefined> {
  const result = (await db.execute(sql`
    select id::text as id, name, period_from::text as "periodFrom", period_to::text as "periodTo"
    from cycles where id = ${cycleId}
  `)) as { rows: { id: string; name: string; periodFrom: string; periodTo: string }[] };
  return result.rows[0];
}

export type RegionColumnSums = {
  regionId: string;
  /** Null on the region's own row; a subject area's or department's id on theirs. */
  subjectAreaId: string | null;
  departmentId: string | null;
  /** The county's commitments to the region (owned by a department): owed, and their kroner if not dropped. */
  commitments: number;
  kroner: number;
  /** The region's own commitments, on the region's own row only. */
  ownCommitments: number;
  ownKroner: number;
};

/**
 * What each region got, summed in one query by grouping sets: per region, per region and subject area, and
 * per region and department. Commitments owed count (not withdrawn); kroner are the budgets of those owed
 * and not dropped.
 */
export async function sumPerRegion(db: Db | Tx, cycleId: string): Promise<RegionColumnSums[]> {
  const result = (await db.execute(sql`
    with ${facts(cycleId, null)}
    select f.region_id::text as region_id, f.subject_area_id::text as subject_area_id,
      f.owner_department_id::text as department_id,
      grouping(f.subject_area_id, f.owner_department_id)::int as level,
      count(*) filter (where f.county_side)::int as commitments,
      coalesce(sum(f.budget_nok) filter (where f.county_side and f.status is distinct from 'dropped'), 0)::float8
        as kroner,
      count(*) filter (where not f.county_side)::int as own_commitments,
      coalesce(sum(f.budget_nok) filter (where not f.county_side and f.status is distinct from 'dropped'), 0)::float8
        as own_kroner
    from facts f
    where not f.withdrawn
    group by grouping sets ((f.region_id), (f.region_id, f.subject_area_id), (f.region_id, f.owner_department_id))
  `)) as { rows: Record<string, string | number | null>[] };
  return result.rows.flatMap((row) => {
    const level = num(row.level);
    // 3: the region's row; 1: by subject area; 2: by department (the regions' own, without one, left out).
    if (level === 2 && row.department_id === null) return [];
    return [
      {
        regionId: row.region_id as string,
        subjectAreaId: level === 1 ? (row.subject_area_id as string) : null,
        departmentId: level === 2 ? (row.department_id as string) : null,
        commitments: num(row.commitments),
        kroner: num(row.kroner),
        ownCommitments: level === 3 ? num(row.own_commitments) : 0,
        ownKroner: level === 3 ? num(row.own_kroner) : 0,
      },
    ];
  });
}

/** Every membership of every region with an agreement in the cycle, with the municipality's name. */
export async function membershipsOfCycle(
  db: Db | Tx,
  cycleId: string,
): Promise<
  {
    regionId: string;
    municipalityId: string;
    municipalityName: string;
    validFrom: string;
    validTo: string | null;
  }[]
> {
  const result = (await db.execute(sql`
    select m.region_id::text as "regionId", m.municipality_id::text as "municipalityId",
      mu.name as "municipalityName", m.valid_from::text as "validFrom", m.valid_to::text as "validTo"
    from region_memberships m
    join municipalities mu on mu.id = m.municipality_id
    where m.region_id in (select region_id from agreements where cycle_id = ${cycleId})
  `)) as {
    rows: {
      regionId: string;
      municipalityId: string;
      municipalityName: string;
      validFrom: string;
      validTo: string | null;
    }[];
  };
  return result.rows;
}

/** The regions with an agreement in the cycle, the cycle's subject areas and the departments, by name. */
export async function equalTreatmentNames(
  db: Db | Tx,
  cycleId: string,
): Promise<{ kind: 'region' | 'subject-area' | 'department'; id: string; name: string }[]> {
  const result = (await db.execute(sql`
    select * from (
      select 'region' as kind, r.id::text as id, r.name, 0 as position from regions r
        where exists (select 1 from agreements a where a.region_id = r.id and a.cycle_id = ${cycleId})
      union all
      select 'subject-area', s.id::text, s.name, s.position from subject_areas s where s.cycle_id = ${cycleId}
      union all
      select 'department', d.id::text, d.name, 0 from departments d
    ) n order by kind, position, name
  `)) as { rows: { kind: 'region' | 'subject-area' | 'department'; id: string; name: string }[] };
  return result.rows;
}
