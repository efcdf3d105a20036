import type { Locale } from '../contracts/common.js';
import { en } from './en.js';
import { nb } from './nb.js';
import { nn } from './nn.js';

/** Every language has exactly the keys of bokmål; the type checker and the catalogue test both hold it. */
export type Catalogue = {
  [K in keyof typeof nb]: (typeof nb)[K] extends string ? string : Catalogue_<(typeof nb)[K]>;
};
type Catalogue_<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue_<T[K]> };

export const catalogues: Record<Locale, Catalogue> = { nb, nn, en };

/** Looks up a dotted key and fills `{{name}}` placeholders, as i18next does in the web app. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const found = lookup(catalogues[locale], key) ?? lookup(catalogues.nb, key);
  if (typeof found !== 'string') return key;
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

function lookup(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Picks the first supported language from an Accept-Language header. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'nb';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nb';
}
