import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ReopenReportInput } from '../../../shared/contracts/follow-up';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { useReopenReport } from './follow-up.api';

/** "Åpne rapporten igjen": the coordinator sends a submitted report back to its owner, saying why. */
export function ReopenDialog({
  target,
  roundId,
  onClose,
  onDone,
}: {
  /** The report to reopen: its commitment, title and version; null while closed. */
  target: { commitmentId: string; title: string; version: number } | null;
  roundId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={target !== null}
      onClose={onClose}
      title={t('followUp.reopen.title', { title: target?.title ?? '' })}
    >
      {target && (
        <ReopenForm
          key={target.commitmentId}
          roundId={roundId}
          target={target}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
    </ModalDialog>
  );
}

function ReopenForm({
  roundId,
  target,
  onCancel,
  onDone,
}: {
  roundId: string;
  target: { commitmentId: string; version: number };
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const reopen = useReopenReport(roundId, target.commitmentId);
  const form = useForm(ReopenReportInput, { reason: '', version: target.version });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await reopen.mutateAsync(data);
        onDone();
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={['reason']} />
      <Textfield
        label={t('followUp.reopen.reason')}
        description={t('followUp.reopen.reasonHelp')}
        multiline
        rows={3}
        {...form.field('reason')}
      />
      <DialogButtons submitting={form.submitting} submit={t('followUp.reopen.submit')} onCancel={onCancel} />
    </form>
  );
}
