import { en as sharedEn } from '../../shared/i18n/en';
import { nb as sharedNb } from '../../shared/i18n/nb';
import { nn as sharedNn } from '../../shared/i18n/nn';
import { webEn } from './en';
import { webNb } from './nb';
import { webNn } from './nn';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** Nynorsk and English must have every key bokmål has: a missing key fails the type check. */
export type WebCatalogue = Strings<typeof webNb>;

export const resources = {
  nb: { translation: { ...sharedNb, ...webNb } },
  nn: { translation: { ...sharedNn, ...webNn } },
  en: { translation: { ...sharedEn, ...webEn } },
};
