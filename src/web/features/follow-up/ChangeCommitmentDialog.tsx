import { Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ChangeCommitmentInput, type CommitmentDetail } from '../../../shared/contracts/follow-up';
import { kronerOfInput } from '../../shared/amount';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { useForm } from '../../shared/use-form';
import { useChangeCommitment } from './follow-up.api';

type Values = {
  title: string;
  budgetNok: string;
  needsSeparateDecision: boolean;
  state: 'active' | 'withdrawn';
  reason: string;
  decisionReference: string;
  version: number;
};

const fields = ['title', 'budgetNok', 'needsSeparateDecision', 'state', 'reason', 'decisionReference'];

/**
 * "Endre forpliktelsen": the coordinator changes a commitment of an agreement in force — its title, budget,
 * whether the money needs a separate decision, or withdraws it — always with the reason and the decision the
 * change rests on, which the commitment's page then lists.
 */
export function ChangeCommitmentDialog({
  commitment,
  open,
  onClose,
  onDone,
}: {
  commitment: CommitmentDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('followUp.changeCommitment.title')}>
      <ChangeForm key={commitment.version} commitment={commitment} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

function ChangeForm({
  commitment: c,
  onCancel,
  onDone,
}: {
  commitment: CommitmentDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeCommitment(c.id);
  const conflict = useConflict();
  // Only what was changed is sent, so the change row names just that.
  const [schema] = useState(() =>
    z.preprocess((raw) => {
      const v = raw as Values;
      const budget = kronerOfInput(v.budgetNok);
      return {
        ...(v.title !== c.title ? { title: v.title } : {}),
        ...(budget !== c.budgetNok ? { budgetNok: budget } : {}),
        ...(v.needsSeparateDecision !== c.needsSeparateDecision
          ? { needsSeparateDecision: v.needsSeparateDecision }
          : {}),
        ...(v.state !== c.state ? { state: v.state } : {}),
        reason: v.reason,
        decisionReference: v.decisionReference,
        version: v.version,
      };
    }, ChangeCommitmentInput),
  );
  const form = useForm(schema, {
    title: c.title,
    budgetNok: c.budgetNok === null ? '' : String(c.budgetNok),
    needsSeparateDecision: c.needsSeparateDecision,
    state: c.state,
    reason: '',
    decisionReference: '',
    version: c.version,
  } as Values);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await conflict.guard(change.mutateAsync(data));
        onDone();
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict.conflict}
        conflictText={t('followUp.changeCommitment.conflict')}
        errors={form.errors}
        fields={fields}
      />
      <Textfield label={t('followUp.changeCommitment.commitmentTitle')} {...form.field('title')} />
      <Textfield
        label={t('followUp.changeCommitment.budget')}
        description={t('followUp.changeCommitment.budgetHelp')}
        inputMode="numeric"
        {...form.field('budgetNok')}
      />
      <Checkbox
        label={t('followUp.changeCommitment.needsSeparateDecision')}
        checked={form.values.needsSeparateDecision}
        onChange={(e) => form.set('needsSeparateDecision', e.target.checked)}
      />
      <SelectField
        label={t('followUp.changeCommitment.state')}
        {...form.field('state', (v) => v as Values['state'])}
      >
        <option value="active">{t('followUp.changeCommitment.active')}</option>
        <option value="withdrawn">{t('followUp.commitment.withdrawn')}</option>
      </SelectField>
      <Textfield label={t('followUp.changeCommitment.reason')} multiline rows={3} {...form.field('reason')} />
      <Textfield
        label={t('followUp.changeCommitment.decisionReference')}
        description={t('followUp.changeCommitment.decisionReferenceHelp')}
        {...form.field('decisionReference')}
      />
      <DialogButtons
        submitting={form.submitting}
        submit={t('followUp.changeCommitment.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
