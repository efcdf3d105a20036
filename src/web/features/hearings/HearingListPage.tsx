import { Button, Card, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import {
  HearingState,
  type HearingSummary,
  hearingPath,
  hearingStates,
} from '../../../shared/contracts/hearings';
import { ListCount } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import { useSort } from '../../shared/use-sort';
import { deadlineStatus, deadlineText } from './deadline';
import { HearingStateTag } from './HearingStateTag';
import { useHearings } from './hearings.api';

const sortKeys = [
  'kind',
  'version',
  'deadline',
  'state',
  'invited',
  'answered',
  'inputs',
  'unanswered',
] as const;
type SortKey = (typeof sortKeys)[number];

const sortValue = (h: HearingSummary, key: SortKey): string | number => {
  switch (key) {
    case 'kind':
      return h.kind;
    case 'version':
      return h.versionNumber;
    case 'deadline':
      return h.deadline;
    case 'state':
      return h.state;
    case 'invited':
      return h.counts.invitedRegions;
    case 'answered':
      return h.counts.regionsWithInput;
    case 'inputs':
      return h.counts.inputs;
    case 'unanswered':
      return h.counts.unanswered;
  }
};

/**
 * "Høringer": the hearings of the cycle chosen in the top bar, with their deadlines, states and what came
 * in. A region contact gets only the hearings their region is invited to (the server decides).
 */
export function HearingListPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  const isAdmin = me.role === 'admin';
  return (
    <Page
      title={t('hearings.title')}
      actions={
        isAdmin &&
        cycle && (
          <Button asChild>
            <Link to="/horinger/new">{t('hearings.open.action')}</Link>
          </Button>
        )
      }
    >
      <Notice fromNavigation />
      <Paragraph>{t(me.role === 'region' ? 'hearings.list.introRegion' : 'hearings.list.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleHearings cycleId={cycle.id} cycleName={cycle.name} me={me} />
          ) : (
            <Card>
              <Paragraph>{t(isAdmin ? 'hearings.list.noCycleAdmin' : 'hearings.list.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

function CycleHearings({ cycleId, cycleName, me }: { cycleId: string; cycleName: string; me: Me }) {
  const { t } = useTranslation();
  const filters = useUrlFilters(['state'] as const);
  // An unknown state in a shared link filters by nothing rather than failing.
  const state = HearingState.safeParse(filters.values.state).data;
  const hearings = useHearings({ cycle: cycleId, state });
  const sort = useSort(sortKeys, 'deadline');
  const locale = currentLocale();
  const today = todayInOslo();

  return (
    <>
      <Heading level={2} data-size="sm">
        {t('hearings.list.inCycle', { cycle: cycleName })}
      </Heading>
      <div className="hearings-filters">
        <SelectField
          label={t('hearings.list.stateFilter')}
          value={state ?? ''}
          onChange={(v) => filters.set('state', v)}
        >
          <Select.Option value="">{t('hearings.list.allStates')}</Select.Option>
          {hearingStates.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`hearings.list.only.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <QueryState query={hearings}>
        {(items) => (
          <>
            <ListCount count={t('hearings.list.count', { count: items.length })} />
            {items.length === 0 ? (
              <Card>
                <Paragraph>
                  {filters.any
                    ? t('hearings.list.emptyFiltered')
                    : t(
                        me.role === 'admin'
                          ? 'hearings.list.emptyAdmin'
                          : me.role === 'region'
                            ? 'hearings.list.emptyRegion'
                            : 'hearings.list.empty',
                      )}
                </Paragraph>
              </Card>
            ) : (
              <div className="table-wrap">
                <Table aria-label={t('hearings.list.tableLabel', { cycle: cycleName })} zebra>
                  <Table.Head>
                    <Table.Row>
                      {sortKeys.map((k) => (
                        <Table.HeaderCell key={k} {...sort.header(k)}>
                          {t(`hearings.list.columns.${k}`)}
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {sort.sorted(items, sortValue).map((h) => (
                      <Table.Row key={h.id}>
                        <Table.Cell>
                          <Link to={hearingPath(h.id)}>{t(`hearings.kind.${h.kind}`)}</Link>
                        </Table.Cell>
                        <Table.Cell>
                          <Link to={`/general-part/versions/${h.versionId}`}>
                            {t('hearings.versionName', { number: h.versionNumber })}
                          </Link>
                        </Table.Cell>
                        <Table.Cell>
                          <time dateTime={h.deadline}>{formatShortDate(h.deadline, locale)}</time>
                          <br />
                          <span className="muted">{deadlineText(t, deadlineStatus(h, today), locale)}</span>
                        </Table.Cell>
                        <Table.Cell>
                          <HearingStateTag state={h.state} />
                        </Table.Cell>
                        <Table.Cell>{h.counts.invitedRegions}</Table.Cell>
                        <Table.Cell>{h.counts.regionsWithInput}</Table.Cell>
                        <Table.Cell>{h.counts.inputs}</Table.Cell>
                        <Table.Cell>{h.counts.unanswered}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
