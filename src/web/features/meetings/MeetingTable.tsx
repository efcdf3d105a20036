import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MeetingSummary, meetingPath } from '../../../shared/contracts/meetings';
import { currentLocale } from '../../shared/i18n';
import { MeetingStateTag } from './MeetingStateTag';
import { meetingWhen } from './meeting-format';

/** Meetings in a table, earliest first: when, what, whom it concerns, who owns it, and its state. */
export function MeetingTable({ meetings, label }: { meetings: readonly MeetingSummary[]; label: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="table-wrap">
      <Table aria-label={label} zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('meetings.columns.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.columns.title')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.columns.type')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.columns.regions')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.columns.owner')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.columns.state')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {meetings.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                <time dateTime={m.startsAt}>{meetingWhen(m, locale)}</time>
              </Table.Cell>
              <Table.Cell>
                <Link to={meetingPath(m.id)}>{m.title}</Link>
              </Table.Cell>
              <Table.Cell>{t(`meetings.type.${m.type}`)}</Table.Cell>
              <Table.Cell>
                {m.agreements.length === 0
                  ? t('meetings.countyInternal')
                  : m.agreements.length > 3
                    ? t('meetings.regionCount', { count: m.agreements.length })
                    : m.agreements.map((a) => a.region.name).join(', ')}
              </Table.Cell>
              <Table.Cell>{m.ownerDepartment?.name ?? t('meetings.ownerCoordinator')}</Table.Cell>
              <Table.Cell>
                <MeetingStateTag state={m.state} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
