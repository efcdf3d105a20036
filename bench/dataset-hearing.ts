import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../src/server/db/client.js';
import { formalHearing, informalHearing } from '../src/server/demo/demo-hearing-inputs.js';
import { generalPartSections } from '../src/server/general-part/general-part.table.js';
import { generalPartVersions, pagesOf, sectionKeysOfVersion1 } from './general-part-text.js';

/**
 * The general part and the hearing screen of issue 3, at the scale a county 100 times Viken would reach:
 * one cycle whose general part has two versions of about 50 pages (version 1 sent on formal hearing,
 * version 2 the draft that takes the input in), and a closed hearing on version 1 to which all 1,200
 * regions were invited, with 1,000 live inputs (some late, some with an attachment, a few withdrawn
 * besides) of which 400 are answered by 300 dispositions, some still with a department.
 */
export const hearingScale = {
  inputs: 1_000,
  /** Inputs on the whole document come from the first regions; the rest are on one section each. */
  regionsWithInput: 600,
  withdrawnInputs: 12,
  /** Every n-th input was registered by the county after the deadline. */
  lateEvery: 40,
  /** Every n-th input has an attachment. */
  attachmentEvery: 20,
  dispositions: 300,
  /** Inputs 1 … answered: 1 … dispositions one each, the rest two or three to a disposition. */
  answeredInputs: 400,
  /** Every n-th disposition waits for a department's answer (not final). */
  draftDispositionEvery: 6,
} as const;

export type HearingFixtures = {
  hearingId: string;
  version1Id: string;
  version2Id: string;
  /** Pages of text in version 1 and version 2 (about 450 words a page). */
  pages: [number, number];
};

type Uid = (key: SQL) => SQL;

/** Real input and disposition texts from the Viken demo, used in turn. */
const inputTexts = [...informalHearing.inputs, ...formalHearing.inputs].map((i) => i.text);
const reasons = [...informalHearing.dispositions, ...formalHearing.dispositions].map((d) => d.reason);
const textArray = (texts: readonly string[]) =>
  sql`(array[${sql.join(
    texts.map((t) => sql`${t}::text`),
    sql`, `,
  )}])`;

/** A small file standing in for a region's PDF (the reads list attachments, they never send the bytes). */
const pdfContent = sql`convert_to('%PDF-1.4' || repeat(' uttalelse fra regionrådet', 80) || chr(10) || '%%EOF', 'UTF8')`;

export async function generateHearing(
  tx: Tx,
  ids: { uid: Uid; regions: number; departments: number },
): Promise<HearingFixtures> {
  const { uid } = ids;
  const h = hearingScale;
  const n = (value: number) => sql.raw(String(value));
  const one = async (query: SQL): Promise<string> => {
    const result = (await tx.execute(query)) as { rows: { id: string }[] };
    const id = result.rows[0]?.id;
    if (!id) throw new Error('an insert returned no id');
    return id;
  };

  await tx.execute(sql`
    insert into cycles (id, name, period_from, period_to, status)
    values (${uid(sql`'cycle-1'`)}, 'Partnerskapsavtaler 2025–2028', date '2025-01-01', date '2028-12-31', 'active')`);
  const version1Id = await one(sql`
    insert into document_versions (id, cycle_id, number, state, created_by)
    values (${uid(sql`'version-1'`)}, ${uid(sql`'cycle-1'`)}, 1, 'on_hearing', ${uid(sql`'user-admin'`)})
    returning id::text as id`);
  const version2Id = await one(sql`
    insert into document_versions (id, cycle_id, number, state, based_on_version_id, created_by)
    values (${uid(sql`'version-2'`)}, ${uid(sql`'cycle-1'`)}, 2, 'draft', ${uid(sql`'version-1'`)}, ${uid(sql`'user-admin'`)})
    returning id::text as id`);

  const { version1, version2 } = generalPartVersions();
  const sectionRows = (versionId: string, sections: typeof version1) =>
    sections.map((s, position) => ({
      versionId,
      key: s.key,
      title: s.title,
      body: s.body,
      position,
      required: position < 5,
    }));
  await tx
    .insert(generalPartSections)
    .values([...sectionRows(version1Id, version1), ...sectionRows(version2Id, version2)]);

  // Closed ten days ago, after six weeks on hearing.
  const hearingId = await one(sql`
    insert into hearings (id, cycle_id, version_id, kind, deadline, cover_letter, opened_by, created_at, updated_at)
    values (${uid(sql`'hearing-1'`)}, ${uid(sql`'cycle-1'`)}, ${uid(sql`'version-1'`)}, 'formal',
            current_date - 10, ${formalHearing.coverLetter}, ${uid(sql`'user-admin'`)},
            now() - interval '52 days', now() - interval '52 days')
    returning id::text as id`);
  await tx.execute(sql`
    insert into hearing_invitations (hearing_id, region_id, created_at)
    select ${uid(sql`'hearing-1'`)}, ${uid(sql`'region-' || g`)}, now() - interval '52 days'
    from generate_series(1, ${n(ids.regions)}) g`);

  // Input i comes from region 1 + (i - 1) % 600: the first 600 on the whole document, the next on a
  // section, so no region has two live inputs on one section (hearing_inputs_one_per_section).
  const sections = sql`(array[${sql.join(
    sectionKeysOfVersion1.map((k) => sql`${k}::text`),
    sql`, `,
  )}])`;
  const keyCount = n(sectionKeysOfVersion1.length);
  await tx.execute(sql`
    insert into hearing_inputs (id, hearing_id, region_id, section_key, text, late, submitted_by, submitted_at,
                                created_at, updated_at)
    select ${uid(sql`'input-' || i.g`)}, ${uid(sql`'hearing-1'`)}, ${uid(sql`'region-' || i.r`)},
           case when i.g <= ${n(h.regionsWithInput)} then null else ${sections}[1 + i.g % ${keyCount}] end,
           ${textArray(inputTexts)}[1 + i.g % ${n(inputTexts.length)}],
           i.late,
           case when i.late then ${uid(sql`'user-admin'`)} else ${uid(sql`'user-region-' || i.r`)} end,
           i.at, i.at, i.at
    from (
      select g, 1 + (g - 1) % ${n(h.regionsWithInput)} as r, g % ${n(h.lateEvery)} = 0 as late,
             case when g % ${n(h.lateEvery)} = 0 then now() - interval '8 days' + (g % 97) * interval '1 minute'
                  else now() - interval '50 days' + (g::double precision / ${n(h.inputs)}) * interval '39 days' end as at
      from generate_series(1, ${n(h.inputs)}) g
    ) i`);
  // Withdrawn input (kept for the record, shown to nobody), from regions that gave no other input.
  await tx.execute(sql`
    insert into hearing_inputs (id, hearing_id, region_id, section_key, text, submitted_by, submitted_at,
                                withdrawn_at, withdrawn_by, created_at, updated_at)
    select ${uid(sql`'withdrawn-input-' || g`)}, ${uid(sql`'hearing-1'`)}, ${uid(sql`'region-' || (${n(h.regionsWithInput)} + g)`)},
           null, ${textArray(inputTexts)}[1 + g % ${n(inputTexts.length)}],
           ${uid(sql`'user-region-' || (${n(h.regionsWithInput)} + g)`)}, now() - interval '30 days',
           now() - interval '29 days', ${uid(sql`'user-region-' || (${n(h.regionsWithInput)} + g)`)},
           now() - interval '30 days', now() - interval '29 days'
    from generate_series(1, ${n(h.withdrawnInputs)}) g`);
  await tx.execute(sql`
    insert into input_attachments (id, input_id, filename, media_type, size, sha256, content, uploaded_by, created_at)
    select ${uid(sql`'attachment-' || a.g`)}, ${uid(sql`'input-' || a.g`)}, 'Uttalelse ' || a.g || '.pdf',
           'application/pdf', octet_length(a.content), encode(sha256(a.content), 'hex'), a.content,
           ${uid(sql`'user-region-' || (1 + (a.g - 1) % ${n(h.regionsWithInput)})`)}, now() - interval '45 days'
    from (select g, ${pdfContent} as content
          from generate_series(${n(h.attachmentEvery)}, ${n(h.inputs)}, ${n(h.attachmentEvery)}) g) a`);

  const outcomes = sql`(array['taken_in', 'partly_taken_in', 'not_taken_in', 'noted'])`;
  await tx.execute(sql`
    insert into dispositions (id, hearing_id, outcome, reason, final, assigned_department_id, taken_in_version_id,
                              taken_in_section_key, decided_by, decided_at, created_at, updated_at)
    select ${uid(sql`'disposition-' || d.g`)}, ${uid(sql`'hearing-1'`)}, d.outcome,
           ${textArray(reasons)}[1 + d.g % ${n(reasons.length)}],
           d.g % ${n(h.draftDispositionEvery)} <> 0,
           case when d.g % ${n(h.draftDispositionEvery)} = 0 or d.g % 4 = 0
                then ${uid(sql`'department-' || (1 + d.g % ${n(ids.departments)})`)} end,
           case when d.outcome in ('taken_in', 'partly_taken_in') then ${uid(sql`'version-2'`)} end,
           case when d.outcome in ('taken_in', 'partly_taken_in') and d.g % 2 = 0
                then ${sections}[1 + d.g % ${keyCount}] end,
           ${uid(sql`'user-admin'`)}, d.at, d.at, d.at
    from (select g, ${outcomes}[1 + g % 4] as outcome, now() - interval '9 days' + g * interval '1 minute' as at
          from generate_series(1, ${n(h.dispositions)}) g) d`);
  await tx.execute(sql`
    insert into disposition_inputs (input_id, disposition_id)
    select ${uid(sql`'input-' || g`)},
           ${uid(sql`'disposition-' || case when g <= ${n(h.dispositions)} then g else 1 + (g * 3) % ${n(h.dispositions)} end`)}
    from generate_series(1, ${n(h.answeredInputs)}) g`);

  return { hearingId, version1Id, version2Id, pages: [pagesOf(version1), pagesOf(version2)] };
}
