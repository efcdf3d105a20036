import {
  Button,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { type ZodType, z } from 'zod';
import {
  CreateCycleInput,
  type Cycle,
  CycleStatus,
  cycleStatuses,
  UpdateCycleInput,
} from '../../../shared/contracts/general-part';
import { FormError, useConflict } from '../../shared/components/FormError';
import { ModalDialog } from '../../shared/components/ModalDialog';
import { chooseCycle } from '../../shared/current-cycle';
import { type FormFields, useForm } from '../../shared/use-form';
import { useCreateCycle, useUpdateCycle } from './general-part.api';

type Values = {
  name: string;
  periodFrom: string;
  periodTo: string;
  status: CycleStatus;
  representationRatio: number | string;
};

/** The ratio is typed as text ("2", "2,5") and sent as a number; what is not a number is sent as is, and refused. */
const ratioOf = (text: unknown): unknown =>
  typeof text === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(text) ? Number(text.replace(',', '.')) : text;
const withRatio = <S extends ZodType>(schema: S) =>
  z.preprocess(
    (v) =>
      v && typeof v === 'object'
        ? { ...v, representationRatio: ratioOf((v as Values).representationRatio) }
        : v,
    schema,
  );
const CreateCycleFormValues = withRatio(CreateCycleInput);
const UpdateCycleFormValues = withRatio(UpdateCycleInput);

/**
 * Creates an agreement cycle (which starts its general part as a draft of the five required sections) and
 * makes it the current cycle, or changes a cycle's name, period or status.
 */
export function CycleFormDialog({
  open,
  onClose,
  onSaved,
  cycle,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
  cycle?: Cycle;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={
        cycle ? t('generalPart.cycle.editTitle', { name: cycle.name }) : t('generalPart.cycle.createTitle')
      }
    >
      {cycle ? (
        <EditCycleForm cycle={cycle} onCancel={onClose} onSaved={onSaved} />
      ) : (
        <CreateCycleForm onCancel={onClose} onSaved={onSaved} />
      )}
    </ModalDialog>
  );
}

function CreateCycleForm({
  onCancel,
  onSaved,
}: {
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCycle();
  const initial: Values = {
    name: '',
    periodFrom: '',
    periodTo: '',
    status: 'planning',
    representationRatio: '2',
  };
  const form = useForm(CreateCycleFormValues, initial);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const cycle = await create.mutateAsync(data);
        chooseCycle(cycle.id);
        onSaved(t('generalPart.cycle.created', { name: cycle.name }));
      })}
    >
      <Paragraph>{t('generalPart.cycle.createIntro')}</Paragraph>
      <FormError summary={form.summary} error={form.formError} />
      <CycleFields form={form} />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('generalPart.cycle.createSubmit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function EditCycleForm({
  cycle,
  onCancel,
  onSaved,
}: {
  cycle: Cycle;
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCycle(cycle.id);
  const { conflict, guard, clear } = useConflict();
  const form = useForm(UpdateCycleFormValues, {
    name: cycle.name,
    periodFrom: cycle.periodFrom,
    periodTo: cycle.periodTo,
    status: cycle.status,
    representationRatio: String(cycle.representationRatio) as number | string,
    version: cycle.version,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        clear();
        const saved = await guard(update.mutateAsync(data));
        onSaved(t('generalPart.cycle.saved', { name: saved.name }));
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('generalPart.cycle.stale')}
      />
      <CycleFields form={form} />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

type CycleForm = FormFields<Values> & {
  // Method syntax: the edit form's values also carry a version.
  set<K extends keyof Values>(field: K, value: Values[K]): void;
  blur(field: keyof Values): void;
};

function CycleFields({ form }: { form: CycleForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        label={t('generalPart.cycle.name')}
        description={t('generalPart.cycle.nameHelp')}
        {...form.field('name')}
        autoComplete="off"
      />
      <div className="form-grid">
        <Textfield label={t('generalPart.cycle.periodFrom')} type="date" {...form.field('periodFrom')} />
        <Textfield label={t('generalPart.cycle.periodTo')} type="date" {...form.field('periodTo')} />
      </div>
      <Field>
        <Label>{t('generalPart.cycle.status')}</Label>
        <Field.Description>{t('generalPart.cycle.statusHelp')}</Field.Description>
        <Select
          value={form.values.status}
          onChange={(e) => form.set('status', CycleStatus.parse(e.target.value))}
          aria-invalid={Boolean(form.errors.status) || undefined}
        >
          {cycleStatuses.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`generalPart.cycleStatus.${s}`)}
            </Select.Option>
          ))}
        </Select>
        {form.errors.status && <ValidationMessage>{form.errors.status}</ValidationMessage>}
      </Field>
      <Textfield
        label={t('generalPart.cycle.ratio')}
        description={t('generalPart.cycle.ratioHelp')}
        inputMode="decimal"
        value={String(form.values.representationRatio)}
        onChange={(e) => form.set('representationRatio', e.target.value)}
        onBlur={() => form.blur('representationRatio')}
        error={form.errors.representationRatio}
      />
    </>
  );
}
