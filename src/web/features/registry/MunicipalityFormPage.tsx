import { Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  CreateMunicipalityInput,
  type Municipality,
  UpdateMunicipalityInput,
} from '../../../shared/contracts/registry';
import { DetailState } from '../../shared/components/DetailState';
import { FormError, useConflict } from '../../shared/components/FormError';
import { Page } from '../../shared/components/Page';
import { type FormFields, orNull, useForm } from '../../shared/use-form';
import { FormButtons } from './FormButtons';
import { useCreateMunicipality, useMunicipality, useUpdateMunicipality } from './municipalities.api';

type Values = {
  number: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  outsideCounty: boolean;
  countyName: string | null;
};

export function NewMunicipalityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMunicipality();
  const initial: Values = {
    number: '',
    name: '',
    validFrom: null,
    validTo: null,
    outsideCounty: false,
    countyName: null,
  };
  const form = useForm(CreateMunicipalityInput, initial);
  return (
    <Page title={t('registry.municipality.createTitle')}>
      <form
        className="stack"
        noValidate
        onSubmit={form.submit(async (data) => {
          const m = await create.mutateAsync(data);
          navigate(`/register/municipalities/${m.id}`, {
            state: { notice: t('registry.municipality.created', { name: m.name }) },
          });
        })}
      >
        <FormError summary={form.summary} error={form.formError} />
        <MunicipalityFields form={form} />
        <FormButtons
          submitting={form.submitting}
          submit={t('registry.municipality.createSubmit')}
          cancelTo=".."
        />
      </form>
    </Page>
  );
}

export function EditMunicipalityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const municipality = useMunicipality(id);
  return (
    <DetailState
      notFound={t('registry.notFound')}
      query={municipality}
      back={{ to: '/register/municipalities', label: t('registry.municipality.back') }}
    >
      {(m) => <EditMunicipalityForm municipality={m} />}
    </DetailState>
  );
}

function EditMunicipalityForm({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateMunicipality(municipality.id);
  const fresh = useMunicipality(municipality.id);
  const { conflict, guard, clear } = useConflict();
  const valuesOf = (m: Municipality) => ({
    number: m.number,
    name: m.name,
    validFrom: m.validFrom,
    validTo: m.validTo,
    outsideCounty: m.outsideCounty,
    countyName: m.countyName,
    version: m.version,
  });
  const form = useForm(UpdateMunicipalityInput, valuesOf(municipality));
  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) form.reset(valuesOf(result.data));
    clear();
  };
  return (
    <Page title={t('registry.municipality.editTitle', { name: municipality.name })}>
      <form
        className="stack"
        noValidate
        onSubmit={form.submit(async (data) => {
          const m = await guard(update.mutateAsync(data));
          navigate(`/register/municipalities/${m.id}`, { state: { notice: t('common.saved') } });
        })}
      >
        <FormError
          summary={form.summary}
          error={form.formError}
          conflict={conflict}
          conflictText={t('registry.conflict')}
          onReload={() => void reload()}
        />
        <MunicipalityFields form={form} />
        <FormButtons submitting={form.submitting} submit={t('common.save')} cancelTo=".." />
      </form>
    </Page>
  );
}

type MunicipalityForm = FormFields<Values> & {
  // Method syntax: a form with more fields (a version) may fill these ones.
  set<K extends keyof Values>(field: K, value: Values[K]): void;
};

function MunicipalityFields({ form }: { form: MunicipalityForm }) {
  const { t } = useTranslation();
  const { values, errors } = form;
  return (
    <>
      <div className="form-grid">
        <Textfield
          label={t('registry.municipalities.number')}
          description={t('registry.municipality.numberHelp')}
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          {...form.field('number')}
        />
        <Textfield label={t('registry.municipalities.name')} autoComplete="off" {...form.field('name')} />
      </div>
      <div className="form-grid">
        <Textfield
          type="date"
          label={`${t('registry.municipalities.validFrom')} ${t('common.optional')}`}
          {...form.field('validFrom', orNull)}
        />
        <Textfield
          type="date"
          label={`${t('registry.municipalities.validTo')} ${t('common.optional')}`}
          description={t('registry.municipality.validToHelp')}
          {...form.field('validTo', orNull)}
        />
      </div>
      <Checkbox
        label={t('registry.municipality.outsideCounty')}
        description={t('registry.municipality.outsideCountyHelp')}
        checked={values.outsideCounty}
        onChange={(e) => form.set('outsideCounty', e.target.checked)}
        error={errors.outsideCounty}
      />
      {values.outsideCounty && (
        <Textfield
          label={`${t('registry.municipality.countyName')} ${t('common.optional')}`}
          autoComplete="off"
          {...form.field('countyName', orNull)}
        />
      )}
    </>
  );
}
