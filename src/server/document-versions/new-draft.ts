import { and, eq, max } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { conflict } from '../platform/errors.js';

type VersionsTable = PgTable & {
  id: AnyPgColumn;
  number: AnyPgColumn;
  state: AnyPgColumn;
};
type SectionsTable = PgTable & { id: AnyPgColumn; versionId: AnyPgColumn };

/**
 * A versioned document's tables: its versions, their sections, and the column that says whose document a
 * version is (a cycle's general part, an agreement's special part).
 */
export type DocumentTables<V extends VersionsTable, O extends string> = {
  versions: V & Record<O, AnyPgColumn>;
  sections: SectionsTable;
  owner: O;
};

type VersionRow = { id: string; number: number };

/**
 * A new draft copied from a version: the next number of the document, based on the source, with the
 * source's sections under the same keys (so compare can follow each section). A document has at most one
 * draft; with one already there the caller gets 409 with `draftExists` as the reason. The caller holds the
 * owner's lock, which orders the document's drafts so that numbers never collide.
 */
export async function copyIntoNewDraft<V extends VersionsTable, O extends string>(
  tx: Tx,
  tables: DocumentTables<V, O>,
  source: V['$inferSelect'] & VersionRow & Record<O, string>,
  createdBy: string | null,
  draftExists: string,
): Promise<{ row: V['$inferSelect']; sectionKeys: string[] }> {
  const { versions, sections, owner } = tables;
  const ownerId = source[owner];
  const [draft] = await tx
    .select({ id: versions.id })
    .from(versions as PgTable)
    .where(and(eq(versions[owner], ownerId), eq(versions.state, 'draft')));
  if (draft) throw conflict(draftExists);
  const [last] = await tx
    .select({ number: max(versions.number) })
    .from(versions as PgTable)
    .where(eq(versions[owner], ownerId));
  const [row] = (await tx
    .insert(versions as PgTable)
    .values({
      [owner]: ownerId,
      number: ((last?.number as number | null) ?? 0) + 1,
      state: 'draft',
      basedOnVersionId: source.id,
      createdBy,
    })
    .returning()) as V['$inferSelect'][];
  if (!row) throw new Error('insert returned nothing');
  const copied = (await tx
    .select()
    .from(sections as PgTable)
    .where(eq(sections.versionId, source.id))) as ({ id: string; versionId: string; key: string } & Record<
    string,
    unknown
  >)[];
  if (copied.length > 0) {
    await tx.insert(sections as PgTable).values(
      copied.map(({ id: _id, versionId: _versionId, ...copy }) => ({
        ...copy,
        versionId: (row as VersionRow).id,
      })),
    );
  }
  return { row, sectionKeys: copied.map((s) => s.key) };
}
