import { sql } from 'drizzle-orm';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import type { Db, Tx } from '../db/client.js';
import type { DatedValue, Direction, ReportStatus } from '../follow-up-rollup/rollup.js';
import { notFound } from '../platform/errors.js';

/** A commitment of the round with its report in this round (null when the owner has not submitted one). */
export type RoundCommitment = {
  id: string;
  title: string;
  regionId: string;
  region: string;
  /** The owning department, or null for the region's own commitment. */
  departmentId: string | null;
  department: string | null;
  subjectArea: string;
  responsible: string | null;
  startsOn: string | null;
  endsOn: string | null;
  budgetNok: number | null;
  needsSeparateDecision: boolean;
  withdrawn: boolean;
  report: {
    status: ReportStatus;
    progress: number;
    /** What was done and what comes next; in the county's read only for a deviation (delayed, at risk, dropped). */
    done: RichTextDoc | null;
    next: RichTextDoc | null;
    spentNok: number | null;
  } | null;
  indicators: RoundIndicator[];
};

export type RoundIndicator = {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  goals: DatedValue[];
  /** The latest value submitted in this round or an earlier one of the cycle, and the one before it. */
  latest: DatedValue | null;
  previous: DatedValue | null;
};

export type RoundReportData = {
  county: string;
  round: { id: string; name: string; deadline: string; state: string };
  cycle: { id: string; name: string; periodFrom: string; periodTo: string };
  /** Every region with a commitment in the round, by name, with its written standard. */
  regions: { id: string; name: string; writtenStandard: 'nb' | 'nn' }[];
  commitments: RoundCommitment[];
};

type Row = Record<string, unknown>;
const rows = async (db: Db | Tx, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as { rows: Row[] }).rows;
const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * What the round's report tells, in four queries whatever the size: the round with its cycle and the county,
 * the round's commitments with their owner, region and this round's submitted report, their indicators with
 * goals, and the indicators' two latest values submitted in this round or an earlier round of the cycle (a
 * later round's values are not this report's). `regionId` narrows everything to one region's commitments.
 * For the county's report (`regionId` null) a report's texts (what was done, what comes next) are read only
 * when it is a deviation (delayed, at risk, dropped), the only ones that report prints: at national size the
 * texts of the other reports were most of what the read carried and parsed.
 */
export async function loadRoundReportData(
  db: Db | Tx,
  roundId: string,
  regionId: string | null,
): Promise<RoundReportData> {
  const [round] = await rows(
    db,
    sql`select rr.id::text as id, rr.name, rr.deadline::text as deadline, rr.state,
      c.id::text as cycle_id, c.name as cycle_name, c.period_from::text as period_from,
      c.period_to::text as period_to, (select name from county limit 1) as county
    from reporting_rounds rr join cycles c on c.id = rr.cycle_id where rr.id = ${roundId}`,
  );
  if (!round) throw notFound();
  const region = regionId === null ? sql`true` : sql`a.region_id = ${regionId}`;
  // The county's report tells the owners' texts of the deviations only; a region's report tells them all.
  const allTexts = regionId === null ? sql`false` : sql`true`;
  const commitmentRows = await rows(
    db,
    sql`select c.id::text as id, c.title, a.region_id::text as region_id, g.name as region,
      g.written_standard, c.owner_department_id::text as department_id, d.name as department,
      s.name as subject_area, coalesce(u.name, c.responsible_name) as responsible,
      c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.budget_nok,
      c.needs_separate_decision, c.state = 'withdrawn' as withdrawn,
      r.status, r.progress, r.spent_nok,
      case when ${allTexts} or r.status in ('delayed', 'at_risk', 'dropped') then r.done end as done,
      case when ${allTexts} or r.status in ('delayed', 'at_risk', 'dropped') then r.next end as next
    from reporting_round_commitments rc
    join commitments c on c.id = rc.commitment_id
    join agreements a on a.id = c.agreement_id
    join regions g on g.id = a.region_id
    join subject_areas s on s.id = c.subject_area_id
    left join departments d on d.id = c.owner_department_id
    left join users u on u.id = c.responsible_user_id
    left join commitment_reports r
      on r.round_id = rc.round_id and r.commitment_id = c.id and r.state = 'submitted'
    where rc.round_id = ${roundId} and ${region}
    order by g.name, d.name nulls last, s.name, c.title, c.id`,
  );
  if (regionId !== null && commitmentRows.length === 0) throw notFound();
  const indicatorRows = await rows(
    db,
    sql`select i.id::text as id, i.commitment_id::text as commitment_id, i.name, i.unit, i.direction,
      i.baseline_value, i.baseline_on::text as baseline_on, i.target_value, i.target_on::text as target_on,
      coalesce((select json_agg(json_build_object('value', g.value, 'on', g.due_on) order by g.due_on)
        from indicator_goals g where g.indicator_id = i.id), '[]'::json) as goals
    from commitment_indicators i
    join reporting_round_commitments rc on rc.commitment_id = i.commitment_id and rc.round_id = ${roundId}
    join commitments c on c.id = i.commitment_id
    join agreements a on a.id = c.agreement_id
    where ${region}
    order by i.commitment_id, i.position, i.name`,
  );
  const valueRows = await rows(
    db,
    sql`select indicator_id, value, measured_on, rn from (
      select v.indicator_id::text as indicator_id, v.value, v.measured_on::text as measured_on,
        row_number() over (partition by v.indicator_id
          order by v.measured_on desc, rr.deadline desc, r.submitted_at desc, v.id) as rn
      from report_indicator_values v
      join commitment_reports r on r.id = v.report_id and r.state = 'submitted'
      join reporting_rounds rr on rr.id = r.round_id
      join reporting_rounds cur on cur.id = ${roundId}
      join reporting_round_commitments rc on rc.round_id = cur.id and rc.commitment_id = r.commitment_id
      join commitments c on c.id = r.commitment_id
      join agreements a on a.id = c.agreement_id
      where rr.cycle_id = cur.cycle_id and rr.deadline <= cur.deadline and ${region}
    ) ranked where rn <= 2`,
  );

  const values = new Map<string, { latest: DatedValue | null; previous: DatedValue | null }>();
  for (const v of valueRows) {
    const id = String(v.indicator_id);
    const entry = values.get(id) ?? { latest: null, previous: null };
    const dated = { value: Number(v.value), on: String(v.measured_on) };
    if (Number(v.rn) === 1) entry.latest = dated;
    else entry.previous = dated;
    values.set(id, entry);
  }
  const indicatorsOf = new Map<string, RoundIndicator[]>();
  for (const i of indicatorRows) {
    const id = String(i.id);
    const list = indicatorsOf.get(String(i.commitment_id)) ?? [];
    list.push({
      id,
      name: String(i.name),
      unit: String(i.unit),
      direction: i.direction === 'lower' ? 'lower' : 'higher',
      baseline: Number(i.baseline_value),
      baselineOn: String(i.baseline_on),
      target: Number(i.target_value),
      targetOn: String(i.target_on),
      goals: (i.goals as { value: number; on: string }[]).map((g) => ({ value: Number(g.value), on: g.on })),
      latest: values.get(id)?.latest ?? null,
      previous: values.get(id)?.previous ?? null,
    });
    indicatorsOf.set(String(i.commitment_id), list);
  }

  const regionsById = new Map<string, { id: string; name: string; writtenStandard: 'nb' | 'nn' }>();
  const commitments = commitmentRows.map((c): RoundCommitment => {
    const regionIdOf = String(c.region_id);
    if (!regionsById.has(regionIdOf))
      regionsById.set(regionIdOf, {
        id: regionIdOf,
        name: String(c.region),
        writtenStandard: c.written_standard === 'nn' ? 'nn' : 'nb',
      });
    return {
      id: String(c.id),
      title: String(c.title),
      regionId: regionIdOf,
      region: String(c.region),
      departmentId: (c.department_id as string | null) ?? null,
      department: (c.department as string | null) ?? null,
      subjectArea: String(c.subject_area),
      responsible: (c.responsible as string | null) ?? null,
      startsOn: (c.starts_on as string | null) ?? null,
      endsOn: (c.ends_on as string | null) ?? null,
      budgetNok: numberOrNull(c.budget_nok),
      needsSeparateDecision: c.needs_separate_decision === true,
      withdrawn: c.withdrawn === true,
      report:
        c.status === null || c.status === undefined
          ? null
          : {
              status: c.status as ReportStatus,
              progress: Number(c.progress ?? 0),
              done: (c.done as RichTextDoc | null) ?? null,
              next: (c.next as RichTextDoc | null) ?? null,
              spentNok: numberOrNull(c.spent_nok),
            },
      indicators: indicatorsOf.get(String(c.id)) ?? [],
    };
  });
  return {
    county: String(round.county ?? ''),
    round: {
      id: String(round.id),
      name: String(round.name),
      deadline: String(round.deadline),
      state: String(round.state),
    },
    cycle: {
      id: String(round.cycle_id),
      name: String(round.cycle_name),
      periodFrom: String(round.period_from),
      periodTo: String(round.period_to),
    },
    regions: [...regionsById.values()],
    commitments,
  };
}
