import { Alert, Button, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MailStatus, mailStatuses, OutboxQuery } from '../../../shared/contracts/mail';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import { OutboxStatusTag } from './OutboxStatusTag';
import { useOutboxList } from './outbox.api';
import { SearchText } from './SearchText';

const filterKeys = ['status', 'to'] as const;

/**
 * The e-mails Partnerskap has sent or will send, newest first, for the coordinator: who got what, and
 * whether it went. Messages held back because no mail server is set are said to be so above the table.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(filterKeys);
  // A link with a status or recipient the API would refuse filters by nothing rather than failing.
  const status = MailStatus.safeParse(filters.values.status).data ?? '';
  const to = OutboxQuery.shape.to.safeParse(filters.values.to).data ?? '';
  const outbox = useOutboxList({ status, to });
  const locale = currentLocale();

  return (
    <Page title={t('admin.outbox.title')}>
      <Paragraph>{t('admin.outbox.intro')}</Paragraph>
      <div className="admin-filters">
        <SelectField
          label={t('admin.outbox.status')}
          value={status}
          onChange={(v) => filters.set('status', v)}
        >
          <Select.Option value="">{t('admin.outbox.allStatuses')}</Select.Option>
          {mailStatuses.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`admin.outbox.statuses.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
        <SearchText
          label={t('admin.outbox.searchTo')}
          value={filters.values.to}
          onChange={(v) => filters.set('to', v)}
        />
        {filters.any && (
          <Button variant="tertiary" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>
      <QueryState query={outbox.list}>
        {() => (
          <>
            <ListCount
              count={t('admin.outbox.count', { count: outbox.items.length })}
              more={t('admin.outbox.countMore')}
              paged={outbox}
            />
            {outbox.items.some((m) => m.status === 'kept') && (
              <Alert data-color="warning">{t('admin.outbox.keptNote')}</Alert>
            )}
            {outbox.items.length === 0 ? (
              <Paragraph>{filters.any ? t('admin.outbox.emptyFiltered') : t('admin.outbox.empty')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table aria-label={t('admin.outbox.tableLabel')} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('admin.outbox.time')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.outbox.to')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.outbox.subject')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.outbox.status')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {outbox.items.map((m) => (
                      <Table.Row key={m.id}>
                        <Table.Cell>
                          <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
                        </Table.Cell>
                        <Table.Cell>{m.to}</Table.Cell>
                        <Table.Cell>
                          <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
                        </Table.Cell>
                        <Table.Cell>
                          <OutboxStatusTag status={m.status} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <LoadMore paged={outbox} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
