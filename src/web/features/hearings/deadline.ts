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
  | { kind: 'passed' }
  | { kind: 'closedEarly'; closedOn: string };

/**
 * Open: the days left as the server counted them (0 on the last day). Closed: at its deadline (the date is
 * shown beside it, not a count of days that grows for years), or, when the coordinator closed it before
 * the deadline, the day that happened.
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
  return { kind: 'passed' };
}

/** "3 dager igjen", "Siste dag i dag", "Lukket ved fristen", "Lukket 10.09.2020, før fristen". */
export function deadlineText(t: TFunction, status: DeadlineStatus, locale: Locale): string {
  switch (status.kind) {
    case 'open':
      return status.daysLeft === 0
        ? t('hearings.deadline.lastDay')
        : t('hearings.deadline.daysLeft', { count: status.daysLeft });
    case 'passed':
      return t('hearings.deadline.passed');
    case 'closedEarly':
      return t('hearings.deadline.closedEarly', { date: formatShortDate(status.closedOn, locale) });
  }
}
