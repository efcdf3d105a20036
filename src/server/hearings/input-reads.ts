import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  Attachment,
  Disposition,
  HearingInput,
  InputListQuery,
} from '../../shared/contracts/hearings.js';
import { wholeDocument } from '../../shared/contracts/hearings.js';
import type { Db, Tx } from '../db/client.js';
import { generalPartSections } from '../general-part/general-part.table.js';
import type { Actor } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { loadDispositions } from './disposition-reads.js';
import { person, toAttachment } from './hearing.mapper.js';
import { dispositionInputs, dispositions, hearingInputs, inputAttachments } from './hearing.table.js';
import { type HearingRow, seesDraftDispositions, visibleInputs } from './hearing-rules.js';

const submitter = alias(users, 'submitter');

export type SectionRef = { key: string; title: string; position: number };

/** The sections of a version in order: keys, titles and places only, not their text. */
export async function sectionsOf(db: Db | Tx, versionId: string): Promise<SectionRef[]> {
  return db
    .select({
      key: generalPartSections.key,
      title: generalPartSections.title,
      position: generalPartSections.position,
    })
    .from(generalPartSections)
    .where(eq(generalPartSections.versionId, versionId))
    .orderBy(asc(generalPartSections.position));
}

/** Input is on the whole document (null) or on a section of the version on hearing; else 400. */
export async function assertSectionOnHearing(
  db: Db | Tx,
  versionId: string,
  sectionKey: string | null,
): Promise<void> {
  if (sectionKey === null) return;
  const [found] = await db
    .select({ key: generalPartSections.key })
    .from(generalPartSections)
    .where(and(eq(generalPartSections.versionId, versionId), eq(generalPartSections.key, sectionKey)));
  if (!found) throw fieldError('sectionKey', 'validation.unknownSection');
}

/**
 * The inputs of a hearing the actor may see, with region, section, attachments and disposition, ordered
 * by region, then section as the document has them (the whole document first), then time. A region
 * contact sees a disposition only once it is final. Four queries whatever the number of inputs.
 */
export async function loadInputs(
  db: Db | Tx,
  actor: Actor,
  hearing: HearingRow,
  closed: boolean,
  where?: SQL,
): Promise<HearingInput[]> {
  // The attachments and dispositions are read for the same inputs by this condition again, not by a list of
  // a thousand ids: building, sending and planning such a list cost more than the join.
  const shown = and(eq(hearingInputs.hearingId, hearing.id), visibleInputs(actor, closed), where);
  const rows = await db
    .select({
      row: hearingInputs,
      regionName: regions.name,
      submitterName: submitter.name,
      dispositionId: dispositionInputs.dispositionId,
    })
    .from(hearingInputs)
    .innerJoin(regions, eq(regions.id, hearingInputs.regionId))
    .leftJoin(submitter, eq(submitter.id, hearingInputs.submittedBy))
    .leftJoin(dispositionInputs, eq(dispositionInputs.inputId, hearingInputs.id))
    .where(shown)
    .orderBy(asc(regions.name), asc(hearingInputs.submittedAt), asc(hearingInputs.id));
  if (rows.length === 0) return [];

  const sections = await sectionsOf(db, hearing.versionId);
  const sectionByKey = new Map(sections.map((s) => [s.key, s]));
  const attachments = await db
    .select({
      id: inputAttachments.id,
      inputId: inputAttachments.inputId,
      filename: inputAttachments.filename,
      mediaType: inputAttachments.mediaType,
      size: inputAttachments.size,
      sha256: inputAttachments.sha256,
      createdAt: inputAttachments.createdAt,
    })
    .from(inputAttachments)
    .innerJoin(hearingInputs, eq(hearingInputs.id, inputAttachments.inputId))
    .where(shown)
    .orderBy(asc(inputAttachments.createdAt), asc(inputAttachments.id));
  const attachmentsOf = new Map<string, Attachment[]>();
  for (const a of attachments) {
    attachmentsOf.set(a.inputId, [...(attachmentsOf.get(a.inputId) ?? []), toAttachment(a)]);
  }
  const answered = rows.some((r) => r.dispositionId !== null);
  const found = answered
    ? await loadDispositions(
        db,
        inArray(
          dispositions.id,
          db
            .select({ id: dispositionInputs.dispositionId })
            .from(dispositionInputs)
            .innerJoin(hearingInputs, eq(hearingInputs.id, dispositionInputs.inputId))
            .where(shown),
        ),
      )
    : [];
  const dispositionById = new Map<string, Disposition>(
    found.filter((d) => d.final || seesDraftDispositions(actor)).map((d) => [d.id, d]),
  );

  const place = (key: string | null) => (key === null ? -1 : (sectionByKey.get(key)?.position ?? 1e9));
  return rows
    .map(({ row, regionName, submitterName, dispositionId }, order) => ({
      order,
      input: {
        id: row.id,
        hearingId: row.hearingId,
        region: { id: row.regionId, name: regionName },
        sectionKey: row.sectionKey,
        sectionTitle: row.sectionKey ? (sectionByKey.get(row.sectionKey)?.title ?? null) : null,
        text: row.text,
        late: row.late,
        submittedAt: row.submittedAt.toISOString(),
        submittedBy: person(row.submittedBy, submitterName),
        updatedAt: row.updatedAt.toISOString(),
        attachments: attachmentsOf.get(row.id) ?? [],
        disposition: dispositionId ? (dispositionById.get(dispositionId) ?? null) : null,
        version: row.version,
      } satisfies HearingInput,
    }))
    .sort(
      (a, b) =>
        a.input.region.name.localeCompare(b.input.region.name, 'nb') ||
        place(a.input.sectionKey) - place(b.input.sectionKey) ||
        a.order - b.order,
    )
    .map((x) => x.input);
}

/** One input as the actor sees it, or null when they may not. */
export async function loadInput(
  db: Db | Tx,
  actor: Actor,
  hearing: HearingRow,
  closed: boolean,
  id: string,
): Promise<HearingInput | null> {
  const [input] = await loadInputs(db, actor, hearing, closed, eq(hearingInputs.id, id));
  return input ?? null;
}

/** The list filters, applied to what the actor may see. */
export function matchesFilters(input: HearingInput, query: InputListQuery): boolean {
  if (query.region && input.region.id !== query.region) return false;
  if (query.section) {
    const key = query.section === wholeDocument ? null : query.section;
    if (input.sectionKey !== key) return false;
  }
  if (query.status) {
    const answered = input.disposition?.final === true;
    if ((query.status === 'answered') !== answered) return false;
  }
  if (query.department && input.disposition?.assignedDepartment?.id !== query.department) return false;
  return true;
}
