import type { Role } from '../../shared/contracts/common';

/** The main sections in the order of the process; each shown only to the roles that can use it. */
export const sections: { key: string; path: string; roles: readonly Role[] }[] = [
  { key: 'nav.overview', path: '/', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.generalPart', path: '/general-part', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.hearings', path: '/horinger', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.agreements', path: '/avtaler', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.meetings', path: '/moter', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.political', path: '/politisk', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.followUp', path: '/oppfolging', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.matrix', path: '/matrise', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.regionOverview', path: '/oversikt', roles: ['admin', 'department', 'viewer'] },
  { key: 'nav.registry', path: '/register', roles: ['admin', 'department', 'region', 'viewer'] },
  { key: 'nav.admin', path: '/admin', roles: ['admin', 'viewer'] },
];
