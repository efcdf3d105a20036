import { Button, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { roles } from '../../../shared/contracts/common';
import type { User } from '../../../shared/contracts/users';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useUrlFilters } from '../../shared/url-state';
import { useSort } from '../../shared/use-sort';
import { SearchText } from './SearchText';
import { type Bindings, useBindings, useUserList } from './users.api';

const filterKeys = ['q', 'role', 'active'] as const;
const sortKeys = ['name', 'email', 'role', 'binding', 'status'] as const;

/** Who can sign in, with which role, bound to which department or region, and whether they still may. */
export function UsersPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = useUrlFilters(filterKeys);
  const users = useUserList(filters.active);
  const bindings = useBindings();
  const sort = useSort(sortKeys, 'name');
  const shown = sort.sorted(users.items, (u, key) => {
    if (key === 'role') return t(`roles.${u.role}`);
    if (key === 'binding') return bindingOf(u, bindings) ?? '';
    if (key === 'status') return u.active ? '0' : '1';
    return u[key];
  });

  return (
    <Page
      title={t('admin.users.title')}
      actions={
        canEdit && <Button onClick={() => navigate('/admin/users/new')}>{t('admin.users.new')}</Button>
      }
    >
      <Notice fromNavigation />
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      <div className="admin-filters">
        <SearchText
          label={t('admin.users.search')}
          value={filters.values.q}
          onChange={(v) => filters.set('q', v)}
        />
        <SelectField
          label={t('admin.users.role')}
          value={filters.values.role}
          onChange={(v) => filters.set('role', v)}
        >
          <Select.Option value="">{t('admin.users.allRoles')}</Select.Option>
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`roles.${r}`)}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('admin.users.status')}
          value={filters.values.active}
          onChange={(v) => filters.set('active', v)}
        >
          <Select.Option value="">{t('admin.users.allStatuses')}</Select.Option>
          <Select.Option value="true">{t('admin.users.onlyActive')}</Select.Option>
          <Select.Option value="false">{t('admin.users.onlyInactive')}</Select.Option>
        </SelectField>
        {filters.any && (
          <Button variant="tertiary" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>
      <QueryState query={users.list}>
        {() => (
          <>
            <ListCount
              count={t('admin.users.count', { count: shown.length })}
              more={t('admin.users.countMore')}
              paged={users}
            />
            {shown.length === 0 ? (
              <Paragraph>{t('admin.users.empty')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table aria-label={t('admin.users.tableLabel')} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell {...sort.header('name')}>{t('admin.users.name')}</Table.HeaderCell>
                      <Table.HeaderCell {...sort.header('email')}>{t('admin.users.email')}</Table.HeaderCell>
                      <Table.HeaderCell {...sort.header('role')}>{t('admin.users.role')}</Table.HeaderCell>
                      <Table.HeaderCell {...sort.header('binding')}>
                        {t('admin.users.binding')}
                      </Table.HeaderCell>
                      <Table.HeaderCell {...sort.header('status')}>
                        {t('admin.users.status')}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {shown.map((u) => (
                      <Table.Row key={u.id}>
                        <Table.Cell>
                          <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                        </Table.Cell>
                        <Table.Cell>{u.email}</Table.Cell>
                        <Table.Cell>{t(`roles.${u.role}`)}</Table.Cell>
                        <Table.Cell>{bindingOf(u, bindings) ?? ''}</Table.Cell>
                        <Table.Cell>
                          <UserStatusTag active={u.active} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <LoadMore paged={users} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** The department or region a user is bound to, by name. */
export function bindingOf(
  user: Pick<User, 'departmentId' | 'regionId'>,
  bindings: Bindings,
): string | undefined {
  return bindings.nameOf(user.departmentId) ?? bindings.nameOf(user.regionId);
}

/** Active or deactivated, in a word and a colour. */
export function UserStatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={active ? 'success' : 'neutral'}>
      {active ? t('admin.users.active') : t('admin.users.inactive')}
    </Tag>
  );
}
