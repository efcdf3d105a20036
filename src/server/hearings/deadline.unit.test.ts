import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysLeft,
  deadlineEnd,
  deadlinePassed,
  osloDate,
  osloInstant,
} from './deadline.js';

const at = (iso: string) => new Date(iso);

describe('a deadline is the end of its calendar day in Oslo', () => {
  it('accepts input to the last second of a summer-time deadline day (UTC+2)', () => {
    expect(deadlinePassed('2025-09-15', at('2025-09-15T21:59:59.999Z'))).toBe(false);
    expect(deadlinePassed('2025-09-15', at('2025-09-15T22:00:00.000Z'))).toBe(true);
    expect(deadlineEnd('2025-09-15').toISOString()).toBe('2025-09-15T22:00:00.000Z');
  });

  it('accepts input to the last second of a winter deadline day (UTC+1)', () => {
    expect(deadlinePassed('2025-01-15', at('2025-01-15T22:59:59.999Z'))).toBe(false);
    expect(deadlinePassed('2025-01-15', at('2025-01-15T23:00:00.000Z'))).toBe(true);
    expect(deadlineEnd('2025-01-15').toISOString()).toBe('2025-01-15T23:00:00.000Z');
  });

  it('ends the day on which summer time starts (30 March 2025) at 22:00 UTC, not 23:00', () => {
    // Clocks go from 02:00 to 03:00 that night; the day is 23 hours long and ends on summer time.
    expect(deadlineEnd('2025-03-30').toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(deadlinePassed('2025-03-30', at('2025-03-30T21:59:59Z'))).toBe(false);
    expect(deadlinePassed('2025-03-30', at('2025-03-30T22:00:00Z'))).toBe(true);
    // The day before still ends on winter time.
    expect(deadlineEnd('2025-03-29').toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(deadlinePassed('2025-03-29', at('2025-03-29T22:30:00Z'))).toBe(false);
  });

  it('ends the day on which summer time ends (26 October 2025) at 23:00 UTC', () => {
    // Clocks go from 03:00 back to 02:00; the day is 25 hours long and ends on winter time.
    expect(deadlineEnd('2025-10-26').toISOString()).toBe('2025-10-26T23:00:00.000Z');
    expect(deadlinePassed('2025-10-26', at('2025-10-26T22:30:00Z'))).toBe(false);
    expect(deadlinePassed('2025-10-26', at('2025-10-26T23:00:00Z'))).toBe(true);
    // The day before ends on summer time.
    expect(deadlineEnd('2025-10-25').toISOString()).toBe('2025-10-25T22:00:00.000Z');
  });

  it('is already the next day in Oslo while it is still the day before in UTC', () => {
    expect(osloDate(at('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(deadlinePassed('2025-12-31', at('2025-12-31T23:30:00Z'))).toBe(true);
    expect(osloDate(at('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});

describe('days left and reminder times', () => {
  it('counts calendar days in Oslo: 0 on the deadline day, null once it passed', () => {
    expect(daysLeft('2025-09-15', at('2025-09-08T10:00:00Z'))).toBe(7);
    expect(daysLeft('2025-09-15', at('2025-09-14T22:30:00Z'))).toBe(0);
    expect(daysLeft('2025-09-15', at('2025-09-15T22:00:00Z'))).toBeNull();
    // Across the change to winter time the count is still in whole days.
    expect(daysLeft('2025-11-01', at('2025-10-25T12:00:00Z'))).toBe(7);
  });

  it('finds a morning hour in Oslo on either side of the clock changes', () => {
    expect(osloInstant('2025-03-29', 8).toISOString()).toBe('2025-03-29T07:00:00.000Z');
    expect(osloInstant('2025-03-30', 8).toISOString()).toBe('2025-03-30T06:00:00.000Z');
    expect(osloInstant('2025-10-26', 8).toISOString()).toBe('2025-10-26T07:00:00.000Z');
    expect(osloInstant('2025-10-25', 0).toISOString()).toBe('2025-10-24T22:00:00.000Z');
  });

  it('moves and measures calendar dates across months and leap days', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-25', 7)).toBe('2025-04-01');
    expect(daysBetween('2025-10-20', '2025-10-27')).toBe(7);
    expect(daysBetween('2025-09-15', '2025-09-08')).toBe(-7);
  });
});
