import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/contracts/common';
import { formatDate, todayInOslo } from '../../shared/format';
import { daysBetween } from './political-format';

/**
 * A day of a meeting plan, the Norwegian way ("22. oktober 2020"); a deadline also says how many days are
 * left, or that it has passed.
 */
export function MeetingDate({
  date,
  locale,
  deadline = false,
}: {
  date: string;
  locale: Locale;
  deadline?: boolean;
}) {
  const { t } = useTranslation();
  const days = daysBetween(todayInOslo(), date);
  return (
    <>
      <time dateTime={date}>{formatDate(date, locale)}</time>
      {deadline && (
        <span className="muted">
          {' '}
          (
          {days < 0
            ? t('political.deadline.passed')
            : days === 0
              ? t('political.deadline.today')
              : t('political.deadline.daysLeft', { count: days })}
          )
        </span>
      )}
    </>
  );
}
