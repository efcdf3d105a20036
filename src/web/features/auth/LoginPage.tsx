import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoginInput } from '../../../shared/contracts/auth';
import { FormError } from '../../shared/components/FormError';
import { useForm } from '../../shared/use-form';
import { publicRoot } from '../public';
import { useLogin } from './auth.api';
import { LanguageSelect } from './LanguageSelect';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm(LoginInput, { email: '', password: '' });
  useEffect(() => {
    document.title = `${t('login.title')} – ${t('app.name')}`;
  }, [t]);

  return (
    <main id="main" className="login stack" tabIndex={-1}>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <LanguageSelect />
      </div>
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      <Paragraph>{t('login.intro')}</Paragraph>
      <form
        className="stack"
        noValidate
        onSubmit={form.submit(async (data) => {
          await login.mutateAsync(data);
        })}
      >
        <FormError error={form.formError} />
        <Textfield label={t('login.email')} type="email" autoComplete="username" {...form.field('email')} />
        <Textfield
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
        <div>
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link to={publicRoot}>{t('public.loginLink')}</Link>
      </Paragraph>
    </main>
  );
}
