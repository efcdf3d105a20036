import { Field, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  type Agreement,
  type GeneralPartVersionRef,
  MoveGeneralPartInput,
} from '../../../shared/contracts/agreements';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { useMoveGeneralPart } from './agreements.api';

/** "Flytt til versjon N": moves the agreement to a newer approved general part, with the reason recorded. */
export function MoveGeneralPartDialog({
  open,
  agreement,
  target,
  onClose,
  onMoved,
}: {
  open: boolean;
  agreement: Agreement;
  target: GeneralPartVersionRef;
  onClose: () => void;
  onMoved: (number: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('agreements.move.title', { number: target.number })}>
      <MoveForm agreement={agreement} target={target} onCancel={onClose} onMoved={onMoved} />
    </ModalDialog>
  );
}

function MoveForm({
  agreement,
  target,
  onCancel,
  onMoved,
}: {
  agreement: Agreement;
  target: GeneralPartVersionRef;
  onCancel: () => void;
  onMoved: (number: number) => void;
}) {
  const { t } = useTranslation();
  const move = useMoveGeneralPart(agreement.id);
  const { conflict, guard, clear } = useConflict();
  const form = useForm(MoveGeneralPartInput, {
    versionId: target.id,
    reason: '',
    version: agreement.version,
  });
  // A bare Textarea shows no error itself: it goes to the ValidationMessage below it.
  const { error: reasonError, ...reason } = form.field('reason');
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        clear();
        await guard(move.mutateAsync(data));
        onMoved(target.number);
      })}
    >
      <Paragraph>
        {t('agreements.move.intro', { pinned: agreement.generalPartVersion.number, number: target.number })}
      </Paragraph>
      <FormError
        summary={form.summary}
        error={form.formError && (form.errors._ ?? form.formError)}
        conflict={conflict}
        conflictText={t('agreements.stale')}
      />
      <Field>
        <Label>{t('agreements.move.reason')}</Label>
        <Field.Description>{t('agreements.move.reasonHelp')}</Field.Description>
        <Textarea rows={3} {...reason} aria-invalid={Boolean(reasonError) || undefined} />
        {reasonError && <ValidationMessage>{reasonError}</ValidationMessage>}
      </Field>
      <DialogButtons
        submitting={form.submitting}
        submit={t('agreements.move.submit', { number: target.number })}
        onCancel={onCancel}
      />
    </form>
  );
}
