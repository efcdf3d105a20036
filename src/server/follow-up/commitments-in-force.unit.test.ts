import { describe, expect, it } from 'vitest';
import { numberOfText, yearsOf } from './commitments-in-force.js';

describe('an agreed contribution made a commitment', () => {
  it('reads the numbers of an indicator as people write them, and nothing else', () => {
    expect(numberOfText('120 000')).toBe(120_000);
    expect(numberOfText('120\u00a0000')).toBe(120_000);
    expect(numberOfText('1,5')).toBe(1.5);
    expect(numberOfText('40 %')).toBe(40);
    expect(numberOfText('-3')).toBe(-3);
    expect(numberOfText('flere')).toBeNull();
    expect(numberOfText('10–20')).toBeNull();
    expect(numberOfText('')).toBeNull();
    expect(numberOfText(null)).toBeNull();
  });

  it('counts the whole years of an agreement, at least one', () => {
    expect(yearsOf('2021-01-01', '2024-12-31')).toBe(4);
    expect(yearsOf('2022-07-01', '2024-06-30')).toBe(2);
    expect(yearsOf('2024-01-01', '2024-03-31')).toBe(1);
  });
});
