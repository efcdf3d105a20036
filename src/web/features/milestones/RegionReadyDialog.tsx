import { Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgreementMilestones, MarkRegionReadyInput } from '../../../shared/contracts/milestones';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { orNull, useForm } from '../../shared/use-form';
import { useMarkRegionReady } from './milestones.api';

/** "Er regionen klar til å starte?": the coordinator or the region's own contact says so, with a note. */
export function RegionReadyDialog({
  open,
  data,
  onClose,
  onSaved,
}: {
  open: boolean;
  data: AgreementMilestones;
  onClose: () => void;
  onSaved: (ready: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('milestones.ready.dialogTitle')}>
      <ReadyForm data={data} onCancel={onClose} onSaved={onSaved} />
    </ModalDialog>
  );
}

function ReadyForm({
  data,
  onCancel,
  onSaved,
}: {
  data: AgreementMilestones;
  onCancel: () => void;
  onSaved: (ready: boolean) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const mark = useMarkRegionReady(data.agreementId);
  const { conflict, guard, clear } = useConflict();
  const form = useForm(MarkRegionReadyInput, {
    ready: data.regionReady.ready,
    note: data.regionReady.note,
    version: data.agreementVersion,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (input) => {
        clear();
        const saved = await guard(mark.mutateAsync(input));
        onSaved(saved.regionReady.ready);
      })}
    >
      <Paragraph>{t('milestones.ready.intro')}</Paragraph>
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('milestones.ready.stale')}
      />
      <Fieldset>
        <Fieldset.Legend>{t('milestones.ready.legend')}</Fieldset.Legend>
        <Radio
          name={name}
          value="ready"
          label={t('milestones.ready.yes')}
          checked={form.values.ready}
          onChange={() => form.set('ready', true)}
        />
        <Radio
          name={name}
          value="not-ready"
          label={t('milestones.ready.no')}
          checked={!form.values.ready}
          onChange={() => form.set('ready', false)}
        />
      </Fieldset>
      <Textfield
        label={t('milestones.ready.note')}
        description={t('milestones.ready.noteHelp')}
        multiline
        rows={3}
        {...form.field('note', orNull)}
      />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
