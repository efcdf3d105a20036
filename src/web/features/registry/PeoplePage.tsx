import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMore } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { useSort } from '../../shared/use-sort';
import { ListState } from './ListState';
import { usePeople } from './people.api';
import { SearchForm, useSearchText } from './SearchForm';

const sortKeys = ['name', 'email', 'organisation', 'phone'] as const;

/** The people the process involves (contacts, participants in meetings), searchable by name, e-mail or organisation. */
export function PeoplePage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useSearchText();
  const people = usePeople(q);
  const sort = useSort(sortKeys, 'name');
  const shown = sort.sorted(people.items, (p, key) => p[key] ?? '');

  return (
    <Page
      title={t('registry.people.title')}
      actions={canEdit && <Button onClick={() => navigate('new')}>{t('registry.people.create')}</Button>}
    >
      <Paragraph>{t('registry.people.intro')}</Paragraph>
      <Notice fromNavigation />
      <SearchForm label={t('registry.people.search')} />
      <ListState
        paged={people}
        q={q}
        count={t('registry.people.count', { count: shown.length })}
        empty={
          <>
            <Paragraph>{t('registry.people.empty')}</Paragraph>
            {canEdit && <Paragraph>{t('registry.people.emptyAdmin')}</Paragraph>}
          </>
        }
      >
        <div className="table-wrap">
          <Table aria-label={t('registry.people.title')} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell {...sort.header('name')}>{t('registry.people.name')}</Table.HeaderCell>
                <Table.HeaderCell {...sort.header('email')}>{t('registry.people.email')}</Table.HeaderCell>
                <Table.HeaderCell {...sort.header('organisation')}>
                  {t('registry.people.organisation')}
                </Table.HeaderCell>
                <Table.HeaderCell {...sort.header('phone')}>{t('registry.people.phone')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <Link to={p.id}>{p.name}</Link>
                  </Table.Cell>
                  <Table.Cell>{p.email}</Table.Cell>
                  <Table.Cell>{p.organisation}</Table.Cell>
                  <Table.Cell>{p.phone}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <LoadMore paged={people} />
      </ListState>
    </Page>
  );
}
