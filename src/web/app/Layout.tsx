import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { Me } from '../../shared/contracts/auth';
import type { County } from '../../shared/contracts/registry';
import { useLogout } from '../features/auth/auth.api';
import { LanguageSelect } from '../features/auth/LanguageSelect';
import { api } from '../shared/api';
import { CyclePicker } from './CyclePicker';
import { sections } from './navigation';

/**
 * The page's frame: the top bar and the main menu above the page. On a wide screen everything is in view:
 * the name, the county, the cycle, the language, who is signed in and the sections. On a narrow one (a
 * phone) the bar is one row, the name and a menu button; the button shows and hides the rest below it (a
 * disclosure: `aria-expanded`, `aria-controls`; Escape closes it and gives the focus back to the button;
 * choosing a page closes it).
 */
export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const county = useQuery({ queryKey: ['county'], queryFn: () => api<County>('GET', '/api/v1/county') });
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // While the menu is open, Escape closes it and gives the focus back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input.
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__bar">
          <NavLink to="/" className="app-header__brand">
            {t('app.name')}
          </NavLink>
          {county.data && <span className="app-header__county">{county.data.name}</span>}
          <Button
            ref={menuButton}
            variant="secondary"
            data-size="sm"
            className="app-header__menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('header.menu')}
          </Button>
          <div id="app-menu" className="app-header__menu" data-open={menuOpen}>
            <CyclePicker me={me} />
            <div className="app-header__tools">
              <LanguageSelect />
              <Paragraph data-size="sm">
                {t('header.signedInAs', { name: me.name })} ({t(`roles.${me.role}`)})
              </Paragraph>
              <NavLink to="/kalender" className="app-header__link">
                {t('header.calendar')}
              </NavLink>
              <Button variant="secondary" data-size="sm" onClick={() => logout.mutate()}>
                {t('header.signOut')}
              </Button>
            </div>
            <nav className="app-nav" aria-label={t('header.mainNav')}>
              <ul>
                {sections
                  .filter((s) => s.roles.includes(me.role))
                  .map((s) => (
                    <li key={s.path}>
                      <NavLink to={s.path} end={s.path === '/'}>
                        {t(s.key)}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
