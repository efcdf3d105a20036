import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../../../shared/contracts/mail';

const colours: Record<MailStatus, 'info' | 'success' | 'danger' | 'warning'> = {
  queued: 'info',
  sent: 'success',
  failed: 'danger',
  kept: 'warning',
};

/** Where an e-mail is: I kø, Sendt, Feilet or Holdt tilbake, in a word and a colour. */
export function OutboxStatusTag({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={colours[status]}>{t(`admin.outbox.statuses.${status}`)}</Tag>;
}
