import type { ComponentType } from 'react';
import { useOutletContext } from 'react-router';
import type { Agreement } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';

/** What an agreement's tab gets from the layout: the agreement as read, and who is signed in. */
export type AgreementContext = { agreement: Agreement; me: Me };

/** For a tab's page, rendered inside the agreement's layout: the agreement and the signed-in person. */
export function useAgreementContext(): AgreementContext {
  return useOutletContext<AgreementContext>();
}

/** A tab of an agreement's page, after its overview. */
export type AgreementTab = {
  /** The tab's text: a key of the web catalogue. */
  label: string;
  /** Added to the agreement's address: `/avtaler/:id/<path>`. */
  path: string;
  /** The tab's page; useAgreementContext gives it the agreement. */
  page: ComponentType;
  /** Pages under the tab's address (a comparison, say), by their path after the tab's. */
  subpages?: readonly { path: string; page: ComponentType }[];
};

const tabs: AgreementTab[] = [];

/**
 * How a feature adds a tab to every agreement's page, so that the agreements feature does not import the
 * features that fill it. Tabs follow the overview in the order they are registered: src/web/app/
 * agreement-tabs.ts imports the modules that register them, in that order. Registering a path again
 * replaces its tab in place (a module that runs again in development).
 */
export function registerAgreementTab(tab: AgreementTab): void {
  const index = tabs.findIndex((t) => t.path === tab.path);
  if (index === -1) tabs.push(tab);
  else tabs[index] = tab;
}

/** The registered tabs, in order. */
export function agreementTabs(): readonly AgreementTab[] {
  return tabs;
}
