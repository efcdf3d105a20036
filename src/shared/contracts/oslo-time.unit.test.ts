import { describe, expect, it } from 'vitest';
import { fromOsloParts, osloParts, toOsloIso } from './oslo-time';

describe('Oslo wall-clock times', () => {
  it('writes an instant with the offset Oslo has at that moment, winter and summer', () => {
    expect(toOsloIso(new Date('2025-01-15T09:00:00Z'))).toBe('2025-01-15T10:00:00+01:00');
    expect(toOsloIso(new Date('2025-07-15T08:30:00Z'))).toBe('2025-07-15T10:30:00+02:00');
    expect(toOsloIso(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01T00:30:00+01:00');
  });

  it('reads the date and time of day in Oslo, whatever offset the instant was written with', () => {
    expect(osloParts('2025-03-18T14:00:00Z')).toEqual({ date: '2025-03-18', time: '15:00' });
    expect(osloParts('2025-06-01T23:15:00+00:00')).toEqual({ date: '2025-06-02', time: '01:15' });
  });

  it('makes an instant of a date and time in Oslo, across both clock changes', () => {
    expect(fromOsloParts('2025-01-15', '10:00')).toBe('2025-01-15T10:00:00+01:00');
    expect(fromOsloParts('2025-07-15', '10:00')).toBe('2025-07-15T10:00:00+02:00');
    // Summer time starts at 02:00 on 30 March 2025: 01:30 is winter time, 03:30 summer time.
    expect(fromOsloParts('2025-03-30', '01:30')).toBe('2025-03-30T01:30:00+01:00');
    expect(fromOsloParts('2025-03-30', '03:30')).toBe('2025-03-30T03:30:00+02:00');
    expect(fromOsloParts('2025-03-30', '02:30')).toBe('2025-03-30T03:30:00+02:00');
    // It ends at 03:00 on 26 October 2025, when the clock goes back to 02:00.
    expect(fromOsloParts('2025-10-26', '01:30')).toBe('2025-10-26T01:30:00+02:00');
    expect(fromOsloParts('2025-10-26', '02:30')).toBe('2025-10-26T02:30:00+01:00');
    expect(fromOsloParts('2025-10-26', '03:30')).toBe('2025-10-26T03:30:00+01:00');
  });

  it('round-trips every hour of a year through its parts', () => {
    for (
      let t = Date.parse('2025-01-01T00:00:00Z');
      t < Date.parse('2026-01-01T00:00:00Z');
      t += 60 * 60_000
    ) {
      const iso = toOsloIso(new Date(t));
      const { date, time } = osloParts(iso);
      const back = fromOsloParts(date, time);
      // The repeated hour in October is read as its second occurrence.
      if (back !== iso) expect(Date.parse(back ?? '') - t).toBe(3_600_000);
      else expect(Date.parse(back)).toBe(t);
    }
  });

  it('refuses what is no date or no time', () => {
    expect(fromOsloParts('2025-02-30', '10:00')).toBeNull();
    expect(fromOsloParts('2025-02-10', '24:00')).toBeNull();
    expect(fromOsloParts('10.02.2025', '10:00')).toBeNull();
    expect(fromOsloParts('2025-02-10', '')).toBeNull();
  });
});
