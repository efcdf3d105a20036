import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ResetPasswordInput, type User } from '../../../shared/contracts/users';
import { useForm } from '../../shared/use-form';
import { AdminDialog } from './AdminDialog';
import { useResetPassword } from './admin-api';

/** The admin sets a new password for someone who has lost theirs; the server ends the user's sessions. */
export function ResetPasswordDialog({
  user,
  open,
  onClose,
  onSaved,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AdminDialog
      open={open}
      onClose={onClose}
      title={t('admin.users.resetPasswordTitle', { name: user.name })}
    >
      <PasswordForm
        user={user}
        onCancel={onClose}
        onSaved={() => {
          onSaved();
          onClose();
        }}
      />
    </AdminDialog>
  );
}

function PasswordForm({
  user,
  onCancel,
  onSaved,
}: {
  user: User;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  const form = useForm(ResetPasswordInput, { password: '' });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await reset.mutateAsync(data);
        onSaved();
      })}
    >
      <Paragraph>{t('admin.users.resetPasswordBody')}</Paragraph>
      {form.formError && (
        <Alert data-color="danger" role="alert">
          {form.formError}
        </Alert>
      )}
      <Textfield
        label={t('admin.users.newPassword')}
        description={t('admin.users.passwordHelp')}
        type="password"
        autoComplete="new-password"
        value={form.values.password}
        onChange={(e) => form.set('password', e.target.value)}
        onBlur={() => form.blur('password')}
        error={form.errors.password}
      />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('admin.users.savePassword')}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
