import { describe, expect, it } from 'vitest';
import { localeFromHeader, translate } from './translate.js';

describe('localeFromHeader', () => {
  it.each([
    [undefined, 'nb'],
    ['', 'nb'],
    ['nn-NO,nn;q=0.9', 'nn'],
    ['nb-NO,nb;q=0.9,en;q=0.8', 'nb'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE, nn;q=0.5', 'nn'],
    ['de-DE,fr;q=0.8', 'nb'],
  ])('reads %j as %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('nb', 'validation.tooLong', { max: 200 })).toBe('Teksten kan være høyst 200 tegn.');
    expect(translate('en', 'errors.forbidden')).not.toBe(translate('nb', 'errors.forbidden'));
  });

  it('returns the key itself for a key no catalogue has', () => {
    expect(translate('nn', 'validation.noSuchKey')).toBe('validation.noSuchKey');
  });
});
