import { describe, expect, it } from 'vitest';
import { daysBetween, numberedPoints, voteCount } from './political-format';

describe('daysBetween', () => {
  it('counts whole calendar days, across the change to summer time', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-06', '2026-12-06')).toBe(0);
  });

  it('is negative for a day that has passed', () => {
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
  });
});

describe('numberedPoints', () => {
  it('numbers the points in order, one a line, leaving out empty ones', () => {
    expect(
      numberedPoints([{ text: 'Avtalen godkjennes. ' }, { text: ' ' }, { text: 'Den gjelder fra 2027.' }]),
    ).toBe('1. Avtalen godkjennes.\n2. Den gjelder fra 2027.');
    expect(numberedPoints([])).toBe('');
  });
});

describe('voteCount', () => {
  it('reads an empty field as no count and anything else as a number', () => {
    expect(voteCount(' ')).toBeNull();
    expect(voteCount('7')).toBe(7);
    expect(voteCount('sju')).toBeNaN();
  });
});
