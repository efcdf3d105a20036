import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../src/server/db/client.js';

type Uid = (key: SQL) => SQL;

/**
 * The follow-up's roll-up and equal-treatment view at national size (issue 13): every contribution of the
 * matrix cycle's 1,200 agreements (bench/dataset-matrix.ts, ~170,000) becomes a commitment of its owner,
 * most with a budget, one in a hundred withdrawn; one reporting round past its deadline covers them all, and
 * nine in ten have a submitted report (the statuses in turn, progress spread over 0–100); every second has
 * an indicator (higher or lower is better in turn) with a value in its report; and every municipality has
 * its number of inhabitants on 1 January 2020. Made by the database with `insert … select`.
 */
export async function generateFollowUpRollup(tx: Tx, ids: { uid: Uid }) {
  const { uid } = ids;
  const cycle = uid(sql`'cycle-matrix'`);
  const round = uid(sql`'rollup-round'`);
  await tx.execute(sql`
    insert into commitments (agreement_id, cycle_id, subject_area_id, owner_department_id, source_contribution_id,
                             title, budget_nok, starts_on, ends_on, state)
    select c.agreement_id, c.cycle_id, c.subject_area_id, c.owner_department_id, c.id, c.title,
           case when n % 5 = 0 then null else c.budget_nok_per_year * 4 end,
           date '2021-01-01', date '2021-01-01' + (n % 1500)::int,
           case when n % 100 = 0 then 'withdrawn' else 'active' end
    from (select c.*, row_number() over (order by c.id) as n from contributions c where c.cycle_id = ${cycle}) c`);
  await tx.execute(sql`
    insert into reporting_rounds (id, cycle_id, name, deadline, state, closed_at)
    values (${round}, ${cycle}, 'Årsrapport (benchmark)', current_date - 30, 'closed', now())`);
  await tx.execute(sql`
    insert into reporting_round_commitments (round_id, commitment_id)
    select ${round}, id from commitments where cycle_id = ${cycle}`);
  await tx.execute(sql`
    insert into commitment_reports (round_id, commitment_id, status, progress, state, submitted_at)
    select ${round}, id, (array['on_track', 'at_risk', 'delayed', 'done', 'dropped'])[1 + (n % 5)::int], ((n * 37) % 101)::int,
           'submitted', now() - interval '40 days'
    from (select id, row_number() over (order by id) as n from commitments where cycle_id = ${cycle}) c
    where n % 10 <> 0`);
  await tx.execute(sql`
    insert into commitment_indicators (commitment_id, name, unit, direction, baseline_value, baseline_on,
                                       target_value, target_on)
    select id, 'Indikator', 'antall', case when n % 4 = 0 then 'lower' else 'higher' end,
           50, date '2021-01-01', case when n % 4 = 0 then 10 else 100 end, date '2024-12-31'
    from (select id, row_number() over (order by id) as n from commitments where cycle_id = ${cycle}) c
    where n % 2 = 0`);
  await tx.execute(sql`
    insert into report_indicator_values (report_id, indicator_id, unit, value, measured_on)
    select r.id, i.id, i.unit, (row_number() over (order by i.id)) % 120, date '2023-12-31'
    from commitment_indicators i join commitment_reports r on r.commitment_id = i.commitment_id`);
  await tx.execute(sql`
    insert into municipality_populations (municipality_id, count, counted_on, source)
    select id, 500 + (abs(hashtext(number)) % 60000), date '2020-01-01', 'Benchmark'
    from municipalities`);
}
