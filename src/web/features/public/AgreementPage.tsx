import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicAgreement } from '../../../shared/contracts/public';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { documentHref, usePublicAgreement } from './public.api';
import { publicRoot, regionPath } from './public-paths';
import { outcomeWord } from './public-words';

/** One agreement in force: what it is, who are parties, the file, and how each council adopted it. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agreement = usePublicAgreement(id);
  return (
    <DetailState
      query={agreement}
      back={{ to: publicRoot, label: t('public.toFront') }}
      notFound={t('public.agreement.notFound')}
    >
      {(a) => <AgreementView agreement={a} />}
    </DetailState>
  );
}

function AgreementView({ agreement: a }: { agreement: PublicAgreement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Page title={t('public.agreement.title', { region: a.regionName })}>
      <section className="stack" aria-labelledby="public-agreement-facts">
        <Heading level={2} data-size="md" id="public-agreement-facts" className="visually-hidden">
          {t('public.agreement.facts')}
        </Heading>
        <dl className="facts">
          <dt>{t('public.agreement.region')}</dt>
          <dd>
            <Link to={regionPath(a.regionId)}>{a.regionName}</Link>
          </dd>
          <dt>{t('public.agreement.cycle')}</dt>
          <dd>{a.cycleName}</dd>
          <dt>{t('public.agreement.period')}</dt>
          <dd>
            {t('public.period', {
              from: formatShortDate(a.periodFrom, locale),
              to: formatShortDate(a.periodTo, locale),
            })}
          </dd>
          <dt>{t('public.agreement.parties')}</dt>
          <dd>
            <ul className="public-parties">
              {[a.county, ...a.parties].map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('public.agreement.generalPart')}</dt>
          <dd>{t('public.agreement.version', { number: a.generalPartVersion })}</dd>
          <dt>{t('public.agreement.specialPart')}</dt>
          <dd>
            {a.specialPartVersion === null
              ? t('public.agreement.noSpecialPart')
              : t('public.agreement.version', { number: a.specialPartVersion })}
          </dd>
        </dl>
      </section>

      <section className="stack page-section" aria-labelledby="public-agreement-document">
        <Heading level={2} data-size="md" id="public-agreement-document">
          {t('public.agreement.documentHeading')}
        </Heading>
        <Paragraph>{t('public.agreement.documentIntro')}</Paragraph>
        <div className="row public-downloads">
          <Button asChild variant="secondary">
            <a href={documentHref(a.id, 'docx')} download>
              {t('public.agreement.docx')}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <a href={documentHref(a.id, 'pdf')} download>
              {t('public.agreement.pdf')}
            </a>
          </Button>
        </div>
      </section>

      <section className="stack page-section" aria-labelledby="public-agreement-adoption">
        <Heading level={2} data-size="md" id="public-agreement-adoption">
          {t('public.agreement.adoptionHeading')}
        </Heading>
        <Paragraph>{t('public.agreement.adoptionIntro')}</Paragraph>
        <div className="table-wrap">
          <Table aria-labelledby="public-agreement-adoption" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('public.agreement.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('public.agreement.decidedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('public.agreement.caseReference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('public.agreement.record')}</Table.HeaderCell>
                <Table.HeaderCell>{t('public.agreement.outcome')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {a.adoption.map((d) => (
                <Table.Row key={d.municipalityNumber}>
                  <Table.Cell>{d.municipalityName}</Table.Cell>
                  <Table.Cell>{d.decidedOn ? formatShortDate(d.decidedOn, locale) : ''}</Table.Cell>
                  <Table.Cell>{d.caseReference ?? ''}</Table.Cell>
                  <Table.Cell>
                    {d.recordUrl ? (
                      <a href={d.recordUrl} rel="noopener noreferrer">
                        {t('public.agreement.recordLink', { municipality: d.municipalityName })}
                      </a>
                    ) : (
                      <span className="muted">{t('public.agreement.noRecord')}</span>
                    )}
                  </Table.Cell>
                  <Table.Cell>{outcomeWord(t, d.outcome)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <Paragraph className="page-section">
        <Link to={regionPath(a.regionId)}>{t('public.agreement.regionPage', { region: a.regionName })}</Link>
      </Paragraph>
    </Page>
  );
}
