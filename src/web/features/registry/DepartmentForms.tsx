import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  CreateDepartmentInput,
  type Department,
  UpdateDepartmentInput,
} from '../../../shared/contracts/registry';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { useCreateDepartment, useDepartments, useUpdateDepartment } from './departments.api';

/** A new department: only its name; it starts active. */
export function CreateDepartmentForm({
  onCancel,
  onSaved,
}: {
  onCancel: () => void;
  onSaved: (d: Department) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const form = useForm(CreateDepartmentInput, { name: '' });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => onSaved(await create.mutateAsync(data)))}
    >
      <FormError summary={form.summary} error={form.formError} />
      <Textfield label={t('registry.departments.name')} autoComplete="off" {...form.field('name')} />
      <DialogButtons
        submitting={form.submitting}
        submit={t('registry.departments.createSubmit')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** A new name for a department, on the version the coordinator saw (409 offers to reload). */
export function RenameDepartmentForm({
  department,
  onCancel,
  onSaved,
}: {
  department: Department;
  onCancel: () => void;
  onSaved: (d: Department) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDepartment();
  const departments = useDepartments();
  const { conflict, guard, clear } = useConflict();
  const form = useForm(UpdateDepartmentInput, { name: department.name, version: department.version });
  const reload = async () => {
    const result = await departments.refetch();
    const fresh = result.data?.find((d) => d.id === department.id);
    if (fresh) form.reset({ name: fresh.name, version: fresh.version });
    clear();
  };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) =>
        onSaved(await guard(update.mutateAsync({ id: department.id, ...data }))),
      )}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('registry.conflict')}
        onReload={() => void reload()}
      />
      <Textfield label={t('registry.departments.newName')} autoComplete="off" {...form.field('name')} />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
