import type { ComponentType } from 'react';
import { useOutletContext } from 'react-router';
import type { Agreement } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import type { Role } from '../../../shared/contracts/common';

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
  /** Whether the tab is shown to this person on this agreement (absent: always). The server decides anyway. */
  visible?: (context: AgreementContext) => boolean;
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

/** The registered tabs this person sees on this agreement, in order. */
export function visibleAgreementTabs(context: AgreementContext): readonly AgreementTab[] {
  return tabs.filter((tab) => tab.visible?.(context) ?? true);
}

/**
 * A page of the Avtaler section about the current cycle's agreements as a whole (the milestone template,
 * say), at `/avtaler/<path>`, reached from a button beside Fagområder on the list.
 */
export type AgreementsPage = {
  /** The button's text: a key of the web catalogue. */
  label: string;
  path: string;
  page: ComponentType;
  /** Who reaches it; others are sent back to the list. */
  roles: readonly Role[];
};

const pages: AgreementsPage[] = [];

/** How a feature adds a page to the Avtaler section, as registerAgreementTab adds a tab to an agreement. */
export function registerAgreementsPage(page: AgreementsPage): void {
  const index = pages.findIndex((p) => p.path === page.path);
  if (index === -1) pages.push(page);
  else pages[index] = page;
}

/** The registered pages, in order. */
export function agreementsPages(): readonly AgreementsPage[] {
  return pages;
}
