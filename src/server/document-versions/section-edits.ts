import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type RichTextDoc, sameRichText, toPlainText } from '../../shared/contracts/rich-text.js';
import type { Tx } from '../db/client.js';

/**
 * Saving a draft sends every section's body (each up to 200 kB), so the routes that take a sections edit
 * take more than the app's default body limit; the per-body limit is checked by the schema.
 */
export const sectionsBodyLimit = 4 * 1024 * 1024;

/** What a versioned document's section table has in common: the general part's and a special part's. */
type SectionsTable = PgTable & { id: AnyPgColumn; versionId: AnyPgColumn };

/** A section as it is kept: its key, title, text and place, and whatever else the document stores. */
type StoredSection = { key: string; title: string; body: RichTextDoc; position: number };

/**
 * The sections of an edit with a key each: a section sent without one is new and gets a short random key
 * that neither the version nor the edit uses, so compare can follow it from now on.
 */
export function withKeys<S extends { key?: string | undefined }>(
  existing: readonly { key: string }[],
  sections: readonly S[],
): (S & { key: string })[] {
  const used = new Set([...existing.map((s) => s.key), ...sections.flatMap((s) => (s.key ? [s.key] : []))]);
  return sections.map((section) => ({ ...section, key: section.key ?? newKey(used) }));
}

function newKey(used: Set<string>): string {
  for (;;) {
    const key = `s-${randomBytes(5).toString('hex')}`;
    if (!used.has(key)) {
      used.add(key);
      return key;
    }
  }
}

/**
 * Makes a draft's sections the wanted ones: removes the sections whose key is gone, updates those that
 * changed and inserts the new ones. A section that keeps its key keeps its id, so whatever points at it
 * still does; an untouched section is not written at all.
 */
export async function replaceSections<W extends StoredSection>(
  tx: Tx,
  table: SectionsTable,
  versionId: string,
  existing: readonly (W & { id: string })[],
  wanted: readonly W[],
): Promise<void> {
  const keep = new Set(wanted.map((s) => s.key));
  const removed = existing.filter((s) => !keep.has(s.key)).map((s) => s.id);
  if (removed.length > 0) {
    await tx.delete(table).where(and(eq(table.versionId, versionId), inArray(table.id, removed)));
  }
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const inserts: (W & { versionId: string })[] = [];
  for (const section of wanted) {
    const current = byKey.get(section.key);
    if (!current) {
      inserts.push({ ...section, versionId });
      continue;
    }
    const { key: _key, ...columns } = section;
    const same = Object.entries(columns).every(([column, value]) =>
      column === 'body'
        ? sameRichText(current.body, section.body)
        : current[column as keyof typeof current] === value,
    );
    if (!same) await tx.update(table).set(columns).where(eq(table.id, current.id));
  }
  if (inserts.length > 0) await tx.insert(table).values(inserts);
}

/**
 * The audit of a sections edit keeps each section's key, title, place and a fingerprint of its text:
 * enough to see what an edit touched without copying up to 200 kB of text per section into the log on
 * every save.
 */
export function sectionsEditAudit(
  version: number,
  existing: readonly StoredSection[],
  wanted: readonly StoredSection[],
) {
  return {
    before: { version, sections: [...existing].sort((a, b) => a.position - b.position).map(audited) },
    after: { version: version + 1, sections: wanted.map(audited) },
  };
}

function audited(section: StoredSection) {
  return {
    key: section.key,
    title: section.title,
    position: section.position,
    characters: toPlainText(section.body).length,
    textHash: createHash('sha256').update(JSON.stringify(section.body)).digest('hex').slice(0, 16),
  };
}
