import type { Locale } from '../../shared/contracts/common';
import {
  type AttachmentMediaType,
  attachmentMaxBytes,
  attachmentMediaTypes,
} from '../../shared/contracts/hearings';
import { intlLocale } from './format';

/** "850 kB", "2,3 MB": a file's size as people read it (1 kB = 1,000 bytes, as file managers show it). */
export function formatSize(bytes: number, locale: Locale): string {
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${number(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${number(bytes / 1000, 0)} kB`;
  return `${number(bytes / 1_000_000, 1)} MB`;
}

const byExtension: Record<string, AttachmentMediaType> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The type a chosen file is sent as: what the browser says, or else what its name ends with (some systems
 * give a Word file no type). null: neither a PDF nor a DOCX by any account. The server checks the content.
 */
export function mediaTypeOf(file: { name: string; type: string }): AttachmentMediaType | null {
  const declared = attachmentMediaTypes.find((m) => m === file.type);
  if (declared) return declared;
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  return byExtension[extension] ?? null;
}

/** The server's limit, checked before a large file is sent at all. */
export const tooLarge = (file: { size: number }) => file.size > attachmentMaxBytes;

/** What the file input accepts: the two types and their endings. */
export const acceptedFiles = [...attachmentMediaTypes, '.pdf', '.docx'].join(',');
