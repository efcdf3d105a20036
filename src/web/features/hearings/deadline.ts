import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/contracts/common';
import type { HearingSummary } from '../../../shared/contracts/hearings';
import { formatShortDate, osloDateOf } from '../../shared/format';

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Where a hearing stands against its deadline, as of `today` in Oslo. */
export type DeadlineStatus =
  | { kind: 'open'; daysLeft: number }
  | { kind: 'passed'; daysAgo: number }
  | { kind: 'closedEarly'; closedOn: string };

/**
 * Open: the days left as the server counted them (0 on the last day). Closed: when the deadline has passed,
 * how long ago (today's date in Oslo against the deadline); when the coordinator closed it before the
 * deadline, the day that happened.
 */
export function deadlineStatus(
  hearing: Pick<HearingSummary, 'state' | 'daysLeft' | 'deadline' | 'closedAt'>,
  today: string,
): DeadlineStatus {
  if (hearing.state === 'open') {
    return { kind: 'open', daysLeft: hearing.daysLeft ?? Math.max(0, daysBetween(today, hearing.deadline)) };
  }
  const closedOn = hearing.closedAt ? osloDateOf(hearing.closedAt) : null;
  if (closedOn && closedOn <= hearing.deadline) return { kind: 'closedEarly', closedOn };
  return { kind: 'passed', daysAgo: Math.max(0, daysBetween(hearing.deadline, today)) };
}

/** "3 dager igjen", "Siste dag i dag", "Fristen gikk ut for 2 dager siden", "Lukket 10.09.2020, før fristen". */
export function deadlineText(t: TFunction, status: DeadlineStatus, locale: Locale): string {
  switch (status.kind) {
    case 'open':
      return status.daysLeft === 0
        ? t('hearings.deadline.lastDay')
        : t('hearings.deadline.daysLeft', { count: status.daysLeft });
    case 'passed':
      return status.daysAgo === 0
        ? t('hearings.deadline.passedToday')
        : t('hearings.deadline.passed', { count: status.daysAgo });
    case 'closedEarly':
      return t('hearings.deadline.closedEarly', { date: formatShortDate(status.closedOn, locale) });
  }
}
