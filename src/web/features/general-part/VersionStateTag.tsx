import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CycleStatus, VersionState } from '../../../shared/contracts/general-part';

const versionColour = {
  draft: 'neutral',
  on_hearing: 'warning',
  approved: 'success',
  superseded: 'neutral',
} as const satisfies Record<VersionState, string>;

/** A version's state as a word in a coloured tag (Utkast, Sendt på høring, Godkjent, Erstattet), never colour alone. */
export function VersionStateTag({ state }: { state: VersionState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={versionColour[state]} variant={state === 'superseded' ? 'outline' : 'default'}>
      {t(`generalPart.state.${state}`)}
    </Tag>
  );
}

const cycleColour = { planning: 'info', active: 'success', closed: 'neutral' } as const satisfies Record<
  CycleStatus,
  string
>;

export function CycleStatusTag({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={cycleColour[status]}>{t(`generalPart.cycleStatus.${status}`)}</Tag>;
}
