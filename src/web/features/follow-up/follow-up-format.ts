import type { Locale } from '../../../shared/contracts/common';
import type { CommitmentOwner } from '../../../shared/contracts/follow-up';
import type { RichTextDoc } from '../../../shared/contracts/rich-text';
import { intlLocale } from '../../shared/format';

/** "1 200 000 kr": whole kroner the Norwegian way. */
export function formatNok(amount: number, locale: Locale): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(amount)} kr`;
}

/** A measured value with its unit: "131 000 reiser". */
export function formatValue(value: number, unit: string, locale: Locale): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(value)} ${unit}`;
}

/** The owner as people say it: the department's name, or the region's. */
export const ownerName = (owner: CommitmentOwner, regionName: string) =>
  owner.type === 'department' ? owner.department.name : regionName;

/** Whether a rich text holds no text at all (an editor left empty): then nothing is sent. */
export function isEmptyDoc(doc: RichTextDoc | null): boolean {
  if (!doc) return true;
  return !JSON.stringify(doc).includes('"text":');
}

/** A number as typed, with spaces and a decimal comma ("1 200 000", "12,5"); empty is null, else NaN if not one. */
export function numberOfInput(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}
