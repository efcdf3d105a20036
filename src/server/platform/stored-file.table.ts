import { sql } from 'drizzle-orm';
import { check, integer, type PgColumn, text } from 'drizzle-orm/pg-core';
import { attachmentMaxBytes } from '../../shared/contracts/common.js';
import { bytea } from './files.js';

/** The columns of a file kept in the database (PDF or DOCX, checked by content, with its SHA-256). */
export const storedFileColumns = () => ({
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
});

type StoredFileTable = {
  filename: PgColumn;
  mediaType: PgColumn;
  size: PgColumn;
  sha256: PgColumn;
  content: PgColumn;
};

/** The database's own guard on a stored file: the two types, a size that matches the bytes, a real hash and name. */
export const storedFileChecks = (table: string, t: StoredFileTable) => [
  check(
    `${table}_media_type`,
    sql`${t.mediaType} in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')`,
  ),
  check(
    `${table}_size`,
    sql`${t.size} > 0 and ${t.size} <= ${sql.raw(String(attachmentMaxBytes))} and ${t.size} = octet_length(${t.content})`,
  ),
  check(`${table}_sha256`, sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  check(`${table}_filename`, sql`length(${t.filename}) between 1 and 255`),
];
