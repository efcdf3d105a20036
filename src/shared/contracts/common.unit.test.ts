import { describe, expect, it } from 'vitest';
import { Email, IsoDate, optionalIsoDate, optionalText, requiredText } from './common.js';

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
