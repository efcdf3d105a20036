import { Button, Card, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import {
  RoundReportState,
  type RoundRow,
  type RoundStatus,
  regionOwner,
  roundReportStates,
} from '../../../shared/contracts/follow-up';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate, formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import { AnnualReportSection } from './AnnualReportSection';
import {
  followUpPaths,
  useCloseRound,
  usePublishRound,
  useRound,
  useRoundCommitments,
} from './follow-up.api';
import { ownerName } from './follow-up-format';
import { ReopenDialog } from './ReopenDialog';
import { RoundOwners } from './RoundOwners';

/**
 * A reporting round's status: how many reports stand where and which owners have and have not reported
 * (over the whole round), each commitment's report a page at a time, and for the coordinator closing the
 * round, publishing its report and reopening a submitted report.
 */
export function RoundPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const round = useRound(id);
  return <QueryState query={round}>{(data) => <RoundView round={data} me={me} />}</QueryState>;
}

function RoundView({ round, me }: { round: RoundStatus; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'close' | 'publish' | null>(null);
  const [reopening, setReopening] = useState<{ commitmentId: string; title: string; version: number } | null>(
    null,
  );
  const close = useCloseRound(round.id);
  const publish = usePublishRound(round.id);
  const complete = round.commitments > 0 && round.submitted === round.commitments;
  const state = round.publishedAt ? 'published' : round.state;
  return (
    <Page
      title={round.name}
      actions={
        round.mayManage && (
          <div className="row">
            {round.state === 'open' && (
              <Button variant="secondary" onClick={() => setConfirm('close')}>
                {t('followUp.round.close')}
              </Button>
            )}
            {round.state === 'closed' && !round.publishedAt && (
              <Button onClick={() => setConfirm('publish')}>{t('followUp.round.publish')}</Button>
            )}
          </div>
        )
      }
    >
      <Notice fromNavigation />
      <Notice text={notice} />
      <dl className="facts">
        <dt>{t('followUp.round.cycle')}</dt>
        <dd>{round.cycleName}</dd>
        <dt>{t('followUp.round.deadline')}</dt>
        <dd>{formatDate(round.deadline, locale)}</dd>
        <dt>{t('followUp.round.state')}</dt>
        <dd>{t(`followUp.roundState.${state}`)}</dd>
        <dt>{t('followUp.round.progress')}</dt>
        <dd>
          {complete
            ? t('followUp.round.complete', { total: round.commitments })
            : t('followUp.rounds.submittedOf', { submitted: round.submitted, total: round.commitments })}
        </dd>
        <dt>{t('followUp.round.reports')}</dt>
        <dd>{t('followUp.round.countsSummary', round.counts)}</dd>
      </dl>
      <AnnualReportSection round={round} me={me} />
      <RoundOwners owners={round.owners} />
      <Rows round={round} onReopen={setReopening} />
      <ConfirmDialog
        open={confirm === 'close'}
        onClose={() => setConfirm(null)}
        title={t('followUp.round.closeTitle')}
        body={t('followUp.round.closeBody', { missing: round.commitments - round.submitted })}
        confirmLabel={t('followUp.round.close')}
        onConfirm={async () => {
          await close.mutateAsync(round.version);
          setNotice(t('followUp.round.closed'));
        }}
      />
      <ConfirmDialog
        open={confirm === 'publish'}
        onClose={() => setConfirm(null)}
        title={t('followUp.round.publishTitle')}
        body={t('followUp.round.publishBody')}
        confirmLabel={t('followUp.round.publish')}
        onConfirm={async () => {
          await publish.mutateAsync(round.version);
          setNotice(t('followUp.round.published'));
        }}
      />
      <ReopenDialog
        target={reopening}
        roundId={round.id}
        onClose={() => setReopening(null)}
        onDone={() => {
          setReopening(null);
          setNotice(t('followUp.reopen.done'));
        }}
      />
    </Page>
  );
}

function reportState(
  row: RoundRow,
  t: (key: string, params?: Record<string, unknown>) => string,
  locale: ReturnType<typeof currentLocale>,
) {
  if (!row.report) return t('followUp.reportState.none');
  if (row.report.state === 'draft') {
    return row.report.reopenedReason ? t('followUp.reportState.reopened') : t('followUp.reportState.draft');
  }
  return t('followUp.reportState.submittedOn', {
    date: row.report.submittedAt ? formatShortDate(row.report.submittedAt, locale) : '',
  });
}

const filterKeys = ['state', 'region', 'owner'] as const;

/**
 * The round's commitments, a hundred at a time with «Vis flere», filtered on the server by report state,
 * region and owner (kept in the address, so a filtered list can be shared). The counts beside the states
 * are the whole round's.
 */
function Rows({
  round,
  onReopen,
}: {
  round: RoundStatus;
  onReopen: (target: { commitmentId: string; title: string; version: number }) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const filters = useUrlFilters(filterKeys);
  // A value a shared link holds that the API would refuse filters by nothing rather than failing.
  const state = RoundReportState.safeParse(filters.values.state).data;
  const region = round.regions.some((r) => r.id === filters.values.region)
    ? filters.values.region
    : undefined;
  const departments = round.owners.flatMap((o) =>
    o.owner.type === 'department' ? [o.owner.department] : [],
  );
  const owner =
    filters.values.owner === regionOwner || departments.some((d) => d.id === filters.values.owner)
      ? filters.values.owner
      : undefined;
  const rows = useRoundCommitments(round.id, { state, region, owner });
  // The whole round's count is known for the list unfiltered, and for a report state alone.
  const total = region || owner ? null : state ? round.counts[state] : round.commitments;
  const filtered = Boolean(state || region || owner);
  const reopens = round.mayManage && round.state === 'open';
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.round.commitmentsHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('followUp.round.commitmentsHelp')}</Paragraph>
      <search className="row" aria-label={t('followUp.round.filters.label')}>
        <SelectField
          label={t('followUp.round.filters.state')}
          value={state ?? ''}
          onChange={(v) => filters.set('state', v)}
        >
          <Select.Option value="">{t('followUp.round.filters.allStates')}</Select.Option>
          {roundReportStates.map((s) => (
            <Select.Option key={s} value={s}>
              {t('followUp.round.filters.stateWithCount', {
                state: t(`followUp.round.reportStates.${s}`),
                count: round.counts[s],
              })}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('followUp.round.filters.region')}
          value={region ?? ''}
          onChange={(v) => filters.set('region', v)}
        >
          <Select.Option value="">{t('followUp.round.filters.allRegions')}</Select.Option>
          {round.regions.map((r) => (
            <Select.Option key={r.id} value={r.id}>
              {r.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('followUp.round.filters.owner')}
          value={owner ?? ''}
          onChange={(v) => filters.set('owner', v)}
        >
          <Select.Option value="">{t('followUp.round.filters.allOwners')}</Select.Option>
          <Select.Option value={regionOwner}>{t('followUp.round.filters.regionsOwn')}</Select.Option>
          {[...departments]
            .sort((a, b) => a.name.localeCompare(b.name, locale))
            .map((d) => (
              <Select.Option key={d.id} value={d.id}>
                {d.name}
              </Select.Option>
            ))}
        </SelectField>
        {filters.any && (
          <Button variant="tertiary" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </search>
      <QueryState query={rows.list}>
        {() => (
          <>
            <ListCount
              count={
                total === null
                  ? t('followUp.round.count', { count: rows.items.length })
                  : t('followUp.round.countOf', { count: rows.items.length, total })
              }
              more={t('followUp.round.countMore')}
              paged={rows}
            />
            {rows.items.length === 0 ? (
              <Card data-color="neutral">
                <Paragraph>{t(filtered ? 'followUp.round.emptyFiltered' : 'followUp.round.empty')}</Paragraph>
              </Card>
            ) : (
              <div className="table-wrap">
                <Table aria-labelledby={headingId} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('followUp.round.columns.commitment')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.round.columns.region')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.round.columns.owner')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.round.columns.report')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.round.columns.status')}</Table.HeaderCell>
                      {reopens && <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {rows.items.map((row) => (
                      <Table.Row key={row.commitment.id}>
                        <Table.Cell>
                          <Link to={followUpPaths.report(round.id, row.commitment.id)}>
                            {row.commitment.title}
                          </Link>
                        </Table.Cell>
                        <Table.Cell>{row.commitment.region.name}</Table.Cell>
                        <Table.Cell>{ownerName(row.commitment.owner, row.commitment.region.name)}</Table.Cell>
                        <Table.Cell>{reportState(row, t, locale)}</Table.Cell>
                        <Table.Cell>
                          {row.report?.state === 'submitted' && row.report.status
                            ? t('followUp.statusWithProgress', {
                                status: t(`followUp.status.${row.report.status}`),
                                progress: row.report.progress ?? 0,
                              })
                            : '–'}
                        </Table.Cell>
                        {reopens && (
                          <Table.Cell>
                            {row.report?.state === 'submitted' && (
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t('followUp.reopen.buttonFor', { title: row.commitment.title })}
                                onClick={() =>
                                  onReopen({
                                    commitmentId: row.commitment.id,
                                    title: row.commitment.title,
                                    version: row.report?.version ?? 1,
                                  })
                                }
                              >
                                {t('followUp.reopen.button')}
                              </Button>
                            )}
                          </Table.Cell>
                        )}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <LoadMore paged={rows} />
          </>
        )}
      </QueryState>
    </section>
  );
}
