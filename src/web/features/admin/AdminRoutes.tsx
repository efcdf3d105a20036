import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { AdminNav } from './AdminNav';
import { AuditPage } from './AuditPage';
import { CreateUserPage } from './CreateUserPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';
import './admin.css';

/**
 * Users and the audit log. The admin manages users; a viewer (leadership, auditors) reads both. The server
 * refuses the same: hiding a button here is for clarity, not for security.
 */
export function AdminRoutes({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (me.role !== 'admin' && me.role !== 'viewer') {
    return (
      <Page title={t('nav.admin')}>
        <Paragraph>{t('errors.forbidden')}</Paragraph>
      </Page>
    );
  }
  const canEdit = me.role === 'admin';
  return (
    <div className="stack">
      <AdminNav />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage canEdit={canEdit} />} />
        <Route
          path="users/new"
          element={canEdit ? <CreateUserPage /> : <Navigate to="/admin/users" replace />}
        />
        <Route path="users/:id" element={<UserPage canEdit={canEdit} />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </div>
  );
}
