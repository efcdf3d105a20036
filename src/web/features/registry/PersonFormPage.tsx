import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CreatePersonInput, type Person, UpdatePersonInput } from '../../../shared/contracts/registry';
import { DetailState } from '../../shared/components/DetailState';
import { FormError, useConflict } from '../../shared/components/FormError';
import { Page } from '../../shared/components/Page';
import { type FormFields, orNull, useForm } from '../../shared/use-form';
import { FormButtons } from './FormButtons';
import { useCreatePerson, usePerson, useUpdatePerson } from './people.api';

type Values = { name: string; email: string | null; organisation: string | null; phone: string | null };

export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const initial: Values = { name: '', email: null, organisation: null, phone: null };
  const form = useForm(CreatePersonInput, initial);
  return (
    <Page title={t('registry.person.createTitle')}>
      <form
        className="stack"
        noValidate
        onSubmit={form.submit(async (data) => {
          const p = await create.mutateAsync(data);
          navigate(`/register/people/${p.id}`, {
            state: { notice: t('registry.person.created', { name: p.name }) },
          });
        })}
      >
        <FormError summary={form.summary} error={form.formError} />
        <PersonFields form={form} />
        <FormButtons submitting={form.submitting} submit={t('registry.person.createSubmit')} cancelTo=".." />
      </form>
    </Page>
  );
}

export function EditPersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  return (
    <DetailState
      notFound={t('registry.notFound')}
      query={person}
      back={{ to: '/register/people', label: t('registry.person.back') }}
    >
      {(p) => <EditPersonForm person={p} />}
    </DetailState>
  );
}

function EditPersonForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePerson(person.id);
  const fresh = usePerson(person.id);
  const { conflict, guard, clear } = useConflict();
  const valuesOf = (p: Person) => ({
    name: p.name,
    email: p.email,
    organisation: p.organisation,
    phone: p.phone,
    version: p.version,
  });
  const form = useForm(UpdatePersonInput, valuesOf(person));
  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) form.reset(valuesOf(result.data));
    clear();
  };
  return (
    <Page title={t('registry.person.editTitle', { name: person.name })}>
      <form
        className="stack"
        noValidate
        onSubmit={form.submit(async (data) => {
          const p = await guard(update.mutateAsync(data));
          navigate(`/register/people/${p.id}`, { state: { notice: t('common.saved') } });
        })}
      >
        <FormError
          summary={form.summary}
          error={form.formError}
          conflict={conflict}
          conflictText={t('registry.conflict')}
          onReload={() => void reload()}
        />
        <PersonFields form={form} />
        <FormButtons submitting={form.submitting} submit={t('common.save')} cancelTo=".." />
      </form>
    </Page>
  );
}

type PersonForm = FormFields<Values>;

function PersonFields({ form }: { form: PersonForm }) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <Textfield label={t('registry.people.name')} autoComplete="off" {...form.field('name')} />
      <Textfield
        label={`${t('registry.people.email')} ${t('common.optional')}`}
        type="email"
        autoComplete="off"
        {...form.field('email', orNull)}
      />
      <Textfield
        label={`${t('registry.people.organisation')} ${t('common.optional')}`}
        autoComplete="off"
        {...form.field('organisation', orNull)}
      />
      <Textfield
        label={`${t('registry.people.phone')} ${t('common.optional')}`}
        type="tel"
        autoComplete="off"
        {...form.field('phone', orNull)}
      />
    </div>
  );
}
