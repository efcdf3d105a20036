import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { AuditChanges } from './AuditChanges';
import { AuditFilters, useAuditFilters } from './AuditFilters';
import { useAuditList } from './audit.api';
import { actionLabel, entityTypeLabel, recordName } from './audit-labels';
import { type Bindings, useBindings } from './users.api';

/** Who changed what, and when: every write in Partnerskap, newest first, with what it changed. */
export function AuditPage() {
  const { t } = useTranslation();
  const filters = useAuditFilters();
  const events = useAuditList(filters.query);
  const bindings = useBindings();

  return (
    <Page title={t('admin.audit.title')}>
      <Paragraph>{t('admin.audit.intro')}</Paragraph>
      <AuditFilters filters={filters} />
      <QueryState query={events.list}>
        {() => (
          <>
            <ListCount
              count={t('admin.audit.count', { count: events.items.length })}
              more={t('admin.audit.countMore')}
              paged={events}
            />
            {events.items.length === 0 ? (
              <Paragraph>{t('admin.audit.empty')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table aria-label={t('admin.audit.tableLabel')} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('admin.audit.time')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.audit.who')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.audit.action')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.audit.entity')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('admin.audit.changes')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {events.items.map((e) => (
                      <AuditRow key={e.id} event={e} bindings={bindings} />
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <LoadMore paged={events} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function AuditRow({ event, bindings }: { event: AuditEvent; bindings: Bindings }) {
  const { t, i18n } = useTranslation();
  const name = recordName(event.before, event.after) ?? bindings.nameOf(event.entityId);
  return (
    <Table.Row>
      <Table.Cell>
        <time dateTime={event.at}>{formatDateTime(event.at, currentLocale())}</time>
      </Table.Cell>
      <Table.Cell>{event.actorName ?? t('admin.audit.system')}</Table.Cell>
      <Table.Cell>
        <div>{actionLabel(t, i18n, event.action)}</div>
        <div className="admin-code admin-code--short">{t('admin.audit.code', { code: event.action })}</div>
      </Table.Cell>
      <Table.Cell>
        <div>
          {entityTypeLabel(t, i18n, event.entityType)}
          {name ? `: ${name}` : ''}
        </div>
        <div className="admin-code">{t('admin.audit.id', { id: event.entityId })}</div>
      </Table.Cell>
      <Table.Cell>
        <AuditChanges event={event} bindings={bindings} />
      </Table.Cell>
    </Table.Row>
  );
}
