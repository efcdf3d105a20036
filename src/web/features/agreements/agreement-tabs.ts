/**
 * The tabs of an agreement's page, in order: `path` is added to the agreement's address (`/avtaler/:id`),
 * empty for the overview. A feature that adds a tab adds its line here and its <Route> in
 * AgreementsRoutes.tsx; `key` is the tab's text in the web catalogue.
 */
export const agreementTabs: readonly { key: string; path: string }[] = [
  { key: 'agreements.tabs.overview', path: '' },
  { key: 'contributions.tab', path: 'bidrag' },
  { key: 'specialPart.tab', path: 'spesiell-del' },
];
