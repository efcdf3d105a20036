import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ResetPasswordInput, type User } from '../../../shared/contracts/users';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { useResetPassword } from './users.api';

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
    <ModalDialog
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
    </ModalDialog>
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
      <FormError summary={form.summary} error={form.formError} />
      <Textfield
        label={t('admin.users.newPassword')}
        description={t('admin.users.passwordHelp')}
        type="password"
        autoComplete="new-password"
        {...form.field('password')}
      />
      <DialogButtons
        submitting={form.submitting}
        submit={t('admin.users.savePassword')}
        onCancel={onCancel}
      />
    </form>
  );
}
