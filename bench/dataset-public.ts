import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../src/server/db/client.js';

/**
 * Issue 12's public list at national size: the matrix cycle's 1,200 agreements (bench/dataset-matrix.ts) in
 * force. The executive board approved them all in one case, and the council of every member municipality
 * inside the county on the start date (1 January 2029) adopted its region's agreement as it stands, as the
 * in-force rule asks (adoption/in-force.ts). Made by the database with `insert … select`; the public read
 * decides for itself which are in force.
 */
type Uid = (key: SQL) => SQL;

const emptyDoc = sql.raw(`'{"type":"doc","content":[]}'::jsonb`);

export async function generatePublicInForce(tx: Tx, ids: { uid: Uid }) {
  const { uid } = ids;
  const cycle = uid(sql`'cycle-matrix'`);
  const board = uid(sql`'public-board'`);
  const meeting = uid(sql`'public-board-meeting'`);
  const politicalCase = uid(sql`'public-case'`);
  await tx.execute(sql`
    insert into political_bodies (id, kind, name) values (${board}, 'executive_board', 'Fylkesrådet')`);
  await tx.execute(sql`
    insert into body_meetings (id, body_id, date, documents_due)
    values (${meeting}, ${board}, date '2028-11-20', date '2028-11-06')`);
  await tx.execute(sql`
    insert into political_cases (id, cycle_id, title, background, facts, alternatives, assessment, consequences)
    values (${politicalCase}, ${cycle}, 'Partnerskapsavtaler med regionene 2029–2032',
            ${emptyDoc}, ${emptyDoc}, ${emptyDoc}, ${emptyDoc}, ${emptyDoc})`);
  await tx.execute(sql`
    insert into case_agreements (case_id, agreement_id)
    select ${politicalCase}, a.id from agreements a where a.cycle_id = ${cycle}`);
  await tx.execute(sql`
    insert into case_treatments (case_id, position, body_id, role, body_meeting_id, case_year, case_number,
                                 outcome, decision_text, decided_on, unanimous)
    values (${politicalCase}, 0, ${board}, 'decide', ${meeting}, 2028, 101, 'adopted',
            'Fylkesrådet godkjenner partnerskapsavtalene.', date '2028-11-20', true)`);
  // Every member inside the county on the start date adopts its region's agreement.
  await tx.execute(sql`
    insert into municipal_adoptions (agreement_id, municipality_id, decided_on, case_reference, record_url, outcome)
    select distinct on (a.id, m.municipality_id) a.id, m.municipality_id, date '2028-12-10', '45/28',
           'https://einnsyn.no/sok?q=partnerskapsavtale', 'adopted'
    from agreements a
    join region_memberships m on m.region_id = a.region_id
    join municipalities mu on mu.id = m.municipality_id
    where a.cycle_id = ${cycle} and not mu.outside_county
      and m.valid_from <= a.period_from and (m.valid_to is null or m.valid_to > a.period_from)`);
}
