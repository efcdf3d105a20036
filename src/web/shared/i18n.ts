import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common';
import { loadCatalogue } from '../i18n/load-catalogue';

const storageKey = 'partnerskap.locale';

export function storedLocale(): Locale {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return v === 'nn' || v === 'en' ? v : 'nb';
}

/** The languages whose strings are loaded (each is loaded when first used, i18n/catalogue.ts). */
const loaded = new Set<Locale>();

async function load(locale: Locale) {
  if (loaded.has(locale)) return;
  i18next.addResourceBundle(locale, 'translation', await loadCatalogue(locale), true, true);
  loaded.add(locale);
}

/** Starts i18next with the remembered language's strings: the app is rendered once they are there. */
export async function initI18n() {
  const locale = storedLocale();
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: locale,
    fallbackLng: 'nb',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await load(locale);
  document.documentElement.lang = locale;
}

/** Switches the language on screen, in the page's lang attribute, and for the next visit. */
export async function applyLocale(locale: Locale) {
  localStorage.setItem(storageKey, locale);
  await load(locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  const l = i18next.language;
  return l === 'nn' || l === 'en' ? l : 'nb';
}
