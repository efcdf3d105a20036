import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

const parts = ['regions', 'municipalities', 'departments', 'people'] as const;

/**
 * The registry's own menu. The part being shown is marked with aria-current: "page" on its list, "true"
 * on a page inside it (a region, a municipality), so a screen reader says where the person is.
 */
export function RegistryNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav className="registry-nav" aria-label={t('registry.nav.label')}>
      <ul>
        {parts.map((part) => {
          const to = `/register/${part}`;
          return (
            <li key={part}>
              <NavLink to={to} aria-current={pathname === to ? 'page' : 'true'}>
                {t(`registry.nav.${part}`)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
