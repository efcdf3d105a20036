import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementPath, agreementSortKeys } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import { useSort } from '../../shared/use-sort';
import { AgreementArchivePanel } from '../agreement-document';
import { StatusReportPanel } from '../status-report';
import { agreementsPages } from './agreement-tabs';
import { useAgreementPages } from './agreements.api';
import { CreateAgreementsDialog } from './CreateAgreementsDialog';

/**
 * "Avtaler": the agreements of the cycle chosen in the top bar, one per region, with the general part
 * version each uses (marked when a newer one is approved) and what each holds so far. The coordinator
 * creates them here and reaches the cycle's subject areas.
 */
export function AgreementListPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  const isAdmin = me.role === 'admin';
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page
      title={t('agreements.title')}
      actions={
        isAdmin &&
        cycle && (
          <div className="row">
            <Button variant="secondary" asChild>
              <Link to="/avtaler/fagomrader">{t('agreements.subjectAreas.link')}</Link>
            </Button>
            {agreementsPages()
              .filter((page) => page.roles.includes(me.role))
              .map((page) => (
                <Button key={page.path} variant="secondary" asChild>
                  <Link to={`/avtaler/${page.path}`}>{t(page.label)}</Link>
                </Button>
              ))}
            <Button onClick={() => setCreating(true)}>{t('agreements.create.action')}</Button>
          </div>
        )
      }
    >
      <Notice text={notice} />
      <Paragraph>{t('agreements.list.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <>
              <CycleAgreements
                cycleId={cycle.id}
                cycleName={cycle.name}
                ownRegionId={me.role === 'region' ? me.regionId : null}
              />
              {me.role !== 'region' && <StatusReportPanel cycleId={cycle.id} />}
              {isAdmin && <AgreementArchivePanel cycleId={cycle.id} />}
              {isAdmin && (
                <CreateAgreementsDialog
                  open={creating}
                  cycleId={cycle.id}
                  onClose={() => setCreating(false)}
                  onCreated={(count) => {
                    setCreating(false);
                    setNotice(t('agreements.create.done', { count }));
                  }}
                />
              )}
            </>
          ) : (
            <Card>
              <Paragraph>{t('agreements.list.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

/**
 * The cycle's agreements in the chosen order, a page at a time from the server (a national county has
 * 1,200), searchable by the region's name; a region contact's own region's agreement comes first whatever
 * the order, marked as theirs: it is the one they work on, and the others are there to compare with.
 */
function CycleAgreements({
  cycleId,
  cycleName,
  ownRegionId,
}: {
  cycleId: string;
  cycleName: string;
  ownRegionId: string | null;
}) {
  const { t } = useTranslation();
  const filters = useUrlFilters(['q'] as const);
  const sort = useSort(agreementSortKeys, 'region');
  const paged = useAgreementPages(cycleId, {
    q: filters.values.q || undefined,
    sort: sort.key,
    dir: sort.dir,
  });
  // The field keeps what is typed (spaces too); the address keeps the trimmed search.
  const [text, setText] = useState(filters.values.q);
  const locale = currentLocale();
  const first = paged.pages[0];
  return (
    <>
      <Heading level={2} data-size="sm">
        {t('agreements.list.inCycle', { cycle: cycleName })}
      </Heading>
      {paged.list.isPending ? (
        <Spinner aria-label={t('app.loading')} />
      ) : paged.list.isError || !first ? (
        <Alert data-color="danger">
          <Paragraph>{t('app.loadFailed')}</Paragraph>
          <Button variant="secondary" onClick={() => void paged.list.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      ) : first.total === 0 ? (
        <Card>
          <Paragraph>{t('agreements.list.empty')}</Paragraph>
        </Card>
      ) : (
        <>
          <search className="agreements-search">
            <Textfield
              label={t('agreements.list.search')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                filters.set('q', e.target.value);
              }}
            />
          </search>
          <ListCount
            paged={paged}
            count={
              paged.hasMore
                ? t('agreements.list.countFirst', { shown: paged.items.length, matching: first.matching })
                : first.matching === first.total
                  ? t('agreements.list.count', { count: first.total })
                  : t('agreements.list.countMatching', { count: first.matching, total: first.total })
            }
            more={t('agreements.list.moreExist')}
          />
          {paged.items.length === 0 ? (
            <Card>
              <Paragraph>{t('agreements.list.noMatch')}</Paragraph>
            </Card>
          ) : (
            <div className="table-wrap">
              <Table aria-label={t('agreements.list.tableLabel', { cycle: cycleName })} zebra>
                <Table.Head>
                  <Table.Row>
                    {agreementSortKeys.map((k) => (
                      <Table.HeaderCell key={k} {...sort.header(k)}>
                        {t(`agreements.list.columns.${k}`)}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {paged.items.map((a) => (
                    <Table.Row key={a.id}>
                      <Table.Cell>
                        <Link to={agreementPath(a.id)}>{a.region.name}</Link>
                        {a.region.id === ownRegionId && (
                          <>
                            {' '}
                            <Tag data-color="accent" data-size="sm">
                              {t('agreements.list.ownRegion')}
                            </Tag>
                          </>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        {formatShortDate(a.periodFrom, locale)}–{formatShortDate(a.periodTo, locale)}
                      </Table.Cell>
                      <Table.Cell>
                        <span className="agreements-version">
                          {t('agreements.versionName', { number: a.generalPartVersion.number })}
                          {a.newerGeneralPartVersion && (
                            <Tag data-color="warning" data-size="sm">
                              {t('agreements.drift.tag', { number: a.newerGeneralPartVersion.number })}
                            </Tag>
                          )}
                        </span>
                      </Table.Cell>
                      <Table.Cell>{a.counts?.wantedSubjectAreas ?? 0}</Table.Cell>
                      <Table.Cell>{a.counts?.contributions ?? 0}</Table.Cell>
                      <Table.Cell>{a.counts?.agreedContributions ?? 0}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <LoadMore paged={paged} />
        </>
      )}
    </>
  );
}
