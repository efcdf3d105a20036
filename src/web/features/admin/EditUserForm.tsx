import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contracts/common';
import { UpdateUserInput, type User } from '../../../shared/contracts/users';
import { FormError, useConflict } from '../../shared/components/FormError';
import { useForm } from '../../shared/use-form';
import { bindingFor, RoleFields } from './RoleFields';
import { useUpdateUser } from './users.api';

type Values = {
  name: string;
  role: Role;
  departmentId: string | null;
  regionId: string | null;
  version: number;
};

/**
 * Name, role and binding of one user. The version read with the user goes along, so a change someone else
 * saved in between is refused (409) instead of overwritten; the person can then fetch the latest version.
 */
export function EditUserForm({
  user,
  onSaved,
  onReload,
}: {
  user: User;
  onSaved: (user: User) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const { conflict, guard } = useConflict();
  const initial: Values = {
    name: user.name,
    role: user.role,
    departmentId: user.departmentId,
    regionId: user.regionId,
    version: user.version,
  };
  const form = useForm(UpdateUserInput, initial);

  return (
    <form
      className="stack admin-form"
      noValidate
      onSubmit={form.submit(async (data) => {
        if (!form.dirty) return;
        onSaved(await guard(update.mutateAsync(bindingFor({ ...data, role: data.role ?? user.role }))));
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        onReload={onReload}
        reloadLabel={t('admin.users.reload')}
      />
      <Textfield label={t('admin.users.name')} {...form.field('name')} />
      <RoleFields form={form} />
      <div>
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
