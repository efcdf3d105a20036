import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../shared/contracts/auth';
import { useCurrentCycle } from '../shared/current-cycle';

/**
 * The current agreement cycle in the top bar, and the choice of another. The choice is remembered in this
 * browser; every section that works within a cycle follows it. Without any cycle, the coordinator is
 * pointed to where one is made.
 */
export function CyclePicker({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle, choose } = useCurrentCycle();
  if (!cycles.data) return null;
  if (!cycle) {
    return me.role === 'admin' ? (
      <Link to="/general-part" state={{ createCycle: true }} className="app-header__cycle">
        {t('generalPart.cyclePicker.create')}
      </Link>
    ) : null;
  }
  return (
    <Field data-size="sm" className="app-header__cycle">
      <Label>{t('generalPart.cyclePicker.label')}</Label>
      <Select value={cycle.id} onChange={(e) => choose(e.target.value)}>
        {cycles.data.map((c) => (
          <Select.Option key={c.id} value={c.id}>
            {c.status === 'active'
              ? c.name
              : t('generalPart.cyclePicker.option', {
                  name: c.name,
                  status: t(`generalPart.cycleStatus.${c.status}`),
                })}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
