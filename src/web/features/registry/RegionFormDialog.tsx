import { Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateRegionInput,
  type Region,
  UpdateRegionInput,
  WrittenStandard,
} from '../../../shared/contracts/registry';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { type FormFields, useForm } from '../../shared/use-form';
import { useCreateRegion, useRegion, useUpdateRegion } from './regions.api';

type Values = { name: string; writtenStandard: Region['writtenStandard'] };

/** Creates a region (and opens it, to add its members), or changes an existing region's name and written standard. */
export function RegionFormDialog({
  open,
  onClose,
  onSaved,
  region,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: () => void;
  region?: Region;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={region ? t('registry.region.editTitle') : t('registry.regions.createTitle')}
    >
      {region ? (
        <EditRegionForm
          region={region}
          onCancel={onClose}
          onSaved={() => {
            onSaved?.();
            onClose();
          }}
        />
      ) : (
        <CreateRegionForm onCancel={onClose} />
      )}
    </ModalDialog>
  );
}

function CreateRegionForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRegion();
  const navigate = useNavigate();
  const initial: Values = { name: '', writtenStandard: 'nb' };
  const form = useForm(CreateRegionInput, initial);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const region = await create.mutateAsync(data);
        navigate(`/register/regions/${region.id}`, {
          state: { notice: t('registry.regions.created', { name: region.name }) },
        });
      })}
    >
      <FormError summary={form.summary} error={form.formError} />
      <RegionFields form={form} />
      <DialogButtons
        submitting={form.submitting}
        submit={t('registry.regions.createSubmit')}
        onCancel={onCancel}
      />
    </form>
  );
}

function EditRegionForm({
  region,
  onCancel,
  onSaved,
}: {
  region: Region;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateRegion(region.id);
  const fresh = useRegion(region.id);
  const { conflict, guard, clear } = useConflict();
  const valuesOf = (r: Region) => ({ name: r.name, writtenStandard: r.writtenStandard, version: r.version });
  const form = useForm(UpdateRegionInput, valuesOf(region));

  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) form.reset(valuesOf(result.data));
    clear();
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await guard(update.mutateAsync(data));
        onSaved();
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('registry.conflict')}
        onReload={() => void reload()}
      />
      <RegionFields form={form} />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}

type RegionForm = FormFields<Values> & {
  // Method syntax: a form with more fields (a version) may fill these ones.
  set<K extends keyof Values>(field: K, value: Values[K]): void;
};

function RegionFields({ form }: { form: RegionForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield label={t('registry.regions.name')} {...form.field('name')} autoComplete="off" />
      <SelectField
        label={t('registry.regions.writtenStandard')}
        value={form.values.writtenStandard}
        onChange={(v) => form.set('writtenStandard', WrittenStandard.parse(v))}
        error={form.errors.writtenStandard}
      >
        <Select.Option value="nb">{t('registry.writtenStandard.nb')}</Select.Option>
        <Select.Option value="nn">{t('registry.writtenStandard.nn')}</Select.Option>
      </SelectField>
    </>
  );
}
