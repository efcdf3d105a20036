import { Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  type Milestone,
  type MilestoneState,
  milestoneStates,
  UpdateMilestoneInput,
} from '../../../shared/contracts/milestones';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { todayInOslo } from '../../shared/format';
import { orNull, useForm } from '../../shared/use-form';
import { useUpdateMilestone } from './milestones.api';

/**
 * Records a milestone's planned and actual date, its state and a note. Choosing "Fullført" asks for the
 * reason (the server refuses it without), and fills in today as the actual date if none is given.
 */
export function MilestoneDialog({
  milestone,
  onClose,
  onSaved,
}: {
  milestone: Milestone | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={milestone !== null}
      onClose={onClose}
      title={t('milestones.dialog.title', { name: milestone?.name ?? '' })}
    >
      {milestone && <MilestoneForm milestone={milestone} onCancel={onClose} onSaved={onSaved} />}
    </ModalDialog>
  );
}

function MilestoneForm({
  milestone: m,
  onCancel,
  onSaved,
}: {
  milestone: Milestone;
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMilestone();
  const { conflict, guard, clear } = useConflict();
  const form = useForm(UpdateMilestoneInput, {
    plannedDate: m.plannedDate,
    actualDate: m.actualDate,
    state: m.recordedState,
    reason: m.doneReason,
    note: m.note,
    version: m.version,
  });
  const done = form.values.state === 'done';
  const stateField = form.field('state', (text) => text as MilestoneState);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        clear();
        await guard(
          update.mutateAsync({ id: m.id, ...data, reason: data.state === 'done' ? data.reason : null }),
        );
        onSaved(m.name);
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('milestones.dialog.stale')}
        errors={form.errors}
        fields={['plannedDate', 'actualDate', 'state', 'reason', 'note']}
      />
      {m.completedBy === 'evidence' && <Paragraph>{t('milestones.dialog.byEvidence')}</Paragraph>}
      <div className="form-grid">
        <Textfield
          label={t('milestones.dialog.plannedDate')}
          type="date"
          {...form.field('plannedDate', orNull)}
        />
        <Textfield
          label={t('milestones.dialog.actualDate')}
          type="date"
          {...form.field('actualDate', orNull)}
        />
      </div>
      <SelectField
        label={t('milestones.dialog.state')}
        {...stateField}
        onChange={(value) => {
          stateField.onChange(value);
          if (value === 'done' && !form.values.actualDate) form.set('actualDate', todayInOslo());
        }}
      >
        {milestoneStates.map((s) => (
          <Select.Option key={s} value={s}>
            {t(`milestones.state.${s}`)}
          </Select.Option>
        ))}
      </SelectField>
      {done && (
        <Textfield
          label={t('milestones.dialog.reason')}
          description={t('milestones.dialog.reasonHelp')}
          multiline
          rows={3}
          {...form.field('reason', orNull)}
        />
      )}
      <Textfield
        label={t('milestones.dialog.note')}
        description={t('milestones.dialog.noteHelp')}
        multiline
        rows={3}
        {...form.field('note', orNull)}
      />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
