import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { User } from '../../../shared/contracts/users';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { EditUserForm } from './EditUserForm';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { bindingOf, UserStatusTag } from './UsersPage';
import { useBindings, useUpdateUser, useUser } from './users.api';

/** One user: what they can do, and for the admin the changes to name, role, password and access. */
export function UserPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser(id);
  return (
    <DetailState
      query={user}
      notFound={t('admin.users.notFound')}
      back={{ to: '/admin/users', label: t('admin.users.back') }}
    >
      {(u) => <UserDetails user={u} canEdit={canEdit} onReload={() => void user.refetch()} />}
    </DetailState>
  );
}

function UserDetails({ user, canEdit, onReload }: { user: User; canEdit: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const bindings = useBindings();
  const update = useUpdateUser(user.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'password' | 'active' | null>(null);
  const binding = bindingOf(user, bindings);

  const toggleActive = async () => {
    const saved = await update.mutateAsync({ active: !user.active, version: user.version });
    setNotice(
      saved.active
        ? t('admin.users.reactivated', { name: saved.name })
        : t('admin.users.deactivated', { name: saved.name }),
    );
  };

  return (
    <Page title={user.name}>
      <Paragraph>
        <Link to="/admin/users">{t('admin.users.back')}</Link>
      </Paragraph>
      <Notice text={notice} fromNavigation />
      <section className="stack" aria-labelledby="user-details">
        <Heading id="user-details" level={2} data-size="sm">
          {t('admin.users.details')}
        </Heading>
        <dl className="facts">
          <dt>{t('admin.users.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('admin.users.role')}</dt>
          <dd>
            {t(`roles.${user.role}`)}
            <span className="muted"> – {t(`admin.users.roleHelp.${user.role}`)}</span>
          </dd>
          {binding && (
            <>
              <dt>{user.role === 'region' ? t('admin.users.region') : t('admin.users.department')}</dt>
              <dd>{binding}</dd>
            </>
          )}
          <dt>{t('admin.users.status')}</dt>
          <dd>
            <UserStatusTag active={user.active} />
          </dd>
          <dt>{t('admin.users.language')}</dt>
          <dd>{t(`languages.${user.locale}`)}</dd>
        </dl>
      </section>

      {canEdit && (
        <>
          <section className="stack page-section" aria-labelledby="user-edit">
            <Heading id="user-edit" level={2} data-size="sm">
              {t('admin.users.editTitle')}
            </Heading>
            <EditUserForm
              key={user.version}
              user={user}
              onSaved={(saved) => setNotice(t('admin.users.saved', { name: saved.name }))}
              onReload={onReload}
            />
          </section>
          <section className="stack page-section" aria-labelledby="user-access">
            <Heading id="user-access" level={2} data-size="sm">
              {t('admin.users.stateTitle')}
            </Heading>
            <Paragraph>{user.active ? t('admin.users.isActive') : t('admin.users.isInactive')}</Paragraph>
            <div className="row">
              <Button variant="secondary" onClick={() => setDialog('password')}>
                {t('admin.users.resetPassword')}
              </Button>
              <Button
                variant="secondary"
                data-color={user.active ? 'danger' : undefined}
                onClick={() => setDialog('active')}
              >
                {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
              </Button>
            </div>
          </section>
          <ResetPasswordDialog
            user={user}
            open={dialog === 'password'}
            onClose={() => setDialog(null)}
            onSaved={() => setNotice(t('admin.users.passwordSaved', { name: user.name }))}
          />
          <ConfirmDialog
            open={dialog === 'active'}
            onClose={() => setDialog(null)}
            title={
              user.active
                ? t('admin.users.deactivateTitle', { name: user.name })
                : t('admin.users.reactivateTitle', { name: user.name })
            }
            body={
              user.active
                ? t('admin.users.deactivateBody', { name: user.name })
                : t('admin.users.reactivateBody', { name: user.name, role: t(`roles.${user.role}`) })
            }
            confirmLabel={user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
            danger={user.active}
            onConfirm={toggleActive}
          />
        </>
      )}
    </Page>
  );
}
