import { NavLink, useLocation } from 'react-router';
import './sub-nav.css';

/**
 * A section's own menu (Register, Administrasjon) under the main menu. The part being shown is marked
 * with aria-current: "page" on its list, "true" on a page inside it (a region, a user), so a screen reader
 * says where the person is, and the mark shows it to everyone else.
 */
export function SubNav({ label, items }: { label: string; items: readonly { to: string; text: string }[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="sub-nav" aria-label={label}>
      <ul>
        {items.map(({ to, text }) => (
          <li key={to}>
            <NavLink to={to} aria-current={pathname === to ? 'page' : 'true'}>
              {text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
