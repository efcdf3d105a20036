import { Alert, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Agreement, UpdateAgreementInput } from '../../../shared/contracts/agreements';
import { ApiError } from '../../shared/api';
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
  const [stale, setStale] = useState(false);
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
        setStale(false);
        try {
          await update.mutateAsync(data);
          onSaved();
        } catch (e) {
          if (e instanceof ApiError && e.status === 409 && e.problem.code === 'stale') setStale(true);
          throw e;
        }
      })}
    >
      <Paragraph>{t('agreements.period.intro')}</Paragraph>
      {form.formError && (
        <Alert data-color={stale ? 'warning' : 'danger'} role="alert">
          {stale ? t('agreements.stale') : form.formError}
        </Alert>
      )}
      <div className="form-grid">
        <Textfield
          label={t('agreements.period.from')}
          type="date"
          value={form.values.periodFrom}
          onChange={(e) => form.set('periodFrom', e.target.value)}
          onBlur={() => form.blur('periodFrom')}
          error={form.errors.periodFrom}
        />
        <Textfield
          label={t('agreements.period.to')}
          type="date"
          value={form.values.periodTo}
          onChange={(e) => form.set('periodTo', e.target.value)}
          onBlur={() => form.blur('periodTo')}
          error={form.errors.periodTo}
        />
      </div>
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
