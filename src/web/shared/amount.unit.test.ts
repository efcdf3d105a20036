import { describe, expect, it } from 'vitest';
import { kronerOfInput } from './amount';

describe('kronerOfInput', () => {
  it('reads whole kroner as Norwegians type them', () => {
    for (const typed of [
      '1 200 000',
      '1200000',
      '1 200 000 kr',
      '1 200 000kr',
      'kr 1 200 000',
      'Kr. 1 200 000',
      '1 200 000,-',
      '1 200 000,–',
      '1 200 000,00',
      '1 200 000,- kr',
      '1.200.000',
      '1\u00a0200\u00a0000',
      '1\u202f200\u202f000\u00a0kr',
      '  1 200 000  ',
    ]) {
      expect(kronerOfInput(typed), typed).toBe(1_200_000);
    }
    expect(kronerOfInput('0')).toBe(0);
    expect(kronerOfInput('950')).toBe(950);
  });

  it('reads nothing typed as no amount', () => {
    expect(kronerOfInput('')).toBeNull();
    expect(kronerOfInput('   ')).toBeNull();
    expect(kronerOfInput('\u00a0')).toBeNull();
  });

  it('keeps a minus, so the schema can say an amount cannot be negative', () => {
    expect(kronerOfInput('-5')).toBe(-5);
    expect(kronerOfInput('−5 000 kr')).toBe(-5000);
  });

  it('refuses what is not whole kroner', () => {
    for (const typed of [
      '1,5 mill.',
      '1,5 millioner',
      '12,50',
      '1.5',
      '1.20.000',
      '1 200 000 NOK',
      'ca. 1 200 000',
      'kr',
      '1e6',
      '0x10',
      '-',
    ]) {
      expect(kronerOfInput(typed), typed).toBeNaN();
    }
  });
});
