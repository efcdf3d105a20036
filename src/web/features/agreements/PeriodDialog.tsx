import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { type Agreement, UpdateAgreementInput } from '../../../shared/contracts/agreements';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { useUpdateAgreement } from './agreements.api';

/** "Endre periode" (coordinator): the agreement's period; the parties follow its new first day. */
export function PeriodDialog({
  open,
  agreement,
  onClose,
  onSaved,
}: {
  open: boolean;
  agreement: Agreement;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('agreements.period.title')}>
      <PeriodForm agreement={agreement} onCancel={onClose} onSaved={onSaved} />
    </ModalDialog>
  );
}

function PeriodForm({
  agreement,
  onCancel,
  onSaved,
}: {
  agreement: Agreement;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAgreement(agreement.id);
  const { conflict, guard, clear } = useConflict();
  const form = useForm(UpdateAgreementInput, {
    periodFrom: agreement.periodFrom,
    periodTo: agreement.periodTo,
    version: agreement.version,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        clear();
        await guard(update.mutateAsync(data));
        onSaved();
      })}
    >
      <Paragraph>{t('agreements.period.intro')}</Paragraph>
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('agreements.stale')}
      />
      <div className="form-grid">
        <Textfield label={t('agreements.period.from')} type="date" {...form.field('periodFrom')} />
        <Textfield label={t('agreements.period.to')} type="date" {...form.field('periodTo')} />
      </div>
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
