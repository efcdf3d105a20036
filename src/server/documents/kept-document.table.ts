import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../platform/files.js';

/**
 * Documents of versions that no longer change, made once and kept (kept-document.ts): an agreement whose
 * special part is agreed on an approved general part, and a closed hearing's input summary. One row per
 * subject (the agreement or hearing), kind, format and language; `fingerprint` is the SHA-256 of what the
 * document was made from, so that anything that still changes (a disposition answered after the close)
 * makes it anew and replaces the row. No reference to the subject: it is an agreement or a hearing.
 */
export const keptDocuments = pgTable(
  'kept_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    language: text('language').notNull(),
    fingerprint: text('fingerprint').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('kept_documents_one').on(t.subjectId, t.kind, t.format, t.language),
    check('kept_documents_format', sql`${t.format} in ('docx', 'pdf')`),
    check('kept_documents_size', sql`${t.size} > 0 and ${t.size} = octet_length(${t.content})`),
    check(
      'kept_documents_sha256',
      sql`${t.sha256} ~ '^[0-9a-f]{64}$' and ${t.fingerprint} ~ '^[0-9a-f]{64}$'`,
    ),
    check('kept_documents_filename', sql`length(${t.filename}) between 1 and 255`),
  ],
);
