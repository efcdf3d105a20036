import { Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Role, roles } from '../../../shared/contracts/common';
import { SelectField } from '../../shared/components/SelectField';
import { type FormFields, orNull } from '../../shared/use-form';
import { useBindings } from './users.api';

export type RoleValues = { role: Role; departmentId: string | null; regionId: string | null };

/** The part of a useForm this needs; a form with more fields passes. */
type Form = FormFields<RoleValues>;

/**
 * The role, and what it binds the user to: a department editor's department, a region contact's region.
 * The second select appears only for the role that needs it.
 */
export function RoleFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const bindings = useBindings();
  const { role, departmentId } = form.values;
  // A deactivated department is no longer offered, but stays shown for a user still bound to it.
  const departments = bindings.departments.filter((d) => d.active || d.id === departmentId);

  return (
    <>
      <SelectField
        label={t('admin.users.role')}
        description={t(`admin.users.roleHelp.${role}`)}
        {...form.field('role', Role.parse)}
      >
        {roles.map((r) => (
          <Select.Option key={r} value={r}>
            {t(`roles.${r}`)}
          </Select.Option>
        ))}
      </SelectField>
      {role === 'department' && (
        <SelectField label={t('admin.users.department')} {...form.field('departmentId', orNull)}>
          <Select.Option value="">{t('admin.users.chooseDepartment')}</Select.Option>
          {departments.map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {role === 'region' && (
        <SelectField label={t('admin.users.region')} {...form.field('regionId', orNull)}>
          <Select.Option value="">{t('admin.users.chooseRegion')}</Select.Option>
          {bindings.regions.map((r) => (
            <Select.Option key={r.id} value={r.id}>
              {r.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
    </>
  );
}

/** Only the binding the role needs is sent; the server would drop another anyway. */
export function bindingFor<V extends { role: Role; departmentId?: string | null; regionId?: string | null }>(
  values: V,
): V {
  return {
    ...values,
    departmentId: values.role === 'department' ? (values.departmentId ?? null) : null,
    regionId: values.role === 'region' ? (values.regionId ?? null) : null,
  };
}
