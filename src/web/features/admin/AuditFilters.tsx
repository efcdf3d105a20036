import { Button, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { IsoDate } from '../../../shared/contracts/common';
import { SelectField } from '../../shared/components/SelectField';
import { useUrlFilters } from '../../shared/url-state';
import { useAuditActions } from './audit.api';
import { actionLabel, entityTypeLabel } from './audit-labels';

const filterKeys = ['action', 'entityType', 'from', 'to'] as const;
/** The kinds of records the log knows words for; kinds from newer features come from the actions. */
const knownEntityTypes = ['county', 'department', 'region', 'municipality', 'membership', 'person', 'user'];

/**
 * The log's filters, kept in the URL. A date that is not a date, or a to-date before the from-date, is
 * shown as an error on its field and left out of the request rather than sent to be refused.
 */
export function useAuditFilters() {
  const { t } = useTranslation();
  const filters = useUrlFilters(filterKeys);
  const { from, to } = filters.values;
  const errors: Partial<Record<'from' | 'to', string>> = {};
  if (from && !IsoDate.safeParse(from).success) errors.from = t('validation.date');
  if (to && !IsoDate.safeParse(to).success) errors.to = t('validation.date');
  else if (from && to && !errors.from && to < from) errors.to = t('admin.audit.toBeforeFrom');
  const query = Object.fromEntries(Object.entries(filters.active).filter(([k]) => !(k in errors))) as Record<
    string,
    string
  >;
  return { ...filters, errors, query };
}

export function AuditFilters({ filters }: { filters: ReturnType<typeof useAuditFilters> }) {
  const { t, i18n } = useTranslation();
  const actions = useAuditActions();
  const names = [...(actions.data ?? [])];
  const entityTypes = [...new Set([...knownEntityTypes, ...names.map((a) => a.split('.')[0] ?? a)])];
  // A link may name an action that is not in the log (yet); it stays choosable so the filter shows.
  if (filters.values.action && !names.includes(filters.values.action)) names.push(filters.values.action);
  if (filters.values.entityType && !entityTypes.includes(filters.values.entityType))
    entityTypes.push(filters.values.entityType);

  return (
    <div className="admin-filters">
      <SelectField
        label={t('admin.audit.action')}
        value={filters.values.action}
        onChange={(v) => filters.set('action', v)}
      >
        <Select.Option value="">{t('admin.audit.allActions')}</Select.Option>
        {names.map((a) => (
          <Select.Option key={a} value={a}>
            {actionLabel(t, i18n, a)}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField
        label={t('admin.audit.entityType')}
        value={filters.values.entityType}
        onChange={(v) => filters.set('entityType', v)}
      >
        <Select.Option value="">{t('admin.audit.allEntityTypes')}</Select.Option>
        {entityTypes.map((e) => (
          <Select.Option key={e} value={e}>
            {entityTypeLabel(t, i18n, e)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        type="date"
        label={t('admin.audit.from')}
        value={filters.values.from}
        onChange={(e) => filters.set('from', e.target.value)}
        error={filters.errors.from}
      />
      <Textfield
        type="date"
        label={t('admin.audit.to')}
        value={filters.values.to}
        onChange={(e) => filters.set('to', e.target.value)}
        error={filters.errors.to}
      />
      {filters.any && (
        <Button variant="tertiary" onClick={filters.clear}>
          {t('common.clearFilters')}
        </Button>
      )}
    </div>
  );
}
