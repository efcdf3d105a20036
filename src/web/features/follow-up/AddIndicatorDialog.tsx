import { Button, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AddIndicatorInput, type IndicatorDirection, maxGoals } from '../../../shared/contracts/follow-up';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { useForm } from '../../shared/use-form';
import { useAddIndicator } from './follow-up.api';
import { numberOfInput } from './follow-up-format';

type Goal = { dueOn: string; value: string };

type Values = {
  name: string;
  unit: string;
  direction: IndicatorDirection | '';
  baselineValue: string;
  baselineOn: string;
  targetValue: string;
  targetOn: string;
  goals: Goal[];
};

/** The values as typed, made into the server's input (numbers with spaces and a decimal comma read). */
const IndicatorForm = z.preprocess((raw) => {
  const v = raw as Values;
  return {
    ...v,
    direction: v.direction || undefined,
    baselineValue: numberOfInput(v.baselineValue) ?? undefined,
    targetValue: numberOfInput(v.targetValue) ?? undefined,
    // In the order typed, so that an error on the third goal lands on the third row; the server keeps them
    // in date order.
    goals: v.goals.map((g) => ({ dueOn: g.dueOn, value: numberOfInput(g.value) ?? undefined })),
  };
}, AddIndicatorInput);

const fields = [
  'name',
  'unit',
  'direction',
  'baselineValue',
  'baselineOn',
  'targetValue',
  'targetOn',
  'goals',
];

/**
 * "Legg til indikator": the commitment's owner or the coordinator adds a measure with its unit, whether
 * higher or lower is better, the baseline and target with their dates (the target not before the baseline),
 * and any intermediate goals: a value due on a day between the two, added, changed and removed row by row.
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
    goals: [],
  });
  const form = useForm(IndicatorForm, initial);
  const goals = form.values.goals;
  const setGoals = (next: Goal[]) => form.set('goals', next);
  const setGoal = (index: number, change: Partial<Goal>) =>
    setGoals(goals.map((g, i) => (i === index ? { ...g, ...change } : g)));
  // A keyboard user lands on what changed: the new goal's date, or after a removal the button that adds one.
  const list = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ on: 'goal'; index: number } | { on: 'add' } | null>(null);
  useEffect(() => {
    if (!focus || !list.current) return;
    const target =
      focus.on === 'goal'
        ? list.current.querySelectorAll<HTMLInputElement>('input[type="date"]')[focus.index]
        : list.current.querySelector<HTMLButtonElement>('[data-add-goal]');
    target?.focus();
    setFocus(null);
  }, [focus]);
  const goalError = (index: number, field: keyof Goal) => form.errors[`goals.${index}.${field}`];
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await add.mutateAsync(data);
        onDone();
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={[...fields, ...Object.keys(form.errors).filter((f) => f.startsWith('goals.'))]}
      />
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
      <Fieldset>
        <Fieldset.Legend>{t('followUp.addIndicator.goals')}</Fieldset.Legend>
        <Fieldset.Description>{t('followUp.addIndicator.goalsHelp')}</Fieldset.Description>
        <div className="stack" ref={list}>
          {goals.length === 0 && <Paragraph data-size="sm">{t('followUp.addIndicator.noGoals')}</Paragraph>}
          {goals.map((goal, index) => {
            const number = index + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a goal has no identity but its place
              <div key={index} className="follow-up-goal">
                <div className="follow-up-goal-fields">
                  <Textfield
                    label={t('followUp.addIndicator.goalOn', { number })}
                    type="date"
                    value={goal.dueOn}
                    onChange={(e) => setGoal(index, { dueOn: e.target.value })}
                    error={goalError(index, 'dueOn')}
                  />
                  <Textfield
                    label={t('followUp.addIndicator.goalValue', { number })}
                    inputMode="decimal"
                    value={goal.value}
                    onChange={(e) => setGoal(index, { value: e.target.value })}
                    error={goalError(index, 'value')}
                  />
                </div>
                <div>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      setGoals(goals.filter((_, i) => i !== index));
                      setFocus({ on: 'add' });
                    }}
                  >
                    {t('followUp.addIndicator.removeGoal', { number })}
                  </Button>
                </div>
              </div>
            );
          })}
          {form.errors.goals && <ValidationMessage>{form.errors.goals}</ValidationMessage>}
          {goals.length < maxGoals && (
            <div>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                data-add-goal
                onClick={() => {
                  setGoals([...goals, { dueOn: '', value: '' }]);
                  setFocus({ on: 'goal', index: goals.length });
                }}
              >
                {t('followUp.addIndicator.addGoal')}
              </Button>
            </div>
          )}
        </div>
      </Fieldset>
      <DialogButtons
        submitting={form.submitting}
        submit={t('followUp.addIndicator.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
