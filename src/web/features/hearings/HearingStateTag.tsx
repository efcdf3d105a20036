import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { DispositionOutcome, HearingState } from '../../../shared/contracts/hearings';

const stateColour = { open: 'success', closed: 'neutral' } as const satisfies Record<HearingState, string>;

/** A hearing's state as a word in a coloured tag (Åpen, Lukket), never colour alone. */
export function HearingStateTag({ state }: { state: HearingState }) {
  const { t } = useTranslation();
  return <Tag data-color={stateColour[state]}>{t(`hearings.state.${state}`)}</Tag>;
}

const outcomeColour = {
  taken_in: 'success',
  partly_taken_in: 'info',
  not_taken_in: 'danger',
  noted: 'neutral',
} as const satisfies Record<DispositionOutcome, string>;

/** The county's answer to an input (Tatt inn, Delvis tatt inn, …); a draft says so in the same tag. */
export function OutcomeTag({ outcome, final = true }: { outcome: DispositionOutcome; final?: boolean }) {
  const { t } = useTranslation();
  const word = t(`hearings.outcome.${outcome}`);
  return (
    <Tag data-color={outcomeColour[outcome]} variant={final ? 'default' : 'outline'}>
      {final ? word : t('hearings.disposition.draftOutcome', { outcome: word })}
    </Tag>
  );
}

/** An input registered by the coordinator after the deadline. */
export function LateTag() {
  const { t } = useTranslation();
  return <Tag data-color="warning">{t('hearings.input.late')}</Tag>;
}
