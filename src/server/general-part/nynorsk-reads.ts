import { asc, eq } from 'drizzle-orm';
import type { GeneralPartNynorsk, VersionState } from '../../shared/contracts/general-part.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import type { Db, Tx } from '../db/client.js';
import type { DocumentLanguage } from '../documents/document-model.js';
import {
  generalPartNynorskSections,
  generalPartSections,
  generalPartVersions,
} from './general-part.table.js';

/** A version's sections in order, each with its nynorsk text when one has been entered. */
async function sectionsWithNynorsk(db: Db | Tx, versionId: string) {
  return db
    .select({
      key: generalPartSections.key,
      title: generalPartSections.title,
      body: generalPartSections.body,
      nynorskTitle: generalPartNynorskSections.title,
      nynorskBody: generalPartNynorskSections.body,
    })
    .from(generalPartSections)
    .leftJoin(generalPartNynorskSections, eq(generalPartNynorskSections.sectionId, generalPartSections.id))
    .where(eq(generalPartSections.versionId, versionId))
    .orderBy(asc(generalPartSections.position));
}

/** A version's bokmål beside its nynorsk text, or null when there is no such version. */
export async function loadNynorsk(db: Db | Tx, versionId: string): Promise<GeneralPartNynorsk | null> {
  const [version] = await db.select().from(generalPartVersions).where(eq(generalPartVersions.id, versionId));
  if (!version) return null;
  const rows = await sectionsWithNynorsk(db, versionId);
  const sections = rows.map((row) => ({
    key: row.key,
    title: row.title,
    body: row.body,
    nynorsk:
      row.nynorskTitle !== null && row.nynorskBody !== null
        ? { title: row.nynorskTitle, body: row.nynorskBody }
        : null,
  }));
  return {
    versionId: version.id,
    cycleId: version.cycleId,
    number: version.number,
    // The CHECK constraint holds the column to these values.
    state: version.state as VersionState,
    version: version.version,
    complete: sections.length > 0 && sections.every((s) => s.nynorsk !== null),
    sections,
  };
}

export type GeneralPartText = {
  /** The written standard the text is in: nynorsk only when asked for and entered for every section. */
  language: DocumentLanguage;
  sections: { key: string; title: string; body: RichTextDoc }[];
};

/**
 * A version's text for a document in the given written standard. A nynorsk document gets the nynorsk text
 * when the coordinator has entered it for every section, and otherwise the bokmål throughout: a document
 * that switches standard from one section to the next reads as a mistake.
 */
export async function generalPartText(
  db: Db | Tx,
  versionId: string,
  wanted: DocumentLanguage,
): Promise<GeneralPartText> {
  const rows = await sectionsWithNynorsk(db, versionId);
  const nynorsk = wanted === 'nn' && rows.length > 0 && rows.every((r) => r.nynorskBody !== null);
  return {
    language: nynorsk ? 'nn' : 'nb',
    sections: rows.map((r) =>
      nynorsk && r.nynorskTitle !== null && r.nynorskBody !== null
        ? { key: r.key, title: r.nynorskTitle, body: r.nynorskBody }
        : { key: r.key, title: r.title, body: r.body },
    ),
  };
}
