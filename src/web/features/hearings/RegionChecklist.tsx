import { Button, Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionRef } from '../../../shared/contracts/hearings';

/**
 * The regions invited to a hearing, one checkbox each, with "select all" and "select none" for the
 * common cases (every region, or a few).
 */
export function RegionChecklist({
  regions,
  selected,
  onChange,
  error,
}: {
  regions: readonly RegionRef[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const chosen = new Set(selected);
  const toggle = (id: string, on: boolean) =>
    onChange(regions.map((r) => r.id).filter((r) => (r === id ? on : chosen.has(r))));
  return (
    <Fieldset aria-describedby={error ? `${helpId} ${errorId}` : helpId}>
      <Fieldset.Legend>{t('hearings.open.regions')}</Fieldset.Legend>
      <Fieldset.Description id={helpId}>
        {t('hearings.open.regionsHelp', { count: selected.length, total: regions.length })}
      </Fieldset.Description>
      <div className="row">
        <Button variant="tertiary" data-size="sm" onClick={() => onChange(regions.map((r) => r.id))}>
          {t('hearings.open.selectAll')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => onChange([])}>
          {t('hearings.open.selectNone')}
        </Button>
      </div>
      <div className="hearings-checklist">
        {regions.map((r) => (
          <Checkbox
            key={r.id}
            label={r.name}
            value={r.id}
            checked={chosen.has(r.id)}
            onChange={(e) => toggle(r.id, e.target.checked)}
          />
        ))}
      </div>
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}
