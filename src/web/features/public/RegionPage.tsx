import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicRegion } from '../../../shared/contracts/public';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { usePublicRegion } from './public.api';
import { agreementPath, publicRoot } from './public-paths';
import { meetingTypeWord, phaseColour, phaseWord } from './public-words';
import { RegionFollowUp } from './RegionFollowUp';

/**
 * A region: where its agreement stands, how its commitments are followed up once it is in force (the
 * published reports), and when the county and the region meet (or met) about it.
 */
export function RegionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const region = usePublicRegion(id);
  return (
    <DetailState
      query={region}
      back={{ to: publicRoot, label: t('public.toFront') }}
      notFound={t('public.region.notFound')}
    >
      {(r) => <RegionView region={r} />}
    </DetailState>
  );
}

function RegionView({ region: r }: { region: PublicRegion }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const agreement = r.agreement;
  return (
    <Page title={r.name}>
      <section className="stack" aria-labelledby="public-region-agreement">
        <Heading level={2} data-size="md" id="public-region-agreement">
          {t('public.region.agreementHeading')}
        </Heading>
        {agreement ? (
          <>
            <dl className="facts">
              <dt>{t('public.region.cycle')}</dt>
              <dd>{agreement.cycleName}</dd>
              <dt>{t('public.phase')}</dt>
              <dd>
                <Tag data-color={phaseColour[agreement.phase]} data-size="sm">
                  {phaseWord(t, agreement.phase)}
                </Tag>
              </dd>
            </dl>
            <Paragraph>
              {agreement.inForce ? t('public.region.inForce') : t(`milestones.phaseHelp.${agreement.phase}`)}
            </Paragraph>
            {agreement.inForce && (
              <Paragraph>
                <Link to={agreementPath(agreement.id)}>
                  {t('public.region.readAgreement', { region: r.name })}
                </Link>
              </Paragraph>
            )}
          </>
        ) : (
          <Paragraph>{t('public.region.noAgreement')}</Paragraph>
        )}
      </section>

      {r.followUp && <RegionFollowUp followUp={r.followUp} />}

      {agreement && (
        <section className="stack page-section" aria-labelledby="public-region-meetings">
          <Heading level={2} data-size="md" id="public-region-meetings">
            {t('public.region.meetingsHeading')}
          </Heading>
          <Paragraph>{t('public.region.meetingsIntro')}</Paragraph>
          {r.meetings.length === 0 ? (
            <Paragraph>{t('public.region.meetingsEmpty')}</Paragraph>
          ) : (
            <div className="table-wrap">
              <Table aria-labelledby="public-region-meetings">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('public.region.date')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('public.region.type')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('public.region.status')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {r.meetings.map((m, i) => (
                    // Meetings have no id here (only their dates are public); the order is the server's.
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and never reordered.
                    <Table.Row key={i}>
                      <Table.Cell>{formatShortDate(m.date, locale)}</Table.Cell>
                      <Table.Cell>{meetingTypeWord(t, m.type)}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={m.held ? 'success' : 'neutral'} data-size="sm">
                          {m.held ? t('public.region.held') : t('public.region.planned')}
                        </Tag>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </section>
      )}

      <Paragraph className="page-section">
        <Link to={publicRoot}>{t('public.toFront')}</Link>
      </Paragraph>
    </Page>
  );
}
