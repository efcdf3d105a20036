import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type OpenDataCatalogue, openDatasets } from '../../../shared/contracts/public';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { currentLocale } from '../../shared/i18n';
import { useOpenData } from './public.api';
import { publicRoot } from './public-paths';

type Dataset = OpenDataCatalogue['datasets'][number];

/** The open datasets: what each holds, its CSV and JSON, and what each field means. */
export function OpenDataPage() {
  const { t } = useTranslation();
  const data = useOpenData();
  return (
    <Page title={t('public.data.title')}>
      <Paragraph className="public-lead">{t('public.data.intro')}</Paragraph>
      {currentLocale() !== 'nb' && <Paragraph data-size="sm">{t('public.data.descriptionsInNb')}</Paragraph>}
      <QueryState query={data}>
        {({ datasets }) => (
          <>
            {datasets.map((d) => (
              <DatasetSection key={d.name} dataset={d} />
            ))}
          </>
        )}
      </QueryState>
      <Paragraph className="page-section">
        <Link to={publicRoot}>{t('public.toFront')}</Link>
      </Paragraph>
    </Page>
  );
}

function DatasetSection({ dataset: d }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const known = (openDatasets as readonly string[]).includes(d.name);
  const title = known ? t(`public.data.datasets.${d.name as (typeof openDatasets)[number]}`) : d.name;
  const headingId = `public-dataset-${d.name}`;
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {title} <code className="public-code">{d.name}</code>
      </Heading>
      <Paragraph lang="nb">{d.description}</Paragraph>
      <div className="row public-downloads">
        <Button asChild variant="secondary">
          <a href={d.csv} download>
            {t('public.data.csv', { dataset: title })}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={d.json} download>
            {t('public.data.json', { dataset: title })}
          </a>
        </Button>
      </div>
      <div className="table-wrap">
        <Table zebra>
          <caption className="public-caption">{t('public.data.fields', { dataset: title })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('public.data.field')}</Table.HeaderCell>
              <Table.HeaderCell>{t('public.data.description')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.fields.map((f) => (
              <Table.Row key={f.name}>
                <Table.Cell>
                  <code className="public-code public-field">{f.name}</code>
                </Table.Cell>
                <Table.Cell lang="nb">{f.description}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
