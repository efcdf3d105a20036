import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useSort } from '../../shared/use-sort';
import { ListState } from './ListState';
import { CountyTag } from './MembershipStatusTag';
import { useMunicipalities } from './municipalities.api';
import { SearchForm, useSearchText } from './SearchForm';

const sortKeys = ['number', 'name', 'validFrom', 'validTo', 'county'] as const;

/** The municipalities regions can have as members, with their SSB number and the period they exist. */
export function MunicipalitiesPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useSearchText();
  const municipalities = useMunicipalities(q);
  const sort = useSort(sortKeys, 'number');
  const locale = currentLocale();
  const shown = sort.sorted(municipalities.items, (m, key) =>
    key === 'county' ? (m.outsideCounty ? 1 : 0) : (m[key] ?? ''),
  );

  return (
    <Page
      title={t('registry.municipalities.title')}
      actions={
        canEdit && <Button onClick={() => navigate('new')}>{t('registry.municipalities.create')}</Button>
      }
    >
      <Paragraph>{t('registry.municipalities.intro')}</Paragraph>
      <SearchForm label={t('registry.municipalities.search')} />
      <ListState
        paged={municipalities}
        q={q}
        count={t('registry.municipalities.count', { count: shown.length })}
        empty={
          <>
            <Paragraph>{t('registry.municipalities.empty')}</Paragraph>
            {canEdit && <Paragraph>{t('registry.municipalities.emptyAdmin')}</Paragraph>}
          </>
        }
      >
        <div className="table-wrap">
          <Table aria-label={t('registry.municipalities.title')} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell {...sort.header('number')}>
                  {t('registry.municipalities.number')}
                </Table.HeaderCell>
                <Table.HeaderCell {...sort.header('name')}>
                  {t('registry.municipalities.name')}
                </Table.HeaderCell>
                <Table.HeaderCell {...sort.header('validFrom')}>
                  {t('registry.municipalities.validFrom')}
                </Table.HeaderCell>
                <Table.HeaderCell {...sort.header('validTo')}>
                  {t('registry.municipalities.validTo')}
                </Table.HeaderCell>
                <Table.HeaderCell {...sort.header('county')}>
                  {t('registry.municipalities.county')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.number}</Table.Cell>
                  <Table.Cell>
                    <Link to={m.id}>{m.name}</Link>
                  </Table.Cell>
                  <Table.Cell>{formatDate(m.validFrom, locale)}</Table.Cell>
                  <Table.Cell>{formatDate(m.validTo, locale)}</Table.Cell>
                  <Table.Cell>
                    <CountyTag outside={m.outsideCounty} />
                    {m.outsideCounty && m.countyName ? ` ${m.countyName}` : ''}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <LoadMore paged={municipalities} />
      </ListState>
    </Page>
  );
}
