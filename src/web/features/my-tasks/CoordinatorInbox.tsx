import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contributionsPath, hearingPath } from '../../../shared/contracts/paths';
import type { CoordinatorTasks } from '../../../shared/contracts/tasks';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { SilentHearings } from './SilentHearings';

/**
 * The coordinator's inbox: the contributions discussed and waiting to be agreed, per region; the inputs
 * registered after their hearing closed that still wait for an answer; and the open hearings with regions
 * that have not answered, with a button that reminds them. Each section says its count, and when it is
 * empty, that nothing waits there.
 */
export function CoordinatorInbox({ tasks }: { tasks: CoordinatorTasks }) {
  return (
    <>
      <DiscussedSection tasks={tasks} />
      <LateInputsSection tasks={tasks} />
      <SilentHearings hearings={tasks.silentHearings} />
    </>
  );
}

function DiscussedSection({ tasks }: { tasks: CoordinatorTasks }) {
  const { t } = useTranslation();
  const total = tasks.discussed.reduce((sum, d) => sum + d.count, 0);
  return (
    <Card className="stack" data-color={total > 0 ? 'accent' : 'neutral'}>
      <Heading level={2} data-size="sm">
        {t('start.inbox.discussedTitle', { count: total })}
      </Heading>
      {total === 0 ? (
        <Paragraph>{t('start.inbox.discussedNone')}</Paragraph>
      ) : (
        <List.Unordered>
          {tasks.discussed.map((d) => (
            <List.Item key={d.agreementId}>
              <Link to={contributionsPath(d.agreementId, d.firstContributionId)}>
                {t('start.inbox.discussedRegion', { region: d.regionName, count: d.count })}
              </Link>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </Card>
  );
}

function LateInputsSection({ tasks }: { tasks: CoordinatorTasks }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { total, items } = tasks.lateInputs;
  return (
    <Card className="stack" data-color={total > 0 ? 'accent' : 'neutral'}>
      <Heading level={2} data-size="sm">
        {t('start.inbox.lateTitle', { count: total })}
      </Heading>
      {total === 0 ? (
        <Paragraph>{t('start.inbox.lateNone')}</Paragraph>
      ) : (
        <>
          <List.Unordered>
            {items.map((i) => (
              <List.Item key={i.inputId}>
                <Link to={`${hearingPath(i.hearingId)}/dispositions#innspill-${i.inputId}`}>
                  {t('start.inbox.lateInput', {
                    region: i.regionName,
                    kind: t(`hearings.kindLower.${i.kind}`),
                    number: i.versionNumber,
                  })}
                </Link>{' '}
                {t('start.inbox.lateRegistered', { date: formatDate(i.submittedAt, locale) })}
              </List.Item>
            ))}
          </List.Unordered>
          {total > items.length && (
            <Paragraph>{t('start.inbox.lateMore', { count: total - items.length })}</Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
