import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/contracts/common';
import type { Contribution } from '../../../shared/contracts/contributions';
import { kronerOfInput } from '../../shared/amount';
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
 * What the budget field holds as the API wants it: nothing typed is no budget; kroner as Norwegians type
 * them («1 200 000 kr») are a number; anything else is kept as typed, so the shared schema names the
 * problem on the field with an example of an amount that works.
 */
export function budgetFromText(text: string): number | string | null {
  const amount = kronerOfInput(text);
  return Number.isNaN(amount) ? text : amount;
}
