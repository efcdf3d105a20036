import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../shared/contracts/common';
import { CreateUserInput } from '../../../shared/contracts/users';
import { FormError } from '../../shared/components/FormError';
import { Page } from '../../shared/components/Page';
import { useForm } from '../../shared/use-form';
import { bindingFor, RoleFields } from './RoleFields';
import { useCreateUser } from './users.api';

type Values = {
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  regionId: string | null;
  password: string;
};
const empty: Values = {
  email: '',
  name: '',
  role: 'department',
  departmentId: null,
  regionId: null,
  password: '',
};

/** A new local account: who, which role (and department or region), and a first password. */
export function CreateUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const form = useForm(CreateUserInput, empty);

  return (
    <Page title={t('admin.users.createTitle')}>
      <Paragraph>
        <Link to="/admin/users">{t('admin.users.back')}</Link>
      </Paragraph>
      <Paragraph>{t('admin.users.createIntro')}</Paragraph>
      <form
        className="stack admin-form"
        noValidate
        onSubmit={form.submit(async (data) => {
          const user = await create.mutateAsync(bindingFor(data));
          navigate(`/admin/users/${user.id}`, {
            state: { notice: t('admin.users.created', { name: user.name }) },
          });
        })}
      >
        <FormError summary={form.summary} error={form.formError} />
        <Textfield label={t('admin.users.name')} autoComplete="off" {...form.field('name')} />
        <Textfield label={t('admin.users.email')} type="email" autoComplete="off" {...form.field('email')} />
        <RoleFields form={form} />
        <Textfield
          label={t('admin.users.password')}
          description={t('admin.users.passwordHelp')}
          type="password"
          autoComplete="new-password"
          {...form.field('password')}
        />
        <div className="row">
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? t('admin.users.creating') : t('admin.users.create')}
          </Button>
          <Button variant="secondary" type="button" onClick={() => navigate('/admin/users')}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
