import { createHash } from 'node:crypto';
import { customType } from 'drizzle-orm/pg-core';
import { fileTypeFromBuffer } from 'file-type';
import {
  type AttachmentMediaType,
  attachmentMaxBytes,
  attachmentMediaTypes,
} from '../../shared/contracts/common.js';
import { AppError, fieldError } from './errors.js';

/**
 * Uploaded files (a hearing input's attachments, an approval's decision document): PDF or DOCX, at most
 * 10 MB, checked by content and kept in the database (bytea) with their SHA-256.
 */

/** A bytea column read as a Buffer: node-postgres gives a Buffer, PGlite a Uint8Array. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

const extensionOf: Record<AttachmentMediaType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const isAttachmentType = (type: string): type is AttachmentMediaType =>
  (attachmentMediaTypes as readonly string[]).includes(type);

/**
 * A file name as it may be stored and sent back: the last part of a path only (a browser may send
 * `C:\fakepath\…`), without control characters, at most 255 characters.
 */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('');
  return printable.trim().slice(0, 255);
}

/** A file as it arrived: the name from the query, the type from Content-Type, the raw body. */
export type Upload = { filename: string; mediaType: string; content: Buffer };

/** A stored file, as it is sent back for download. */
export type StoredFile = { filename: string; mediaType: string; content: Buffer };

/** The media type of a Content-Type header, without parameters, in lower case ('' when none). */
export const declaredMediaType = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export type CheckedFile = {
  filename: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
};

/**
 * Checks an uploaded file by what it contains, not by what it claims: the bytes must be a PDF or a Word
 * document (DOCX), the same type as the request's Content-Type, with a file name ending to match. A PDF
 * renamed .docx, or a text file sent as application/pdf, is refused (400 naming the field).
 */
export async function checkFile(
  filename: string,
  declaredType: string,
  content: Buffer,
): Promise<CheckedFile> {
  const name = cleanFilename(filename);
  if (!name) throw fieldError('filename', 'validation.required');
  if (content.length === 0) throw fieldError('file', 'validation.fileEmpty');
  if (content.length > attachmentMaxBytes) throw new AppError('tooLarge');
  if (!isAttachmentType(declaredType)) throw fieldError('file', 'validation.fileType');
  const detected = await fileTypeFromBuffer(content);
  if (!detected || detected.mime !== declaredType) throw fieldError('file', 'validation.fileType');
  const extension = name.includes('.') ? name.split('.').pop()?.toLowerCase() : undefined;
  if (extension !== extensionOf[declaredType]) {
    throw fieldError('filename', 'validation.fileExtension', { extension: extensionOf[declaredType] });
  }
  return {
    filename: name,
    mediaType: declaredType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}
