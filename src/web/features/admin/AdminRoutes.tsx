import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { AdminNav } from './AdminNav';
import { AuditPage } from './AuditPage';
import { CreateUserPage } from './CreateUserPage';
import { OutboxMessagePage } from './OutboxMessagePage';
import { OutboxPage } from './OutboxPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';
import './admin.css';

/**
 * Users, the audit log and the e-mail outbox. The admin manages users and reads the outbox; a viewer
 * (leadership, auditors) reads users and the log. The server refuses the same: hiding a button or a page
 * here is for clarity, not for security.
 */
export function AdminRoutes({ me }: { me: Me }) {
  if (me.role !== 'admin' && me.role !== 'viewer') return <NoAccess />;
  const canEdit = me.role === 'admin';
  return (
    <div className="stack">
      <AdminNav showOutbox={canEdit} />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage canEdit={canEdit} />} />
        <Route
          path="users/new"
          element={canEdit ? <CreateUserPage /> : <Navigate to="/admin/users" replace />}
        />
        <Route path="users/:id" element={<UserPage canEdit={canEdit} />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="outbox" element={canEdit ? <OutboxPage /> : <NoAccess />} />
        <Route path="outbox/:id" element={canEdit ? <OutboxMessagePage /> : <NoAccess />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </div>
  );
}

/** Typing the address is no way around the role: the page says so instead of showing an empty list. */
function NoAccess() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.admin')}>
      <Paragraph>{t('errors.forbidden')}</Paragraph>
    </Page>
  );
}
