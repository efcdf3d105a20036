import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../src/server/db/client.js';
import { defaultMilestoneTemplate } from '../src/server/milestones/default-milestone-template.js';

/**
 * The overview of all regions (issue "Process and meetings", item 5) on the national dataset: the matrix
 * cycle's 1,200 agreements (bench/dataset-matrix.ts) get the county's milestone template and their
 * milestones, spread over the phases as a cycle under way is (a tenth of the regions not ready and nothing
 * begun, the rest from the county's internal work to a joint phase nearly done), and per region a few
 * meetings with actions: a collaboration meeting held with a decision and two actions (one done), a
 * bilateral meeting held for the regions further on, and one planned in the coming weeks. Made by the
 * database with `insert … select generate_series`.
 */
export const overviewScale = {
  /** Region r has its first `r % progressLevels` milestones done (0: not ready, nothing begun). */
  progressLevels: 10,
  /** From this progress on a region has held its collaboration meeting, and its bilateral one after. */
  collaborationFrom: 3,
  bilateralFrom: 6,
} as const;

type Uid = (key: SQL) => SQL;

export async function generateOverview(tx: Tx, ids: { uid: Uid; regions: number; departments: number }) {
  const { uid } = ids;
  const s = overviewScale;
  const n = (value: number) => sql.raw(String(value));
  const cycle = uid(sql`'cycle-matrix'`);
  const agreement = uid(sql`'matrix-agreement-' || r`);
  const progress = sql`(r % ${n(s.progressLevels)})`;
  const items = defaultMilestoneTemplate;

  await tx.execute(sql`
    insert into milestone_template_items (id, cycle_id, name, stage, evidence, optional, position)
    select ${uid(sql`'overview-item-' || k`)}, ${cycle}, t.name, t.stage, t.evidence, t.optional, k - 1
    from unnest(${sql.raw(`array[${items.map((i) => `'${i.name}'`).join(', ')}]`)}::text[],
                ${sql.raw(`array[${items.map((i) => `'${i.stage}'`).join(', ')}]`)}::text[],
                ${sql.raw(`array[${items.map((i) => (i.evidence === null ? 'null' : `'${i.evidence}'`)).join(', ')}]`)}::text[],
                ${sql.raw(`array[${items.map((i) => i.optional).join(', ')}]`)}::boolean[])
         with ordinality as t(name, stage, evidence, optional, k)`);

  // Milestone k of region r: done by hand (with its day) when k ≤ progress, the next one in progress, the
  // rest not started; planned a month apart from January 2029, a region's own rhythm added.
  await tx.execute(sql`
    insert into agreement_milestones (agreement_id, template_item_id, name, stage, evidence, optional, position,
                                      planned_date, actual_date, state, done_reason, done_at)
    select ${agreement}, i.id, i.name, i.stage, i.evidence, i.optional, i.position,
           date '2029-01-15' + (i.position * 30 + r % 20),
           case when i.position < ${progress} then date '2029-01-15' + (i.position * 30 + r % 25) end,
           case when i.position < ${progress} then 'done'
                when i.position = ${progress} and ${progress} > 0 then 'in_progress'
                else 'not_started' end,
           case when i.position < ${progress} then 'Registrert i ytelsesmålingen.' end,
           case when i.position < ${progress} then timestamptz '2029-01-15 12:00+01' + (i.position * 30 + r % 25) * interval '1 day' end
    from generate_series(1, ${n(ids.regions)}) r
    cross join milestone_template_items i
    where i.cycle_id = ${cycle}`);
  await tx.execute(sql`
    update agreements set region_ready = true, region_ready_note = 'Klare til å starte.',
                          region_ready_marked_at = timestamptz '2029-01-10 10:00+01'
    where cycle_id = ${cycle} and id in (
      select ${agreement} from generate_series(1, ${n(ids.regions)}) r where ${progress} > 0)`);

  const meeting = (kind: string) => uid(sql`'overview-${sql.raw(kind)}-' || r`);
  const regionsFrom = (least: number) =>
    sql`generate_series(1, ${n(ids.regions)}) r where ${progress} >= ${n(least)}`;
  await tx.execute(sql`
    insert into meetings (id, cycle_id, type, title, starts_at, ends_at, place, state, held_at)
    select ${meeting('collaboration')}, ${cycle}, 'collaboration', 'Samhandlingsmøte med regionrådet',
           date_trunc('hour', now()) - (40 + r % 60) * interval '1 day',
           date_trunc('hour', now()) - (40 + r % 60) * interval '1 day' + interval '2 hours',
           'Rådhuset', 'held', now() - (39 + r % 60) * interval '1 day'
    from ${regionsFrom(s.collaborationFrom)}`);
  await tx.execute(sql`
    insert into meetings (id, cycle_id, type, title, starts_at, ends_at, video_link, owner_department_id, state, held_at)
    select ${meeting('bilateral')}, ${cycle}, 'bilateral', 'Bilateralt møte', 
           date_trunc('hour', now()) - (5 + r % 30) * interval '1 day',
           date_trunc('hour', now()) - (5 + r % 30) * interval '1 day' + interval '1 hour',
           'https://video.example.test/bilateralt', ${uid(sql`'department-' || (1 + r % ${n(Math.min(7, ids.departments))})`)},
           'held', now() - (4 + r % 30) * interval '1 day'
    from ${regionsFrom(s.bilateralFrom)}`);
  await tx.execute(sql`
    insert into meetings (id, cycle_id, type, title, starts_at, ends_at, place, state)
    select ${meeting('planned')}, ${cycle}, 'follow_up', 'Oppfølgingsmøte',
           date_trunc('hour', now()) + (1 + r % 45) * interval '1 day',
           date_trunc('hour', now()) + (1 + r % 45) * interval '1 day' + interval '90 minutes',
           'Fylkeshuset', 'planned'
    from generate_series(1, ${n(ids.regions)}) r`);
  await tx.execute(sql`
    insert into meeting_agreements (meeting_id, cycle_id, agreement_id)
    select m.id, ${cycle}, ${agreement}
    from generate_series(1, ${n(ids.regions)}) r
    cross join lateral (values (${meeting('collaboration')}), (${meeting('bilateral')}), (${meeting('planned')})) m(id)
    where exists (select 1 from meetings where meetings.id = m.id)`);
  await tx.execute(sql`
    insert into meeting_outcomes (meeting_id, position, kind, text, owner_department_id, due_date, done_at)
    select ${meeting('collaboration')}, k, case when k = 0 then 'decision' else 'action' end,
           case k when 0 then 'Regionrådet prioriterer samferdsel og kompetanse.'
                  when 1 then 'Samferdsel sender forslag til pendlerparkering.'
                  else 'Kultur avklarer kulturskoletilbudet.' end,
           case when k > 0 then ${uid(sql`'department-' || (1 + (r + k) % ${n(Math.min(7, ids.departments))})`)} end,
           case when k > 0 then current_date + (k * 14 - 10) end,
           case when k = 1 then now() - interval '3 days' end
    from generate_series(1, ${n(ids.regions)}) r cross join generate_series(0, 2) k
    where ${progress} >= ${n(s.collaborationFrom)}`);

  const counted = (await tx.execute(sql`
    select (select count(*)::int from agreement_milestones m join agreements a on a.id = m.agreement_id
            where a.cycle_id = ${cycle}) as milestones,
           (select count(*)::int from meetings where cycle_id = ${cycle}) as meetings`)) as {
    rows: { milestones: number; meetings: number }[];
  };
  return { milestones: counted.rows[0]?.milestones ?? 0, meetings: counted.rows[0]?.meetings ?? 0 };
}
