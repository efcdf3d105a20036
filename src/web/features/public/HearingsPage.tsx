import { Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicHearing, PublicSummaryEntry } from '../../../shared/contracts/public';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { usePublicHearing, usePublicHearings } from './public.api';
import { hearingPath, hearingsPath, publicRoot } from './public-paths';

const outcomeKeys = ['taken_in', 'partly_taken_in', 'not_taken_in', 'noted', 'unanswered'] as const;

/** The closed hearings of the general part, newest first, each with how its inputs were answered. */
export function HearingsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const hearings = usePublicHearings();
  return (
    <Page title={t('public.hearings.title')}>
      <Paragraph>{t('public.hearings.intro')}</Paragraph>
      <QueryState query={hearings}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph>{t('public.hearings.empty')}</Paragraph>
          ) : (
            <div className="table-wrap">
              <Table aria-label={t('public.hearings.tableLabel')}>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('public.hearings.hearing')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('public.hearings.cycle')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('public.hearings.deadline')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('public.hearings.inputs')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {items.map((h) => (
                    <Table.Row key={h.id}>
                      <Table.Cell>
                        <Link to={hearingPath(h.id)}>
                          {t('public.hearings.name', {
                            kind: t(`hearings.kind.${h.kind}`),
                            number: h.versionNumber,
                          })}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{h.cycleName}</Table.Cell>
                      <Table.Cell>{formatShortDate(h.deadline, locale)}</Table.Cell>
                      <Table.Cell>{h.inputs}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )
        }
      </QueryState>
      <Paragraph className="page-section">
        <Link to={publicRoot}>{t('public.toFront')}</Link>
      </Paragraph>
    </Page>
  );
}

/** A closed hearing's summary: the inputs on each section by region, with the county's final answer. */
export function HearingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const hearing = usePublicHearing(id);
  return (
    <DetailState
      query={hearing}
      back={{ to: hearingsPath, label: t('public.hearings.back') }}
      notFound={t('public.hearings.notFound')}
    >
      {(h) => <HearingView hearing={h} />}
    </DetailState>
  );
}

function HearingView({ hearing: h }: { hearing: PublicHearing }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('public.hearings.name', { kind: t(`hearings.kind.${h.kind}`), number: h.versionNumber });
  const parts = [
    ...h.sections.filter((s) => s.entries.length > 0).map((s) => ({ ...s, id: `public-hearing-${s.key}` })),
    ...(h.wholeDocument.length > 0
      ? [
          {
            key: '',
            title: t('public.hearings.wholeDocument'),
            entries: h.wholeDocument,
            id: 'public-hearing-whole',
          },
        ]
      : []),
  ];
  return (
    <Page title={title}>
      <dl className="facts">
        <dt>{t('public.hearings.cycle')}</dt>
        <dd>{h.cycleName}</dd>
        <dt>{t('public.hearings.deadline')}</dt>
        <dd>{formatShortDate(h.deadline, locale)}</dd>
        <dt>{t('public.hearings.inputs')}</dt>
        <dd>{h.inputs}</dd>
        {outcomeKeys.map((k) => (
          <Fragment key={k}>
            <dt>{t(`public.hearings.outcomes.${k}`)}</dt>
            <dd>{h.outcomes[k]}</dd>
          </Fragment>
        ))}
      </dl>
      <Paragraph>{t('public.hearings.summaryIntro')}</Paragraph>
      {parts.length === 0 && <Paragraph>{t('public.hearings.noInputs')}</Paragraph>}
      {parts.map((part) => (
        <section key={part.id} className="stack page-section" aria-labelledby={part.id}>
          <Heading level={2} data-size="sm" id={part.id}>
            {part.title}
          </Heading>
          {part.entries.map((entry, i) => (
            // Inputs have no id in public; the server's order (by region) is kept.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and never reordered.
            <EntryCard key={i} entry={entry} />
          ))}
        </section>
      ))}
      <Paragraph className="page-section">
        <Link to={hearingsPath}>{t('public.hearings.back')}</Link>
      </Paragraph>
    </Page>
  );
}

function EntryCard({ entry }: { entry: PublicSummaryEntry }) {
  const { t } = useTranslation();
  const d = entry.disposition;
  return (
    <Card data-color="neutral" className="stack stack--tight">
      <Heading level={3} data-size="2xs">
        {entry.region.name}
      </Heading>
      <Paragraph className="public-hearing-text">{entry.text}</Paragraph>
      {d ? (
        <>
          <Paragraph>
            <Tag data-color="info" data-size="sm">
              {t(`hearings.outcome.${d.outcome}`)}
            </Tag>
          </Paragraph>
          <Paragraph className="public-hearing-text">{d.reason}</Paragraph>
        </>
      ) : (
        <Paragraph>
          <Tag data-color="neutral" data-size="sm">
            {t('public.hearings.unanswered')}
          </Tag>
        </Paragraph>
      )}
    </Card>
  );
}
