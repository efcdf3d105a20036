import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/contracts/common';
import { osloParts } from '../../../shared/contracts/oslo-time';
import { formatDate } from '../../shared/format';

/** "18. mars 2025, 10:00–12:00": a meeting's day and hours in Oslo, the end's day too if it is another. */
export function meetingWhen(m: { startsAt: string; endsAt: string }, locale: Locale): string {
  const start = osloParts(m.startsAt);
  const end = osloParts(m.endsAt);
  const day = formatDate(start.date, locale);
  if (start.date === end.date) return `${day}, ${start.time}–${end.time}`;
  return `${day}, ${start.time} – ${formatDate(end.date, locale)}, ${end.time}`;
}

/** "1 t 30 min" / "45 min": an agenda's length. */
export function durationText(minutes: number, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('meetings.duration.minutes', { minutes: rest });
  if (rest === 0) return t('meetings.duration.hours', { hours });
  return t('meetings.duration.hoursMinutes', { hours, minutes: rest });
}
