import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/**
 * The administration's own menu; the part being shown (also a user's page under Brukere) is marked. The
 * outbox is the coordinator's only: the e-mails name people and say what they were sent.
 */
export function AdminNav({ showOutbox }: { showOutbox: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.subNav')}>
      <ul>
        <li>
          <NavLink to="/admin/users">{t('admin.nav.users')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/audit">{t('admin.nav.audit')}</NavLink>
        </li>
        {showOutbox && (
          <li>
            <NavLink to="/admin/outbox">{t('admin.nav.outbox')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
