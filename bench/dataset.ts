import { type SQL, sql } from 'drizzle-orm';
import { hashPassword } from '../src/server/auth/password.js';
import type { Db } from '../src/server/db/client.js';
import { generateFollowUpRollup } from './dataset-follow-up-rollup.js';
import { generateHearing } from './dataset-hearing.js';
import { generateMatrix } from './dataset-matrix.js';
import { generateOverview } from './dataset-overview.js';
import { generatePublicInForce } from './dataset-public.js';
import type { Fixtures } from './routes.js';

/**
 * A registry 100 times the Viken demo (7 departments, 12 regions, 56 municipalities), its users, two
 * years of audit trail, and a general part of about 50 pages in two versions with a hearing on it that
 * all 1,200 regions were invited to and 1,000 inputs came in to (bench/dataset-hearing.ts). Everything is made by the database itself with `insert … select generate_series`,
 * so that the whole set takes seconds, not minutes, on PGlite.
 */
export const scale = {
  /**
   * A county has its handful of departments however many regions it has: the national matrix of issue 4
   * is 1,200 regions × 7 departments (bench/dataset-matrix.ts), and every active department is a row.
   */
  departments: 7,
  regions: 1_200,
  municipalities: 5_600,
  /** Every n-th municipality is also a member of a second region. */
  secondRegionEvery: 12,
  /** Every n-th municipality lies outside the county. */
  outsideCountyEvery: 20,
  /** Every n-th membership has ended. */
  endedMembershipEvery: 25,
  viewers: 100,
  /** People who are contacts only, without an account. */
  contactsWithoutAccount: 1_000,
  auditEvents: 100_000,
  auditDays: 730,
} as const;

export const benchPassword = 'benk-passord-partnerskap';
export const adminEmail = 'admin@bench.partnerskap.no';

export type DatasetSizes = {
  departments: number;
  regions: number;
  municipalities: number;
  regionMemberships: number;
  people: number;
  users: number;
  auditEvents: number;
  generalPartSections: number;
  hearingInvitations: number;
  hearingInputs: number;
  dispositions: number;
  contributions: number;
  milestones: number;
  meetings: number;
};

/**
 * A stable, valid (version 4, RFC 9562 variant) UUID made from a key, so rows can point at each other
 * without a lookup: `uid('region-7')` is the same id wherever it is written.
 */
export const uid = (key: SQL) =>
  sql`overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
const pad = (n: SQL) => sql`lpad((${n})::text, 4, '0')`;

const departmentAreas = sql`(array['Samferdsel', 'Næring', 'Kultur', 'Utdanning', 'Klima og miljø', 'Plan og areal', 'Folkehelse'])`;
const regionKinds = sql`(array['Regionråd', 'Interkommunalt politisk råd', 'Samarbeidsrådet', 'Kommuneregion'])`;

/**
 * Audit actions, weighted as they come in use: sign-ins and edits far more often than creations.
 * The entity type is the part before the dot (a sign-in is about a user).
 */
const auditActions = [
  'session.create',
  'session.create',
  'session.create',
  'session.create',
  'region.update',
  'region.update',
  'region.create',
  'membership.create',
  'membership.update',
  'membership.update',
  'membership.delete',
  'department.update',
  'department.create',
  'municipality.update',
  'municipality.update',
  'municipality.create',
  'person.update',
  'person.create',
  'user.update',
  'user.create',
  'county.update',
] as const;

export async function generateDataset(
  db: Db,
  options: { analyze: boolean },
): Promise<{ sizes: DatasetSizes; fixtures: Fixtures }> {
  const passwordHash = await hashPassword(benchPassword);
  const s = scale;
  const actionList = sql.raw(`array[${auditActions.map((a) => `'${a}'`).join(', ')}]`);

  const hearing = await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into county (id, name, number) values ('county', 'Benk fylkeskommune', '30')`,
    );

    await tx.execute(sql`
      insert into departments (id, name, active)
      select ${uid(sql`'department-' || g`)},
             ${departmentAreas}[1 + g % 7] || ' ' || ${pad(sql`g`)},
             g % 50 <> 0
      from generate_series(1, ${sql.raw(String(s.departments))}) g`);

    await tx.execute(sql`
      insert into regions (id, name, written_standard)
      select ${uid(sql`'region-' || g`)},
             ${regionKinds}[1 + g % 4] || ' ' || ${pad(sql`g`)},
             case when g % 5 = 0 then 'nn' else 'nb' end
      from generate_series(1, ${sql.raw(String(s.regions))}) g`);

    const outside = sql.raw(String(s.outsideCountyEvery));
    await tx.execute(sql`
      insert into municipalities (id, number, name, valid_from, valid_to, outside_county, county_number, county_name)
      select ${uid(sql`'municipality-' || g`)},
             ${pad(sql`1000 + g`)},
             'Kommune ' || ${pad(sql`g`)},
             date '2020-01-01',
             case when g % 40 = 0 then date '2024-01-01' end,
             g % ${outside} = 0,
             case when g % ${outside} = 0 then '03' else '30' end,
             case when g % ${outside} = 0 then 'Oslo' else 'Benk fylkeskommune' end
      from generate_series(1, ${sql.raw(String(s.municipalities))}) g`);

    // Every municipality in one region (joining over the first year), every 12th also in a second one,
    // every 25th membership ended.
    const regions = sql.raw(String(s.regions));
    await tx.execute(sql`
      insert into region_memberships (id, region_id, municipality_id, valid_from, valid_to)
      select ${uid(sql`'membership-' || g`)},
             ${uid(sql`'region-' || (1 + (g - 1) % ${regions})`)},
             ${uid(sql`'municipality-' || g`)},
             date '2020-01-01' + (g % 4) * 91,
             case when g % ${sql.raw(String(s.endedMembershipEvery))} = 0 then date '2023-01-01' end
      from generate_series(1, ${sql.raw(String(s.municipalities))}) g
      union all
      select ${uid(sql`'membership2-' || g`)},
             ${uid(sql`'region-' || (1 + (g - 1 + ${regions} / 2) % ${regions})`)},
             ${uid(sql`'municipality-' || g`)},
             date '2021-06-01',
             null
      from generate_series(${sql.raw(String(s.secondRegionEvery))}, ${sql.raw(String(s.municipalities))}, ${sql.raw(String(s.secondRegionEvery))}) g`);

    await tx.execute(sql`
      insert into people (id, name, email, organisation, phone)
      select ${uid(sql`'person-admin'`)}, 'Prosesskoordinator (benk)', ${adminEmail}::text, 'Benk fylkeskommune', '+47 400 00 000'
      union all
      select ${uid(sql`'person-department-' || g`)}, 'Redaktør avdeling ' || ${pad(sql`g`)},
             'avdeling-' || ${pad(sql`g`)} || '@bench.partnerskap.no', 'Benk fylkeskommune', null
      from generate_series(1, ${sql.raw(String(s.departments))}) g
      union all
      select ${uid(sql`'person-region-' || g`)}, 'Kontaktperson region ' || ${pad(sql`g`)},
             'region-' || ${pad(sql`g`)} || '@bench.partnerskap.no', ${regionKinds}[1 + g % 4] || ' ' || ${pad(sql`g`)},
             '+47 41 ' || ${pad(sql`g`)} || ' 00'
      from generate_series(1, ${regions}) g
      union all
      select ${uid(sql`'person-viewer-' || g`)}, 'Leser ' || ${pad(sql`g`)},
             'leser-' || ${pad(sql`g`)} || '@bench.partnerskap.no', 'Fylkesledelsen', null
      from generate_series(1, ${sql.raw(String(s.viewers))}) g
      union all
      select ${uid(sql`'person-contact-' || g`)}, 'Kontakt ' || ${pad(sql`g`)},
             case when g % 3 = 0 then null else 'kontakt-' || ${pad(sql`g`)} || '@kommune.example' end,
             'Kommune ' || ${pad(sql`1 + g % ${sql.raw(String(s.municipalities))}`)}, null
      from generate_series(1, ${sql.raw(String(s.contactsWithoutAccount))}) g`);

    // One password hash for everyone: hashing 2,000 times would cost minutes and measure nothing.
    await tx.execute(sql`
      with h as (select ${passwordHash}::text as hash)
      insert into users (id, email, name, password_hash, role, department_id, region_id, person_id, locale)
      select ${uid(sql`'user-admin'`)}, ${adminEmail}::text, 'Prosesskoordinator (benk)', h.hash, 'admin',
             null::uuid, null::uuid, ${uid(sql`'person-admin'`)}, 'nb'
      from h
      union all
      select ${uid(sql`'user-department-' || g`)}, 'avdeling-' || ${pad(sql`g`)} || '@bench.partnerskap.no',
             'Redaktør avdeling ' || ${pad(sql`g`)}, h.hash, 'department',
             ${uid(sql`'department-' || g`)}, null, ${uid(sql`'person-department-' || g`)},
             case g % 10 when 0 then 'nn' when 1 then 'en' else 'nb' end
      from h, generate_series(1, ${sql.raw(String(s.departments))}) g
      union all
      select ${uid(sql`'user-region-' || g`)}, 'region-' || ${pad(sql`g`)} || '@bench.partnerskap.no',
             'Kontaktperson region ' || ${pad(sql`g`)}, h.hash, 'region',
             null, ${uid(sql`'region-' || g`)}, ${uid(sql`'person-region-' || g`)},
             case when g % 5 = 0 then 'nn' else 'nb' end
      from h, generate_series(1, ${regions}) g
      union all
      select ${uid(sql`'user-viewer-' || g`)}, 'leser-' || ${pad(sql`g`)} || '@bench.partnerskap.no',
             'Leser ' || ${pad(sql`g`)}, h.hash, 'viewer', null, null, ${uid(sql`'person-viewer-' || g`)}, 'nb'
      from h, generate_series(1, ${sql.raw(String(s.viewers))}) g`);

    // Two years of audit trail, oldest first (ids follow time, as they do when the app writes them).
    const n = sql.raw(String(s.auditEvents));
    await tx.execute(sql`
      insert into audit_events (at, actor_id, actor_name, action, entity_type, entity_id, before, after, request_id)
      select e.at,
             case when e.actor = 0 then null
                  when e.actor <= 6 then ${uid(sql`'user-admin'`)}
                  else ${uid(sql`'user-department-' || (1 + e.g % ${sql.raw(String(s.departments))})`)} end,
             case when e.actor = 0 then 'Partnerskap (system)'
                  when e.actor <= 6 then 'Prosesskoordinator (benk)'
                  else 'Redaktør avdeling ' || ${pad(sql`1 + e.g % ${sql.raw(String(s.departments))}`)} end,
             e.action,
             e.entity_type,
             e.entity_id,
             case when e.verb = 'create' then null
                  else jsonb_build_object('id', e.entity_id, 'name', 'Før endring ' || e.g, 'version', 1 + e.g % 7,
                                          'updatedAt', e.at - interval '3 days') end,
             case when e.verb = 'delete' then null
                  else jsonb_build_object('id', e.entity_id, 'name', 'Etter endring ' || e.g, 'version', 2 + e.g % 7,
                                          'updatedAt', e.at) end,
             ${uid(sql`'request-' || e.g`)}::text
      from (
        select a.*,
               split_part(a.action, '.', 2) as verb,
               case split_part(a.action, '.', 1) when 'session' then 'user' else split_part(a.action, '.', 1) end
                 as entity_type
        from (
          select g,
                 g % 10 as actor,
                 now() - interval '${sql.raw(String(s.auditDays))} days'
                   + (g::double precision / ${n}) * interval '${sql.raw(String(s.auditDays))} days'
                   + ((g * 7919) % 600) * interval '1 second' as at,
                 (${actionList})[1 + (g * 13 + g / 97) % ${sql.raw(String(auditActions.length))}] as action
          from generate_series(1, ${n}) g
        ) a
      ) e0
      cross join lateral (
        select e0.*,
               case e0.entity_type
                 when 'department' then ${uid(sql`'department-' || (1 + e0.g % ${sql.raw(String(s.departments))})`)}::text
                 when 'region' then ${uid(sql`'region-' || (1 + e0.g % ${regions})`)}::text
                 when 'municipality' then ${uid(sql`'municipality-' || (1 + e0.g % ${sql.raw(String(s.municipalities))})`)}::text
                 when 'membership' then ${uid(sql`'membership-' || (1 + e0.g % ${sql.raw(String(s.municipalities))})`)}::text
                 when 'person' then ${uid(sql`'person-region-' || (1 + e0.g % ${regions})`)}::text
                 when 'user' then ${uid(sql`'user-region-' || (1 + e0.g % ${regions})`)}::text
                 else 'county'
               end as entity_id
      ) e
      order by e.g`);

    const ids = { uid, regions: s.regions, departments: s.departments };
    const hearing = await generateHearing(tx, ids);
    const matrix = await generateMatrix(tx, ids);
    await generateOverview(tx, ids);
    await generatePublicInForce(tx, ids);
    await generateFollowUpRollup(tx, ids);
    return { ...hearing, matrix };
  });

  // The planner's statistics, as autovacuum keeps them on a PostgreSQL server. PGlite runs no autovacuum:
  // a database it holds has none unless someone runs ANALYZE, which `analyze: false` reproduces.
  if (options.analyze) await db.execute(sql`analyze`);

  const count = async (table: string) => {
    const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as {
      rows: { n: number }[];
    };
    return result.rows[0]?.n ?? 0;
  };
  const sizes: DatasetSizes = {
    departments: await count('departments'),
    regions: await count('regions'),
    municipalities: await count('municipalities'),
    regionMemberships: await count('region_memberships'),
    people: await count('people'),
    users: await count('users'),
    auditEvents: await count('audit_events'),
    generalPartSections: await count('document_sections'),
    hearingInvitations: await count('hearing_invitations'),
    hearingInputs: await count('hearing_inputs'),
    dispositions: await count('dispositions'),
    contributions: await count('contributions'),
    milestones: await count('agreement_milestones'),
    meetings: await count('meetings'),
  };

  const busiest = (await db.execute(sql`
    select region_id::text as id from region_memberships
    group by region_id order by count(*) desc, region_id limit 1`)) as { rows: { id: string }[] };
  const regionId = busiest.rows[0]?.id;
  if (!regionId) throw new Error('the generated dataset has no region with members');
  return {
    sizes,
    fixtures: {
      regionId,
      hearingId: hearing.hearingId,
      compareFrom: hearing.version1Id,
      compareTo: hearing.version2Id,
      comparedPages: hearing.pages,
      matrixCycleId: hearing.matrix.cycleId,
    },
  };
}
