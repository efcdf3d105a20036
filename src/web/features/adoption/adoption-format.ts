import type { TFunction } from 'i18next';
import type { Divergence } from '../../../shared/contracts/adoption';

/** Who made a change, as the end of a sentence: "fylkesrådet", "kommunestyret i Marker". */
export function divergenceSource(t: TFunction, d: Pick<Divergence, 'source' | 'municipalityName'>): string {
  return d.source === 'board'
    ? t('adoption.changes.sourceBoard')
    : t('adoption.changes.sourceMunicipality', { municipality: d.municipalityName ?? '' });
}
