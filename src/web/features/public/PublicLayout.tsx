import { Field, Label, Paragraph, Select, SkipLink } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Locale, locales } from '../../../shared/contracts/common';
import { applyLocale, currentLocale } from '../../shared/i18n';
import { usePublicCounty } from './public.api';
import { publicRoot } from './public-paths';
import './public.css';

/**
 * The public pages' frame: the site's and the county's name, a language choice kept in the browser (no
 * account needed; `?lang=nn` in the address chooses too), and the way to sign in to the app.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const county = usePublicCounty().data?.name;

  // A language in the address (a link shared in nynorsk or English) is taken once, and kept.
  useEffect(() => {
    const asked = Locale.safeParse(new URLSearchParams(location.search).get('lang'));
    if (asked.success && asked.data !== currentLocale()) applyLocale(asked.data);
  }, [location.search]);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="public-header">
        <div className="public-header__bar">
          <Link to={publicRoot} className="public-header__brand">
            <span className="public-header__site">{t('public.siteName')}</span>
            {county && <span className="public-header__county">{county}</span>}
          </Link>
          <div className="public-header__tools">
            <PublicLanguageSelect />
            <Link to="/" className="public-header__sign-in">
              {t('public.signIn')}
            </Link>
          </div>
        </div>
      </header>
      <main id="main" className="app-main public-main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="public-footer">
        <Paragraph data-size="sm">{t('public.footer')}</Paragraph>
        <Paragraph data-size="sm">
          <Link to="/">{t('public.signInHelp')}</Link>
        </Paragraph>
      </footer>
    </>
  );
}

/** Bokmål, nynorsk or English, remembered in this browser only: a visitor has no account to keep it in. */
function PublicLanguageSelect() {
  const { t } = useTranslation();
  return (
    <Field data-size="sm" className="public-header__language">
      <Label>{t('header.language')}</Label>
      <Select value={currentLocale()} onChange={(e) => applyLocale(Locale.parse(e.target.value))}>
        {locales.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
