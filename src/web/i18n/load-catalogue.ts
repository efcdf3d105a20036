import type { Locale } from '../../shared/contracts/common';

/**
 * One language's strings (the ones the server shares, then the web app's own), loaded when the language is
 * first used: each language is a script of its own, so a page loads its reader's language and no other.
 * The same merge as `resources` in catalogue.ts, which the tests read with every language at once.
 */
export async function loadCatalogue(locale: Locale): Promise<Record<string, unknown>> {
  switch (locale) {
    case 'nn': {
      const [{ nn }, { webNn }] = await Promise.all([import('../../shared/i18n/nn'), import('./nn')]);
      return { ...nn, ...webNn };
    }
    case 'en': {
      const [{ en }, { webEn }] = await Promise.all([import('../../shared/i18n/en'), import('./en')]);
      return { ...en, ...webEn };
    }
    default: {
      const [{ nb }, { webNb }] = await Promise.all([import('../../shared/i18n/nb'), import('./nb')]);
      return { ...nb, ...webNb };
    }
  }
}
