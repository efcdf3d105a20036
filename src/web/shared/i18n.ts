import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common';
import { resources } from '../i18n/catalogue';

const storageKey = 'partnerskap.locale';

export function storedLocale(): Locale {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return v === 'nn' || v === 'en' ? v : 'nb';
}

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLocale(),
    fallbackLng: 'nb',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = storedLocale();
}

/** Switches the language on screen, in the page's lang attribute, and for the next visit. */
export function applyLocale(locale: Locale) {
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  const l = i18next.language;
  return l === 'nn' || l === 'en' ? l : 'nb';
}
