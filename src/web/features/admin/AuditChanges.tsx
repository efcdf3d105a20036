import { Details, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { currentLocale } from '../../shared/i18n';
import { changedFields } from './audit-diff';
import { fieldLabel, valueText } from './audit-labels';
import type { Bindings } from './users.api';

/** The before and after of one event, field by field, folded away until asked for. */
export function AuditChanges({ event, bindings }: { event: AuditEvent; bindings: Bindings }) {
  const { t, i18n } = useTranslation();
  const changes = changedFields(event.before, event.after);
  if (changes.length === 0) return <span className="muted">{t('admin.audit.noChanges')}</span>;
  const locale = currentLocale();
  return (
    <Details className="admin-changes">
      <Details.Summary>
        {t('admin.audit.showChanges')} ({changes.length})
      </Details.Summary>
      <Details.Content>
        <Table data-size="sm" aria-label={t('admin.audit.changesLabel')}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('admin.audit.field')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.audit.before')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.audit.after')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {changes.map((c) => (
              <Table.Row key={c.field}>
                <Table.HeaderCell scope="row">
                  {c.field ? fieldLabel(t, i18n, c.field) : '–'}
                </Table.HeaderCell>
                <Table.Cell>{valueText(t, locale, bindings, c.field, c.before)}</Table.Cell>
                <Table.Cell>{valueText(t, locale, bindings, c.field, c.after)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Details.Content>
    </Details>
  );
}
