import { describe, expect, it } from 'vitest';
import { daysBetween } from './political-format';

describe('daysBetween', () => {
  it('counts whole calendar days, across the change to summer time', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-06', '2026-12-06')).toBe(0);
  });

  it('is negative for a day that has passed', () => {
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
  });
});
