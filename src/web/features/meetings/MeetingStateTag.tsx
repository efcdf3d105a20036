import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '../../../shared/contracts/meetings';

const colour = {
  planned: 'info',
  held: 'warning',
  minutes_for_comment: 'accent',
  minutes_approved: 'success',
  cancelled: 'neutral',
} as const satisfies Record<MeetingState, string>;

/** A meeting's state as a word in a coloured tag (Planlagt, Holdt, …), never colour alone. */
export function MeetingStateTag({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  return <Tag data-color={colour[state]}>{t(`meetings.state.${state}`)}</Tag>;
}
