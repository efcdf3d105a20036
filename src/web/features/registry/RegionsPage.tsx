import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Region } from '../../../shared/contracts/registry';
import { LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { todayInOslo } from '../../shared/format';
import { useSort } from '../../shared/use-sort';
import { ListState } from './ListState';
import { currentMembers } from './membership';
import { RegionFormDialog } from './RegionFormDialog';
import { useRegions } from './regions.api';
import { SearchForm, useSearchText } from './SearchForm';

const sortKeys = ['name', 'writtenStandard', 'memberCount'] as const;

/** The regions the county makes agreements with, and who is a member of each today. */
export function RegionsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useSearchText();
  const regions = useRegions(q);
  const sort = useSort(sortKeys, 'name');
  const [creating, setCreating] = useState(false);
  const today = todayInOslo();

  const rows = regions.items.map((region) => ({ region, members: currentMembers(region, today) }));
  const shown = sort.sorted(rows, ({ region, members }, key) =>
    key === 'memberCount'
      ? members.length
      : key === 'writtenStandard'
        ? t(`registry.writtenStandard.${region.writtenStandard}`)
        : region.name,
  );

  return (
    <Page
      title={t('registry.regions.title')}
      actions={canEdit && <Button onClick={() => setCreating(true)}>{t('registry.regions.create')}</Button>}
    >
      <Paragraph>{t('registry.regions.intro')}</Paragraph>
      <SearchForm label={t('registry.regions.search')} />
      <ListState
        paged={regions}
        q={q}
        count={t('registry.regions.count', { count: shown.length })}
        empty={
          <>
            <Paragraph>{t('registry.regions.empty')}</Paragraph>
            <Paragraph>
              {canEdit ? t('registry.regions.emptyAdmin') : t('registry.regions.emptyReader')}
            </Paragraph>
          </>
        }
      >
        <div className="table-wrap">
          <Table aria-label={t('registry.regions.title')} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell {...sort.header('name')}>{t('registry.regions.name')}</Table.HeaderCell>
                <Table.HeaderCell {...sort.header('writtenStandard')}>
                  {t('registry.regions.writtenStandard')}
                </Table.HeaderCell>
                <Table.HeaderCell {...sort.header('memberCount')}>
                  {t('registry.regions.memberCount')}
                </Table.HeaderCell>
                <Table.HeaderCell>{t('registry.regions.currentMembers')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map(({ region, members }) => (
                <RegionRow key={region.id} region={region} members={members.map((m) => m.municipalityName)} />
              ))}
            </Table.Body>
          </Table>
        </div>
        <LoadMore paged={regions} />
      </ListState>
      {canEdit && <RegionFormDialog open={creating} onClose={() => setCreating(false)} />}
    </Page>
  );
}

function RegionRow({ region, members }: { region: Region; members: string[] }) {
  const { t } = useTranslation();
  return (
    <Table.Row>
      <Table.Cell>
        <Link to={region.id}>{region.name}</Link>
      </Table.Cell>
      <Table.Cell>{t(`registry.writtenStandard.${region.writtenStandard}`)}</Table.Cell>
      <Table.Cell>{members.length}</Table.Cell>
      <Table.Cell>{members.length ? members.join(', ') : t('registry.regions.noMembers')}</Table.Cell>
    </Table.Row>
  );
}
