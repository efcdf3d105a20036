import type { Locale } from '../../shared/contracts/common';

/**
 * The locales to format dates and numbers in, best first. Browsers without nynorsk data (Chromium as Debian
 * builds it knows nb-NO but not nn-NO) would otherwise fall back to American formats; nynorsk writes dates,
 * month names and numbers as bokmål does, so bokmål is its fallback.
 */
const intlLocales: Record<Locale, string[]> = {
  nb: ['nb-NO', 'no'],
  nn: ['nn-NO', 'nb-NO', 'no'],
  en: ['en-GB'],
};

export const intlLocale = (locale: Locale): string[] => intlLocales[locale];

/** "22. oktober 2020": calendar dates the Norwegian way, read in Europe/Oslo. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  }).format(date);
}

/** "15.09.2020": a date (a deadline, a period's end) as Norwegians write it in a table or a sentence. */
export function formatShortDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

/** "15.09.2020, 14:03": a moment, for logs. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}

/** Today's calendar date in Europe/Oslo, as ISO. */
export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** The calendar date in Oslo of a moment. */
export function osloDateOf(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(iso));
}
