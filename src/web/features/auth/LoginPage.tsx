import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoginInput } from '../../../shared/contracts/auth';
import { FormError } from '../../shared/components/FormError';
import { useForm } from '../../shared/use-form';
import { publicRoot } from '../public';
import { useLogin } from './auth.api';
import { LanguageSelect } from './LanguageSelect';

/**
 * The sign-in form's checks, the contract's (LoginInput in src/shared/contracts/auth.ts) written out: with the
 * schema itself the sign-in page would load zod, a tenth of its script. The server checks the contract on
 * every attempt, and its field errors land on the same fields.
 */
const loginChecks = {
  safeParse(input: unknown) {
    const { email = '', password = '' } = input as Partial<LoginInput>;
    const issues = [...check('email', email.trim(), 254), ...check('password', password, 200)];
    return issues.length === 0
      ? { success: true as const, data: { email: email.trim(), password } satisfies LoginInput }
      : { success: false as const, error: { issues } };
  },
};

function check(field: keyof LoginInput, value: string, maximum: number) {
  if (value.length === 0) return [{ path: [field], message: 'validation.required', code: 'custom' }];
  if (value.length > maximum)
    return [{ path: [field], message: 'validation.tooLong', code: 'too_big', maximum }];
  return [];
}

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm(loginChecks, { email: '', password: '' });
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
        <FormError summary={form.summary} error={form.formError} />
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
