import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import { type OverviewEntryMeeting, overviewEntries } from '../../../shared/contracts/overview';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { phaseColour } from '../milestones';
import { useOverview } from './overview.api';

/**
 * Where one agreement stands, in one place on its overview tab: the phase and since when, the next
 * milestone, the open actions from its meetings and its last and next meeting, with links to the
 * Fremdrift and Møter tabs. Its row of the overview of all regions, so both always say the same.
 */
export function AgreementProgressSummary({ agreementId, cycleId }: { agreementId: string; cycleId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const overview = useOverview(cycleId, agreementId);
  const meeting = (m: OverviewEntryMeeting | null) =>
    m
      ? t('overview.summary.meeting', {
          type: t(`meetings.type.${m.type}`),
          title: m.title,
          date: formatDate(m.startsAt.slice(0, 10), locale),
        })
      : t('overview.none');
  return (
    <section className="stack overview-summary" aria-labelledby="agreement-progress-summary">
      <Heading id="agreement-progress-summary" level={2} data-size="sm">
        {t('overview.summary.heading')}
      </Heading>
      <QueryState query={overview}>
        {(o) => {
          const row = overviewEntries(o)[0];
          if (!row) return <Paragraph>{t('overview.summary.none')}</Paragraph>;
          const path = agreementPath(row.agreementId);
          return (
            <>
              <dl>
                <dt>{t('overview.columns.phase')}</dt>
                <dd>
                  <Tag data-color={phaseColour[row.phase]} data-size="sm">
                    {t(`milestones.phase.${row.phase}`)}
                  </Tag>{' '}
                  {t('overview.summary.since', {
                    date: formatDate(row.phaseSince, locale),
                    count: row.daysInPhase,
                  })}
                </dd>
                <dt>{t('overview.columns.nextMilestone')}</dt>
                <dd>
                  {row.nextMilestone
                    ? row.nextMilestone.plannedDate
                      ? t('overview.summary.milestone', {
                          name: row.nextMilestone.name,
                          date: formatDate(row.nextMilestone.plannedDate, locale),
                        })
                      : row.nextMilestone.name
                    : t('overview.allDone')}
                </dd>
                <dt>{t('overview.columns.actions')}</dt>
                <dd>{row.openActions}</dd>
                <dt>{t('overview.columns.lastMeeting')}</dt>
                <dd>{meeting(row.lastMeeting)}</dd>
                <dt>{t('overview.columns.nextMeeting')}</dt>
                <dd>{meeting(row.nextMeeting)}</dd>
              </dl>
              <div className="row">
                <Link to={`${path}/fremdrift`}>{t('overview.summary.milestones')}</Link>
                <Link to={`${path}/moter`}>{t('overview.summary.meetings')}</Link>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
