import { Button, Card, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CommitmentDetail, CommitmentIndicator } from '../../../shared/contracts/follow-up';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate, formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';
import { AddIndicatorDialog } from './AddIndicatorDialog';
import { ChangeCommitmentDialog } from './ChangeCommitmentDialog';
import { useCommitment } from './follow-up.api';
import { formatNok, formatValue, ownerName } from './follow-up-format';
import { type CoursePoint, courseOf, standingOf } from './indicator-course';

/** The charting library comes with the first indicator's chart, on this page only. */
const IndicatorChart = lazy(() => import('./IndicatorChart'));

/**
 * A commitment: what it is, who owns it, its money, its indicators with baseline, goals, target and the
 * values reported, each indicator's course as a chart with the same figures as text beside it, its
 * timeline of reports (the latest round first) and the changes made to it.
 */
export function CommitmentPage() {
  const { id = '' } = useParams();
  const commitment = useCommitment(id);
  return <QueryState query={commitment}>{(data) => <CommitmentView commitment={data} />}</QueryState>;
}

function CommitmentView({ commitment: c }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page
      title={c.title}
      actions={
        c.mayChange ? (
          <Button variant="secondary" onClick={() => setChanging(true)}>
            {t('followUp.changeCommitment.button')}
          </Button>
        ) : undefined
      }
    >
      <Notice text={notice} fromNavigation />
      {c.description && <Paragraph>{c.description}</Paragraph>}
      <dl className="facts">
        <dt>{t('followUp.commitment.region')}</dt>
        <dd>{c.region.name}</dd>
        <dt>{t('followUp.commitment.owner')}</dt>
        <dd>{ownerName(c.owner, c.region.name)}</dd>
        <dt>{t('followUp.commitment.subjectArea')}</dt>
        <dd>{c.subjectArea.name}</dd>
        <dt>{t('followUp.commitment.responsible')}</dt>
        <dd>{c.responsible.name ?? t('followUp.commitment.noResponsible')}</dd>
        <dt>{t('followUp.commitment.period')}</dt>
        <dd>
          {c.startsOn && c.endsOn
            ? t('followUp.commitment.periodValue', {
                from: formatShortDate(c.startsOn, locale),
                to: formatShortDate(c.endsOn, locale),
              })
            : '–'}
        </dd>
        <dt>{t('followUp.commitment.budget')}</dt>
        <dd>
          {c.budgetNok === null ? t('followUp.commitment.noBudget') : formatNok(c.budgetNok, locale)}
          {c.needsSeparateDecision && ` (${t('followUp.commitment.needsSeparateDecision')})`}
        </dd>
        <dt>{t('followUp.commitment.origin')}</dt>
        <dd>
          {c.agreedElsewhere
            ? t('followUp.commitment.agreedElsewhere', { reference: c.agreedElsewhere })
            : t('followUp.commitment.fromContribution')}
        </dd>
        <dt>{t('followUp.commitment.latest')}</dt>
        <dd>
          {c.latestReport
            ? t('followUp.statusWithProgress', {
                status: t(`followUp.status.${c.latestReport.status}`),
                progress: c.latestReport.progress,
              })
            : t('followUp.commitment.noReport')}
        </dd>
        {c.state === 'withdrawn' && (
          <>
            <dt>{t('followUp.commitment.state')}</dt>
            <dd>{t('followUp.commitment.withdrawn')}</dd>
          </>
        )}
      </dl>
      <Indicators indicators={c.indicators} />
      {c.mayReport && c.state === 'active' && (
        <div className="row">
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('followUp.addIndicator.button')}
          </Button>
        </div>
      )}
      {c.indicators.length > 0 && <Courses indicators={c.indicators} />}
      <ChangeCommitmentDialog
        commitment={c}
        open={changing}
        onClose={() => setChanging(false)}
        onDone={() => {
          setChanging(false);
          setNotice(t('followUp.changeCommitment.done'));
        }}
      />
      <AddIndicatorDialog
        open={adding}
        commitmentId={c.id}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          setNotice(t('followUp.addIndicator.added'));
        }}
      />
      <Timeline commitment={c} />
      {c.changes.length > 0 && <Changes commitment={c} />}
    </Page>
  );
}

function Indicators({ indicators }: { indicators: CommitmentIndicator[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.commitment.indicatorsHeading')}
      </Heading>
      {indicators.length === 0 ? (
        <Paragraph>{t('followUp.commitment.noIndicators')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table aria-labelledby={headingId} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('followUp.indicator.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('followUp.indicator.baseline')}</Table.HeaderCell>
                <Table.HeaderCell>{t('followUp.indicator.goals')}</Table.HeaderCell>
                <Table.HeaderCell>{t('followUp.indicator.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('followUp.indicator.values')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {indicators.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell>
                    {i.name}
                    <br />
                    <span className="muted">{t(`followUp.direction.${i.direction}`)}</span>
                  </Table.Cell>
                  <Table.Cell>
                    {t('followUp.indicator.valueOn', {
                      value: formatValue(i.baselineValue, i.unit, locale),
                      date: formatShortDate(i.baselineOn, locale),
                    })}
                  </Table.Cell>
                  <Table.Cell>
                    {i.goals.length === 0
                      ? '–'
                      : i.goals
                          .map((g) =>
                            t('followUp.indicator.valueOn', {
                              value: formatValue(g.value, i.unit, locale),
                              date: formatShortDate(g.dueOn, locale),
                            }),
                          )
                          .join('; ')}
                  </Table.Cell>
                  <Table.Cell>
                    {t('followUp.indicator.valueOn', {
                      value: formatValue(i.targetValue, i.unit, locale),
                      date: formatShortDate(i.targetOn, locale),
                    })}
                  </Table.Cell>
                  <Table.Cell>
                    {i.values.length === 0
                      ? t('followUp.indicator.noValues')
                      : i.values
                          .map((v) =>
                            t('followUp.indicator.valueOn', {
                              value: formatValue(v.value, i.unit, locale),
                              date: formatShortDate(v.measuredOn, locale),
                            }),
                          )
                          .join('; ')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function Courses({ indicators }: { indicators: CommitmentIndicator[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.chart.heading')}
      </Heading>
      {indicators.map((i) => (
        <IndicatorCourse key={i.id} indicator={i} />
      ))}
    </section>
  );
}

/**
 * One indicator's course: a chart of the values reported against the baseline, the goals and the target,
 * and the same in words (WCAG 1.1.1): a summary that says which direction is better and how the latest
 * value stands, which also describes the chart, and a table of every point the chart draws.
 */
function IndicatorCourse({ indicator: i }: { indicator: CommitmentIndicator }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const summaryId = useId();
  const value = (v: number) => formatValue(v, i.unit, locale);
  const date = (d: string) => formatShortDate(d, locale);
  const standing = standingOf(i);
  const goals = [...i.goals].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const sentences = [
    t('followUp.chart.summary', {
      direction: t(`followUp.direction.${i.direction}`),
      baseline: value(i.baselineValue),
      baselineOn: date(i.baselineOn),
      target: value(i.targetValue),
      targetOn: date(i.targetOn),
    }),
    goals.length > 0 &&
      t('followUp.chart.goals', {
        count: goals.length,
        goals: goals
          .map((g) => t('followUp.indicator.valueOn', { value: value(g.value), date: date(g.dueOn) }))
          .join('; '),
      }),
    standing
      ? t('followUp.chart.latest', { value: value(standing.latest.value), date: date(standing.latest.date) })
      : t('followUp.chart.noValues'),
    standing?.due &&
      (standing.due.kind === 'target'
        ? t(standing.due.met ? 'followUp.chart.meetsTarget' : 'followUp.chart.missesTarget', {
            value: value(standing.due.value),
          })
        : t(standing.due.met ? 'followUp.chart.meetsGoal' : 'followUp.chart.missesGoal', {
            value: value(standing.due.value),
            date: date(standing.due.date),
          })),
  ].filter(Boolean);
  const caption = t('followUp.chart.tableCaption', { name: i.name });
  const kindOf = (p: CoursePoint) =>
    p.kind === 'value'
      ? t('followUp.chart.kind.value', { round: p.round })
      : t(`followUp.chart.kind.${p.kind}`);
  return (
    <section className="stack follow-up-course" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {i.name}
      </Heading>
      <Paragraph id={summaryId}>{sentences.join(' ')}</Paragraph>
      <div className="follow-up-course-parts">
        <Suspense fallback={<Spinner aria-label={t('followUp.chart.loading')} />}>
          <IndicatorChart
            indicator={i}
            label={t('followUp.chart.label', { name: i.name })}
            describedBy={summaryId}
          />
        </Suspense>
        <div className="table-wrap">
          <Table data-size="sm" zebra>
            <caption className="follow-up-caption">{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('followUp.chart.columns.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('followUp.chart.columns.what')}</Table.HeaderCell>
                <Table.HeaderCell className="follow-up-numeric">
                  {t('followUp.chart.columns.value')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {courseOf(i).map((p) => (
                <Table.Row key={`${p.kind}-${p.date}-${p.kind === 'value' ? p.round : ''}`}>
                  <Table.Cell>{date(p.date)}</Table.Cell>
                  <Table.Cell>{kindOf(p)}</Table.Cell>
                  <Table.Cell className="follow-up-numeric">{value(p.value)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </div>
    </section>
  );
}

function Timeline({ commitment: c }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.commitment.timelineHeading')}
      </Heading>
      {c.timeline.length === 0 ? (
        <Paragraph>{t('followUp.commitment.noTimeline')}</Paragraph>
      ) : (
        <ol className="follow-up-timeline">
          {c.timeline.map((entry) => (
            <li key={entry.reportId}>
              <Card>
                <Heading level={3} data-size="xs">
                  {t('followUp.commitment.timelineEntry', {
                    round: entry.roundName,
                    status: t(`followUp.status.${entry.status}`),
                    progress: entry.progress,
                  })}
                </Heading>
                <Paragraph data-size="sm" className="muted">
                  {t('followUp.commitment.submittedBy', {
                    name: entry.submittedByName ?? t('followUp.commitment.unknownPerson'),
                    date: formatDate(entry.submittedAt, locale),
                  })}
                  {entry.spentNok !== null &&
                    ` · ${t('followUp.commitment.spent', { amount: formatNok(entry.spentNok, locale) })}`}
                </Paragraph>
                {entry.done && (
                  <>
                    <Heading level={4} data-size="2xs">
                      {t('followUp.report.done')}
                    </Heading>
                    <RichText doc={entry.done} headingOffset={4} />
                  </>
                )}
                {entry.next && (
                  <>
                    <Heading level={4} data-size="2xs">
                      {t('followUp.report.next')}
                    </Heading>
                    <RichText doc={entry.next} headingOffset={4} />
                  </>
                )}
                {entry.values.length > 0 && (
                  <ul className="follow-up-plain-list">
                    {entry.values.map((v) => (
                      <li key={`${v.indicatorId}-${v.measuredOn}`}>
                        {t('followUp.report.valueOn', {
                          name: c.indicators.find((i) => i.id === v.indicatorId)?.name ?? '',
                          value: formatValue(v.value, v.unit, locale),
                          date: formatDate(v.measuredOn, locale),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Changes({ commitment: c }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('followUp.commitment.changesHeading')}
      </Heading>
      <ul className="follow-up-plain-list">
        {c.changes.map((change) => (
          <li key={change.id}>
            {t('followUp.commitment.change', {
              date: formatShortDate(change.changedAt, locale),
              reason: change.reason,
              decision: change.decisionReference,
              fields: Object.keys(change.after)
                .map((f) => t(`followUp.field.${f}`, { defaultValue: f }))
                .join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
