import { Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicAgreementSummary } from '../../../shared/contracts/public';
import { LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { usePublicAgreements, usePublicRegions } from './public.api';
import { agreementPath, hearingsPath, openDataPath, regionPath } from './public-paths';
import { phaseColour, phaseWord } from './public-words';

/** The public front page: the agreements in force, every region's phase, and the way to the open data. */
export function FrontPage() {
  const { t } = useTranslation();
  const agreements = usePublicAgreements();
  const regions = usePublicRegions();
  return (
    <Page title={t('public.front.title')}>
      <Paragraph className="public-lead">{t('public.front.intro')}</Paragraph>

      <section className="stack" aria-labelledby="public-in-force">
        <Heading level={2} data-size="md" id="public-in-force">
          {t('public.front.inForceHeading')}
        </Heading>
        <QueryState query={agreements.list}>
          {() =>
            agreements.items.length === 0 ? (
              <Paragraph>{t('public.front.inForceEmpty')}</Paragraph>
            ) : (
              <>
                <ul className="public-cards">
                  {agreements.items.map((a) => (
                    <li key={a.id}>
                      <AgreementCard agreement={a} />
                    </li>
                  ))}
                </ul>
                <LoadMore paged={agreements} />
              </>
            )
          }
        </QueryState>
      </section>

      <section className="stack page-section" aria-labelledby="public-regions">
        <Heading level={2} data-size="md" id="public-regions">
          {t('public.front.regionsHeading')}
        </Heading>
        <Paragraph>{t('public.front.regionsIntro')}</Paragraph>
        <QueryState query={regions}>
          {({ items }) =>
            items.length === 0 ? (
              <Paragraph>{t('public.front.regionsEmpty')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table aria-labelledby="public-regions">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('public.front.region')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('public.phase')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {items.map((r) => (
                      <Table.Row key={r.id}>
                        <Table.Cell>
                          <Link to={regionPath(r.id)}>{r.name}</Link>
                        </Table.Cell>
                        <Table.Cell>
                          {r.phase ? (
                            <Tag data-color={phaseColour[r.phase]} data-size="sm">
                              {phaseWord(t, r.phase)}
                            </Tag>
                          ) : (
                            <span className="muted">{t('public.front.noAgreement')}</span>
                          )}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )
          }
        </QueryState>
      </section>

      <section className="stack page-section" aria-labelledby="public-hearings">
        <Heading level={2} data-size="md" id="public-hearings">
          {t('public.front.hearingsHeading')}
        </Heading>
        <Paragraph>{t('public.front.hearingsIntro')}</Paragraph>
        <Paragraph>
          <Link to={hearingsPath}>{t('public.front.hearingsLink')}</Link>
        </Paragraph>
      </section>

      <section className="stack page-section" aria-labelledby="public-open-data">
        <Heading level={2} data-size="md" id="public-open-data">
          {t('public.front.openDataHeading')}
        </Heading>
        <Paragraph>{t('public.front.openDataIntro')}</Paragraph>
        <Paragraph>
          <Link to={openDataPath}>{t('public.front.openDataLink')}</Link>
        </Paragraph>
      </section>
    </Page>
  );
}

function AgreementCard({ agreement: a }: { agreement: PublicAgreementSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card className="public-card">
      <Heading level={3} data-size="sm">
        <Link to={agreementPath(a.id)}>{t('public.agreement.title', { region: a.regionName })}</Link>
      </Heading>
      <dl className="facts">
        <dt>{t('public.front.period')}</dt>
        <dd>
          {t('public.period', {
            from: formatShortDate(a.periodFrom, locale),
            to: formatShortDate(a.periodTo, locale),
          })}
        </dd>
        <dt>{t('public.front.parties')}</dt>
        <dd>{[a.county, ...a.parties].join(', ')}</dd>
      </dl>
    </Card>
  );
}
