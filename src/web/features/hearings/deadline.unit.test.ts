import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/catalogue';
import { formatShortDate, osloDateOf } from '../../shared/format';
import { daysBetween, deadlineStatus, deadlineText } from './deadline';

const t = i18next.getFixedT('nb');

beforeAll(async () => {
  await i18next.init({ resources, lng: 'nb', fallbackLng: 'nb', interpolation: { escapeValue: false } });
});

const hearing = (over: Partial<Parameters<typeof deadlineStatus>[0]> = {}) => ({
  state: 'open' as const,
  daysLeft: 3,
  deadline: '2020-09-15',
  closedAt: null,
  ...over,
});

describe('deadlines on screen', () => {
  it('writes a deadline the Norwegian way, and the English way in English', () => {
    expect(formatShortDate('2020-09-15', 'nb')).toBe('15.09.2020');
    expect(formatShortDate('2020-09-15', 'nn')).toBe('15.09.2020');
    expect(formatShortDate('2020-09-15', 'en')).toBe('15/09/2020');
  });

  it('counts calendar days across a change to summer time', () => {
    expect(daysBetween('2020-03-27', '2020-03-30')).toBe(3);
    expect(daysBetween('2020-09-17', '2020-09-15')).toBe(-2);
  });

  it('reads a moment as its date in Oslo (late evening UTC is the next day there)', () => {
    expect(osloDateOf('2020-09-14T22:30:00Z')).toBe('2020-09-15');
  });

  it('says the days left while open, and the last day as such', () => {
    expect(deadlineText(t, deadlineStatus(hearing(), '2020-09-12'), 'nb')).toBe('3 dager igjen');
    expect(deadlineText(t, deadlineStatus(hearing({ daysLeft: 1 }), '2020-09-14'), 'nb')).toBe('1 dag igjen');
    expect(deadlineText(t, deadlineStatus(hearing({ daysLeft: 0 }), '2020-09-15'), 'nb')).toBe(
      'Siste dag i dag',
    );
  });

  it('says a hearing closed by its deadline closed then, however long ago, without counting days', () => {
    const closed = hearing({ state: 'closed', daysLeft: null });
    expect(deadlineStatus(closed, '2020-09-17')).toEqual({ kind: 'passed' });
    expect(deadlineText(t, deadlineStatus(closed, '2020-09-17'), 'nb')).toBe('Lukket ved fristen');
    expect(deadlineText(t, deadlineStatus(closed, '2026-12-06'), 'nb')).toBe('Lukket ved fristen');
  });

  it('says when a hearing was closed before its deadline', () => {
    const early = hearing({ state: 'closed', daysLeft: null, closedAt: '2020-09-10T08:00:00Z' });
    expect(deadlineStatus(early, '2020-09-20')).toEqual({ kind: 'closedEarly', closedOn: '2020-09-10' });
    expect(deadlineText(t, deadlineStatus(early, '2020-09-20'), 'nb')).toBe('Lukket 10.09.2020, før fristen');
  });
});
