import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/contracts/common';
import type { Contribution } from '../../../shared/contracts/contributions';
import { intlLocale } from '../../shared/format';

/** "kr 2 500 000": whole kroner the Norwegian way. */
export const formatNok = (value: number, locale: Locale) =>
  new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'NOK',
    maximumFractionDigits: 0,
  }).format(value);

/** "Samferdsel", or "Regionen (Indre Østfold regionråd)". */
export const ownerName = (t: TFunction, c: Pick<Contribution, 'owner' | 'region'>) =>
  c.owner.type === 'department'
    ? c.owner.department.name
    : t('contributions.ownerRegionNamed', { region: c.region.name });

/**
 * What the budget field holds as the API wants it: nothing typed is no budget; whole kroner, with spaces
 * between thousands allowed, is a number; anything else is sent as typed, so the shared schema names the
 * problem on the field ("must be a whole number of kroner").
 */
export function budgetFromText(text: string): number | string | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  return /^-?\d+$/.test(compact) ? Number(compact) : text;
}
