import { Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../shared/contracts/follow-up';
import type { PublicFollowUp } from '../../../shared/contracts/public';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';

/** The status's colour beside its word, never the colour alone. */
const statusColour = {
  on_track: 'success',
  at_risk: 'warning',
  delayed: 'danger',
  done: 'info',
  dropped: 'neutral',
} as const satisfies Record<ReportStatus, string>;

/**
 * The follow-up of a region's agreement in force, as published: each commitment's status in its newest
 * published report, and each published round's reports (what was done, what comes next).
 */
export function RegionFollowUp({ followUp }: { followUp: PublicFollowUp }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const roundName = new Map(followUp.rounds.map((r) => [r.id, r.name]));
  const newest = followUp.rounds[0];
  return (
    <section className="stack page-section" aria-labelledby="public-region-follow-up">
      <Heading level={2} data-size="md" id="public-region-follow-up">
        {t('public.followUp.heading')}
      </Heading>
      {!newest ? (
        <Paragraph>{t('public.followUp.nothingPublished')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('public.followUp.intro', {
              round: newest.name,
              date: formatShortDate(newest.publishedAt.slice(0, 10), locale),
            })}
          </Paragraph>
          <div className="table-wrap">
            <Table aria-labelledby="public-region-follow-up">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('public.followUp.commitment')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('public.followUp.owner')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('public.followUp.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('public.followUp.reportedIn')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {followUp.commitments.map((c) => {
                  const latest = c.reports[0];
                  return (
                    <Table.Row key={c.id}>
                      <Table.Cell>{c.title}</Table.Cell>
                      <Table.Cell>{c.owner}</Table.Cell>
                      <Table.Cell>
                        {latest ? (
                          <Tag data-color={statusColour[latest.status]} data-size="sm">
                            {t('followUp.statusWithProgress', {
                              status: t(`followUp.status.${latest.status}`),
                              progress: latest.progress,
                            })}
                          </Tag>
                        ) : (
                          t('public.followUp.notReported')
                        )}
                      </Table.Cell>
                      <Table.Cell>{latest ? roundName.get(latest.roundId) : ''}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          <Heading level={3} data-size="sm">
            {t('public.followUp.reportsHeading')}
          </Heading>
          {followUp.rounds.map((round) => (
            <Details key={round.id}>
              <Details.Summary>
                {t('public.followUp.round', {
                  round: round.name,
                  date: formatShortDate(round.publishedAt.slice(0, 10), locale),
                })}
              </Details.Summary>
              <Details.Content>
                <div className="stack">
                  {followUp.commitments.flatMap((c) => {
                    const report = c.reports.find((r) => r.roundId === round.id);
                    if (!report) return [];
                    return [
                      <article key={c.id} className="stack" aria-label={c.title}>
                        <Heading level={4} data-size="xs">
                          {c.title}
                        </Heading>
                        <Paragraph>
                          {t('public.followUp.reportLine', {
                            owner: c.owner,
                            status: t(`followUp.status.${report.status}`),
                            progress: report.progress,
                          })}
                        </Paragraph>
                        {report.done && (
                          <>
                            <Heading level={5} data-size="2xs">
                              {t('public.followUp.done')}
                            </Heading>
                            <RichText doc={report.done} headingOffset={5} />
                          </>
                        )}
                        {report.next && (
                          <>
                            <Heading level={5} data-size="2xs">
                              {t('public.followUp.next')}
                            </Heading>
                            <RichText doc={report.next} headingOffset={5} />
                          </>
                        )}
                      </article>,
                    ];
                  })}
                </div>
              </Details.Content>
            </Details>
          ))}
        </>
      )}
    </section>
  );
}
