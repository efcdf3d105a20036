import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
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
  if (declaredType === docxType) await checkUnpackedSize(content);
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

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The most a DOCX may hold once unpacked: its parts together (XML, images). A real document of 10 MB holds
 * a fraction of this; a ZIP bomb (a few hundred kB that unpack to gigabytes) is refused before it is stored
 * and handed to anyone's Word.
 */
export const docxMaxUnpackedBytes = 50 * 1024 * 1024;
/** More parts than this is no Word document (a long one with many images has a few hundred). */
const docxMaxEntries = 5000;

const inflateRawAsync = promisify(inflateRaw);

/**
 * Reads the ZIP's central directory and refuses a DOCX that would unpack past {@link docxMaxUnpackedBytes}:
 * first by the sizes it declares, then by unpacking each part with a cap at the size it declared, so that
 * a directory that lies is caught too. A ZIP that cannot be read this way (broken, encrypted, ZIP64, a
 * compression other than deflate) is no Word document.
 */
export async function checkUnpackedSize(zip: Buffer): Promise<void> {
  const notDocx = () => fieldError('file', 'validation.fileType');
  const tooLarge = () =>
    fieldError('file', 'validation.fileUnpackedTooLarge', { max: docxMaxUnpackedBytes / 1024 / 1024 });
  const entries = centralDirectory(zip);
  if (!entries) throw notDocx();
  if (entries.length > docxMaxEntries) throw tooLarge();
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > docxMaxUnpackedBytes) throw tooLarge();
  for (const entry of entries) {
    const data = entryData(zip, entry);
    if (!data) throw notDocx();
    if (entry.method === 0) {
      if (data.length !== entry.size) throw notDocx();
      continue;
    }
    try {
      // One byte over what it declared is enough to know that it lied.
      const unpacked = await inflateRawAsync(data, { maxOutputLength: entry.size + 1 });
      if (unpacked.length !== entry.size) throw tooLarge();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw tooLarge();
      }
      throw notDocx();
    }
  }
}

type ZipEntry = { method: number; compressedSize: number; size: number; localOffset: number };

/** The entries of a ZIP's central directory, or null when it has none that can be read. */
function centralDirectory(zip: Buffer): ZipEntry[] | null {
  // The end record is the last 22 bytes, after which only a comment of at most 65,535 bytes may follow.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= earliest; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const localOffset = zip.readUInt32LE(at + 42);
    const encrypted = (flags & 1) !== 0;
    const zip64 = compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff;
    if (encrypted || zip64 || (method !== 0 && method !== 8)) return null;
    entries.push({ method, compressedSize, size, localOffset });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's packed bytes, found through its local header, or null when they are not where it says. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end <= zip.length ? zip.subarray(start, end) : null;
}
