import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InputSummary, SummaryEntry } from '../../../shared/contracts/hearing-summary';
import { dispositionOutcomes } from '../../../shared/contracts/hearings';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { formatDateTime, formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { LateTag, OutcomeTag } from './HearingStateTag';
import { summaryFileUrl, useSummary } from './hearings.api';

/**
 * The hearing's input summary: per section of the version on hearing, each region's input with the
 * county's disposition and reason, then the input on the whole document; the same as the DOCX and PDF
 * that go with the political case, which are downloaded here.
 */
export function SummaryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const summary = useSummary(id);
  return (
    <DetailState
      query={summary}
      back={{ to: '/horinger', label: t('hearings.backToList') }}
      notFound={t('hearings.hearing.notFound')}
    >
      {(s) => <SummaryView summary={s} />}
    </DetailState>
  );
}

function SummaryView({ summary }: { summary: InputSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { hearing } = summary;
  return (
    <Page
      title={t('hearings.summary.title', {
        kind: t(`hearings.kind.${hearing.kind}`),
        number: hearing.versionNumber,
      })}
    >
      <Paragraph>
        <Link to={`/horinger/${hearing.id}`}>{t('hearings.dispositions.backToHearing')}</Link>
      </Paragraph>
      <Paragraph>{t('hearings.summary.intro')}</Paragraph>
      <div className="row">
        <Button asChild variant="secondary">
          <a href={summaryFileUrl(hearing.id, 'docx')} download>
            {t('hearings.summary.docx')}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={summaryFileUrl(hearing.id, 'pdf')} download>
            {t('hearings.summary.pdf')}
          </a>
        </Button>
      </div>
      <dl className="facts">
        <dt>{t('hearings.hearing.cycle')}</dt>
        <dd>{hearing.cycleName}</dd>
        <dt>{t('hearings.hearing.version')}</dt>
        <dd>
          <Link to={`/general-part/versions/${hearing.versionId}`}>
            {t('hearings.hearing.versionLink', { number: hearing.versionNumber })}
          </Link>
        </dd>
        <dt>{t('hearings.hearing.deadline')}</dt>
        <dd>{formatShortDate(hearing.deadline, locale)}</dd>
        <dt>{t('hearings.summary.invited')}</dt>
        <dd>
          {t('hearings.summary.invitedRegions', {
            count: hearing.invitedRegions.length,
            names: hearing.invitedRegions.map((r) => r.name).join(', '),
          })}
        </dd>
        <dt>{t('hearings.summary.inputs')}</dt>
        <dd>
          {t('hearings.summary.inputCount', {
            count: hearing.counts.inputs,
            regions: hearing.counts.regionsWithInput,
          })}
        </dd>
        <dt>{t('hearings.summary.generated')}</dt>
        <dd>{formatDateTime(summary.generatedAt, locale)}</dd>
      </dl>
      <div className="table-wrap">
        <Table aria-label={t('hearings.summary.outcomesLabel')} data-size="sm" className="hearings-outcomes">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('hearings.summary.outcome')}</Table.HeaderCell>
              <Table.HeaderCell>{t('hearings.summary.count')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {dispositionOutcomes.map((o) => (
              <Table.Row key={o}>
                <Table.HeaderCell scope="row">{t(`hearings.outcome.${o}`)}</Table.HeaderCell>
                <Table.Cell>{summary.outcomes[o]}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{t('hearings.summary.unanswered')}</Table.HeaderCell>
              <Table.Cell>{summary.outcomes.unanswered}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </div>
      {summary.sections.map((s) => (
        <SummarySection key={s.key} id={`summary-${s.key}`} title={s.title} entries={s.entries} />
      ))}
      <SummarySection
        id="summary-document"
        title={t('hearings.summary.wholeDocument')}
        entries={summary.wholeDocument}
      />
    </Page>
  );
}

function SummarySection({ id, title, entries }: { id: string; title: string; entries: SummaryEntry[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="stack hearings-tight">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {entries.length === 0 ? (
        <Paragraph className="muted">{t('hearings.summary.noInput')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table aria-labelledby={id} data-size="sm" zebra className="hearings-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('hearings.summary.region')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.summary.input')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.summary.disposition')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.summary.reason')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((e) => (
                <Table.Row key={e.inputId}>
                  <Table.HeaderCell scope="row">
                    {e.region.name} {e.late && <LateTag />}
                  </Table.HeaderCell>
                  <Table.Cell className="hearings-text-cell">
                    <span className="hearings-letter">{e.text}</span>
                    {e.attachments.length > 0 && (
                      <span className="muted">
                        <br />
                        {t('hearings.summary.attachments', { names: e.attachments.join(', ') })}
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {e.disposition ? (
                      <OutcomeTag outcome={e.disposition.outcome} final={e.disposition.final} />
                    ) : (
                      <span className="muted">{t('hearings.dispositions.notAnswered')}</span>
                    )}
                    {e.disposition?.takenIn && (
                      <span className="muted">
                        <br />
                        {e.disposition.takenIn.sectionTitle
                          ? t('hearings.summary.takenInSection', {
                              number: e.disposition.takenIn.versionNumber,
                              section: e.disposition.takenIn.sectionTitle,
                            })
                          : t('hearings.summary.takenInVersion', {
                              number: e.disposition.takenIn.versionNumber,
                            })}
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell className="hearings-text-cell">
                    <span className="hearings-letter">{e.disposition?.reason ?? ''}</span>
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
