import { Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AddIndicatorInput, type IndicatorDirection } from '../../../shared/contracts/follow-up';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { useForm } from '../../shared/use-form';
import { useAddIndicator } from './follow-up.api';
import { numberOfInput } from './follow-up-format';

type Values = {
  name: string;
  unit: string;
  direction: IndicatorDirection | '';
  baselineValue: string;
  baselineOn: string;
  targetValue: string;
  targetOn: string;
};

/** The values as typed, made into the server's input (numbers with spaces and a decimal comma read). */
const IndicatorForm = z.preprocess((raw) => {
  const v = raw as Values;
  return {
    ...v,
    direction: v.direction || undefined,
    baselineValue: numberOfInput(v.baselineValue) ?? undefined,
    targetValue: numberOfInput(v.targetValue) ?? undefined,
    goals: [],
  };
}, AddIndicatorInput);

const fields = ['name', 'unit', 'direction', 'baselineValue', 'baselineOn', 'targetValue', 'targetOn'];

/**
 * "Legg til indikator": the commitment's owner or the coordinator adds a measure with its unit, whether
 * higher or lower is better, and the baseline and target with their dates (the target not before the baseline).
 */
export function AddIndicatorDialog({
  open,
  commitmentId,
  onClose,
  onDone,
}: {
  open: boolean;
  commitmentId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('followUp.addIndicator.title')}>
      <AddIndicatorForm commitmentId={commitmentId} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

function AddIndicatorForm({
  commitmentId,
  onCancel,
  onDone,
}: {
  commitmentId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddIndicator(commitmentId);
  const [initial] = useState<Values>({
    name: '',
    unit: '',
    direction: '',
    baselineValue: '',
    baselineOn: '',
    targetValue: '',
    targetOn: '',
  });
  const form = useForm(IndicatorForm, initial);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await add.mutateAsync(data);
        onDone();
      })}
    >
      <FormError error={form.formError} errors={form.errors} fields={fields} />
      <Textfield label={t('followUp.addIndicator.name')} {...form.field('name')} />
      <Textfield
        label={t('followUp.addIndicator.unit')}
        description={t('followUp.addIndicator.unitHelp')}
        {...form.field('unit')}
      />
      <SelectField
        label={t('followUp.addIndicator.direction')}
        {...form.field('direction', (v) => v as Values['direction'])}
      >
        <option value="">{t('followUp.addIndicator.chooseDirection')}</option>
        <option value="higher">{t('followUp.direction.higher')}</option>
        <option value="lower">{t('followUp.direction.lower')}</option>
      </SelectField>
      <div className="follow-up-values">
        <Textfield
          label={t('followUp.addIndicator.baselineValue')}
          inputMode="decimal"
          {...form.field('baselineValue')}
        />
        <Textfield label={t('followUp.addIndicator.baselineOn')} type="date" {...form.field('baselineOn')} />
        <Textfield
          label={t('followUp.addIndicator.targetValue')}
          inputMode="decimal"
          {...form.field('targetValue')}
        />
        <Textfield label={t('followUp.addIndicator.targetOn')} type="date" {...form.field('targetOn')} />
      </div>
      <DialogButtons
        submitting={form.submitting}
        submit={t('followUp.addIndicator.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
