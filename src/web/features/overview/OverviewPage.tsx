import { Card, Heading, Paragraph, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { agreementPhases } from '../../../shared/contracts/milestones';
import {
  type Overview,
  type OverviewEntryMeeting,
  overviewEntries,
  overviewSortKeys,
} from '../../../shared/contracts/overview';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import type { PagedList } from '../../shared/use-paged-list';
import { useSort } from '../../shared/use-sort';
import { phaseColour } from '../milestones';
import { useOverviewPages } from './overview.api';

/** The charting library comes with the timeline, on this page only. */
const OverviewTimeline = lazy(() => import('./OverviewTimeline'));

const filterKeys = ['phase', 'ready', 'q'] as const;
/**
 * "Regionoversikt": where every region's agreement stands in the cycle chosen in the top bar, in a table
 * filtered and sorted in the address (so a link or a reload shows the same), and below it the timeline of
 * the same rows, drawn by a charting library loaded only here. Each row opens the region's agreement,
 * whose overview tab shows its milestones, meetings and actions together.
 */
export function OverviewPage(_: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  return (
    <Page title={t('overview.title')}>
      <Paragraph>{t('overview.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleOverview cycleId={cycle.id} />
          ) : (
            <Card>
              <Paragraph>{t('overview.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

/**
 * The filters and the order are kept in the address and sent to the server, which answers with the rows
 * that pass, in that order, a page at a time (server/overview/overview-page.ts).
 */
function CycleOverview({ cycleId }: { cycleId: string }) {
  const filters = useUrlFilters(filterKeys);
  const sort = useSort(overviewSortKeys, 'region');
  // An address edited by hand may say anything: only what the server takes is sent.
  const phase = agreementPhases.find((p) => p === filters.values.phase);
  const ready =
    filters.values.ready === 'yes' || filters.values.ready === 'no' ? filters.values.ready : undefined;
  const pages = useOverviewPages(cycleId, {
    phase,
    ready,
    q: filters.values.q || undefined,
    sort: sort.key,
    dir: sort.dir,
  });
  return (
    <QueryState query={pages}>
      {(data) => (
        <OverviewTable
          pages={data.pages}
          filters={filters}
          sort={sort}
          paged={{
            hasMore: pages.hasNextPage,
            loadingMore: pages.isFetchingNextPage,
            loadMore: () => void pages.fetchNextPage(),
          }}
        />
      )}
    </QueryState>
  );
}

function OverviewTable({
  pages,
  filters,
  sort,
  paged,
}: {
  pages: readonly Overview[];
  filters: ReturnType<typeof useUrlFilters<(typeof filterKeys)[number]>>;
  sort: ReturnType<typeof useSort<(typeof overviewSortKeys)[number]>>;
  paged: PagedList;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // The field keeps what is typed (spaces too); the address keeps the trimmed filter.
  const [text, setText] = useState(filters.values.q);
  const captionId = useId();
  // The answers are compact (labels in dictionaries, rows as short arrays): read once into named fields.
  const shown = useMemo(() => pages.flatMap((p) => overviewEntries(p)), [pages]);
  const overview = pages[0] as Overview;
  const meeting = (m: OverviewEntryMeeting | null) =>
    m ? (
      <>
        {formatDate(m.startsAt.slice(0, 10), locale)}
        <br />
        <span className="overview-muted">{t(`meetings.type.${m.type}`)}</span>
      </>
    ) : (
      <span className="overview-muted">{t('overview.none')}</span>
    );
  return (
    <>
      <search className="overview-filters" aria-label={t('overview.filters.label')}>
        <Textfield
          label={t('overview.filters.region')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            filters.set('q', e.target.value);
          }}
        />
        <SelectField
          label={t('overview.filters.phase')}
          value={filters.values.phase}
          onChange={(v) => filters.set('phase', v)}
        >
          <option value="">{t('overview.filters.all')}</option>
          {agreementPhases.map((p) => (
            <option key={p} value={p}>
              {t(`milestones.phase.${p}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('overview.filters.ready')}
          value={filters.values.ready}
          onChange={(v) => filters.set('ready', v)}
        >
          <option value="">{t('overview.filters.all')}</option>
          <option value="yes">{t('overview.ready.yes')}</option>
          <option value="no">{t('overview.ready.no')}</option>
        </SelectField>
      </search>
      <ListCount
        paged={paged}
        count={
          paged.hasMore
            ? t('overview.countFirst', { shown: shown.length, matching: overview.matching })
            : t('overview.count', { shown: overview.matching, total: overview.total })
        }
        more={t('overview.moreExist')}
      />
      {shown.length === 0 ? (
        <Card>
          <Paragraph>{overview.total === 0 ? t('overview.empty') : t('overview.noMatch')}</Paragraph>
        </Card>
      ) : (
        <>
          <div className="table-wrap">
            <Table zebra data-size="sm" className="overview-table">
              <caption id={captionId}>
                {t('overview.caption', {
                  cycle: overview.cycle.name,
                  date: formatDate(overview.today, locale),
                })}
              </caption>
              <Table.Head>
                <Table.Row>
                  {overviewSortKeys.map((k) => (
                    <Table.HeaderCell key={k} {...sort.header(k)}>
                      {t(`overview.columns.${k}`)}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((r) => (
                  <Table.Row key={r.agreementId}>
                    <Table.Cell>
                      <Link to={agreementPath(r.agreementId)}>{r.regionName}</Link>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={phaseColour[r.phase]} data-size="sm">
                        {t(`milestones.phase.${r.phase}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      {t('overview.days', { count: r.daysInPhase })}
                      <br />
                      <span className="overview-muted">
                        {t('overview.since', { date: formatDate(r.phaseSince, locale) })}
                      </span>
                    </Table.Cell>
                    <Table.Cell>
                      {r.regionReady ? t('overview.ready.yes') : t('overview.ready.no')}
                    </Table.Cell>
                    <Table.Cell>
                      {r.nextMilestone ? (
                        <>
                          {r.nextMilestone.name}
                          <br />
                          <span className="overview-muted">
                            {r.nextMilestone.plannedDate
                              ? t('overview.planned', {
                                  date: formatDate(r.nextMilestone.plannedDate, locale),
                                })
                              : t('overview.notPlanned')}
                          </span>
                        </>
                      ) : (
                        <span className="overview-muted">{t('overview.allDone')}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {t('overview.contributions', {
                        total: r.contributions.total,
                        agreed: r.contributions.agreed,
                      })}
                    </Table.Cell>
                    <Table.Cell>{r.openActions}</Table.Cell>
                    <Table.Cell>{meeting(r.lastMeeting)}</Table.Cell>
                    <Table.Cell>{meeting(r.nextMeeting)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <LoadMore paged={paged} />
          <section className="stack" aria-labelledby={`${captionId}-timeline`}>
            <Heading id={`${captionId}-timeline`} level={2} data-size="sm">
              {t('overview.timeline.heading')}
            </Heading>
            <Paragraph>{t('overview.timeline.intro')}</Paragraph>
            <Suspense fallback={<Spinner aria-label={t('overview.timeline.loading')} />}>
              <OverviewTimeline
                rows={shown}
                today={overview.today}
                label={t('overview.timeline.label', { count: shown.length })}
                describedBy={captionId}
              />
            </Suspense>
          </section>
        </>
      )}
    </>
  );
}
