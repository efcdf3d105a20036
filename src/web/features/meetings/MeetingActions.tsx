import { Button, Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingPath } from '../../../shared/contracts/paths';
import type { MeetingAction } from '../../../shared/contracts/tasks';
import { formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useMarkOutcomeDone } from './meetings.api';

/**
 * The start page's actions from meetings that the person (or their department) owns and has not done,
 * earliest due first, each with the meeting it came from; done from here, it leaves the list.
 */
export function MeetingActions({ actions }: { actions: readonly MeetingAction[] }) {
  const { t } = useTranslation();
  const markDone = useMarkOutcomeDone();
  const locale = currentLocale();
  const today = todayInOslo();
  return (
    <Card className="stack" data-color="accent">
      <Heading level={2} data-size="sm">
        {t('meetings.start.title', { count: actions.length })}
      </Heading>
      <List.Unordered>
        {actions.map((a) => (
          <List.Item key={a.outcomeId}>
            <div className="stack stack--tight meetings-start-action">
              <Paragraph>{a.text}</Paragraph>
              <Paragraph data-size="sm">
                {t(a.dueDate < today ? 'meetings.start.overdue' : 'meetings.start.due', {
                  date: formatShortDate(a.dueDate, locale),
                })}{' '}
                {a.owner.type === 'department' &&
                  t('meetings.start.forDepartment', { department: a.owner.department.name })}{' '}
                <Link to={meetingPath(a.meetingId)}>
                  {t('meetings.start.from', { title: a.meetingTitle })}
                </Link>
              </Paragraph>
              <div>
                <Button
                  variant="secondary"
                  data-size="sm"
                  disabled={markDone.isPending}
                  aria-label={t('meetings.start.markDoneLabel', { text: a.text })}
                  onClick={() => markDone.mutate({ id: a.outcomeId, done: true, version: a.version })}
                >
                  {t('meetings.outcomes.markDone')}
                </Button>
              </div>
            </div>
          </List.Item>
        ))}
      </List.Unordered>
    </Card>
  );
}
