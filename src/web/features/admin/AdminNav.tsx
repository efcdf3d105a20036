import { useTranslation } from 'react-i18next';
import { SubNav } from '../../shared/components/SubNav';

/**
 * The administration's own menu. The outbox is the coordinator's only: the e-mails name people and say
 * what they were sent.
 */
export function AdminNav({ showOutbox }: { showOutbox: boolean }) {
  const { t } = useTranslation();
  const items = [
    { to: '/admin/users', text: t('admin.nav.users') },
    { to: '/admin/audit', text: t('admin.nav.audit') },
    ...(showOutbox ? [{ to: '/admin/outbox', text: t('admin.nav.outbox') }] : []),
  ];
  return <SubNav label={t('admin.subNav')} items={items} />;
}
