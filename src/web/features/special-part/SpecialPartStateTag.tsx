import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SpecialPartState } from '../../../shared/contracts/special-part';

const colour = {
  draft: 'neutral',
  sent: 'warning',
  agreed: 'success',
  superseded: 'neutral',
} as const satisfies Record<SpecialPartState, string>;

/** A special part version's state as a word in a coloured tag (Utkast, Sendt, Avtalt, Erstattet). */
export function SpecialPartStateTag({ state }: { state: SpecialPartState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={colour[state]} variant={state === 'superseded' ? 'outline' : 'default'}>
      {t(`specialPart.state.${state}`)}
    </Tag>
  );
}
