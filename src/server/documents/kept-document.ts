import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import type { DocumentLanguage, DocumentModel } from './document-model.js';
import { type DocumentFile, type DocumentFormat, renderDocument } from './download.js';
import { keptDocuments } from './kept-document.table.js';
import type { DocumentCaller } from './render-pool.js';

/** Which kept document: its subject (an agreement or a hearing), the kind of document, and how it is made. */
export type KeptDocumentKey = {
  subjectId: string;
  /** E.g. `agreement`, or `hearing-summary/final` (a region's summary, final dispositions only). */
  kind: string;
  format: DocumentFormat;
  /** The document's written standard, as its model will say. */
  language: DocumentLanguage;
  /**
   * What the document is made from, without what changes on every reading (the time it is made): its
   * SHA-256 decides whether the kept file still stands for it.
   */
  source: unknown;
};

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * A document of a version that no longer changes, made once and kept: the first download makes it (in the
 * document workers, render-pool.ts) and stores it; every later one sends the stored file, with its SHA-256
 * as a strong ETag, without making it again. Should its source still differ from what the kept file was
 * made from (a disposition answered after the hearing closed), it is made anew and replaces the old.
 * Drafts are not kept: their use cases call `renderDocument` and make them fresh every time.
 */
export async function keptDocument(
  db: Db | Tx,
  caller: DocumentCaller,
  key: KeptDocumentKey,
  model: () => DocumentModel,
  name: string,
): Promise<DocumentFile> {
  const fingerprint = sha256(JSON.stringify(key.source));
  const where = and(
    eq(keptDocuments.subjectId, key.subjectId),
    eq(keptDocuments.kind, key.kind),
    eq(keptDocuments.format, key.format),
    eq(keptDocuments.language, key.language),
  );
  const [kept] = await db
    .select({
      fingerprint: keptDocuments.fingerprint,
      filename: keptDocuments.filename,
      mediaType: keptDocuments.mediaType,
      sha256: keptDocuments.sha256,
      content: keptDocuments.content,
    })
    .from(keptDocuments)
    .where(where);
  if (kept && kept.fingerprint === fingerprint) {
    return { filename: kept.filename, mediaType: kept.mediaType, content: kept.content, etag: kept.sha256 };
  }
  const built = model();
  const file = await renderDocument(caller, built, key.format, name);
  const hash = sha256(file.content);
  const row = {
    subjectId: key.subjectId,
    kind: key.kind,
    format: key.format,
    language: key.language,
    fingerprint,
    filename: file.filename,
    mediaType: file.mediaType,
    size: file.content.length,
    sha256: hash,
    content: file.content,
  };
  // Two first downloads at once both make it; the later write wins, and both sent a right file.
  await db
    .insert(keptDocuments)
    .values(row)
    .onConflictDoUpdate({
      target: [keptDocuments.subjectId, keptDocuments.kind, keptDocuments.format, keptDocuments.language],
      set: { ...row, createdAt: new Date() },
    });
  return { ...file, etag: hash };
}
