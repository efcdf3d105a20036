import { describe, expect, it } from 'vitest';
import {
  AttachmentQuery,
  Email,
  IsoDate,
  IsoDateTime,
  isStorableText,
  ListQuery,
  optionalIsoDate,
  optionalText,
  requiredText,
  safeString,
} from './common.js';

describe('IsoDate', () => {
  it('accepts a leap day in a leap year', () => {
    expect(IsoDate.safeParse('2020-02-29').success).toBe(true);
  });

  it('refuses a leap day in a year that has none', () => {
    const result = IsoDate.safeParse('2021-02-29');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['validation.date']);
  });

  it.each(['2020-13-01', '2020-04-31', '2020-1-01', '01.02.2020', '2020-01-01T00:00:00Z', ''])(
    'refuses %j as a calendar date',
    (value) => {
      expect(IsoDate.safeParse(value).success).toBe(false);
    },
  );

  it('treats a missing optional date as none', () => {
    expect(optionalIsoDate.parse(undefined)).toBeNull();
    expect(optionalIsoDate.parse(null)).toBeNull();
    expect(optionalIsoDate.parse('2024-12-31')).toBe('2024-12-31');
  });
});

describe('text fields', () => {
  it('trims required text and refuses what is only spaces', () => {
    expect(requiredText(10).parse('  Hallingdal ')).toBe('Hallingdal');
    expect(requiredText(10).safeParse('   ').error?.issues[0]?.message).toBe('validation.required');
  });

  it('refuses required text over its maximum with the tooLong key', () => {
    expect(requiredText(3).safeParse('abcd').error?.issues[0]?.message).toBe('validation.tooLong');
  });

  it('turns empty optional text into null', () => {
    expect(optionalText(10).parse('')).toBeNull();
    expect(optionalText(10).parse('  ')).toBeNull();
    expect(optionalText(10).parse(' Viken ')).toBe('Viken');
  });
});

describe('Email', () => {
  it('trims and lower-cases an address', () => {
    expect(Email.parse('  Ola.Nordmann@Viken.NO ')).toBe('ola.nordmann@viken.no');
  });

  it('refuses what is not an address with the email key', () => {
    expect(Email.safeParse('ola.nordmann').error?.issues[0]?.message).toBe('validation.email');
  });
});

describe('text that cannot be stored', () => {
  const nul = 'Hallingdal\u0000';
  const loneHigh = 'Hallingdal \uD800';
  const loneLow = '\uDC00 Hallingdal';

  it('tells a NUL character or a lone surrogate from text with emoji and Norwegian letters', () => {
    expect(isStorableText('Æ Ø Å 😀 \t\n')).toBe(true);
    for (const bad of [nul, loneHigh, loneLow, '\uDE00\uD83D']) expect(isStorableText(bad)).toBe(false);
  });

  it.each([
    ['requiredText', requiredText(100)],
    ['optionalText', optionalText(100)],
    ['safeString', safeString()],
    ['Email', Email],
  ])('%s refuses them with the characters key', (_name, schema) => {
    for (const bad of [nul, loneHigh, loneLow]) {
      expect(schema.safeParse(bad).error?.issues.map((i) => i.message)).toEqual(['validation.characters']);
    }
  });

  it('refuses them in a cursor and an upload file name', () => {
    expect(ListQuery.safeParse({ cursor: nul }).success).toBe(false);
    expect(AttachmentQuery.safeParse({ filename: `a${loneHigh}.pdf` }).success).toBe(false);
  });
});

describe('dates in a sensible range', () => {
  it.each(['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31'])('refuses %s with dateRange', (value) => {
    expect(IsoDate.safeParse(value).error?.issues.map((i) => i.message)).toEqual(['validation.dateRange']);
  });

  it.each(['1900-01-01', '2200-12-31'])('accepts %s', (value) => {
    expect(IsoDate.safeParse(value).success).toBe(true);
  });

  it('holds a moment to the same years', () => {
    expect(IsoDateTime.safeParse('2025-03-04T10:00:00+01:00').success).toBe(true);
    expect(IsoDateTime.safeParse('0000-01-01T00:00:00Z').error?.issues[0]?.message).toBe(
      'validation.dateRange',
    );
    expect(IsoDateTime.safeParse('2025-03-04').error?.issues[0]?.message).toBe('validation.dateTime');
  });
});
