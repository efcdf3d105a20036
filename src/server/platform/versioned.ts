import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { notFound, stale } from './errors.js';

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn };

/**
 * Optimistic concurrency: reads the row under a lock and refuses when the caller's version is not the
 * current one, so a second save from a stale screen never silently overwrites the first.
 */
export async function lockVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  version: number,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update')) as T['$inferSelect'][];
  const row = rows[0];
  if (!row) throw notFound();
  if ((row as { version: number }).version !== version) throw stale();
  return row;
}

/** The columns every versioned update sets besides its own changes. */
export const nextVersion = (table: VersionedTable) => ({
  version: sql`${table.version} + 1`,
  updatedAt: sql`now()`,
});
