import { Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ChangeStatusInput, type Contribution } from '../../../shared/contracts/contributions';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { useForm } from '../../shared/use-form';
import { useChangeStatus } from './contributions.api';

/** Changes a contribution's negotiation status; the reason is required and kept in the history. */
export function StatusDialog({
  contribution,
  onClose,
  onDone,
}: {
  contribution: Contribution | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={contribution !== null}
      onClose={onClose}
      title={t('contributions.statusDialog.title', { title: contribution?.title ?? '' })}
    >
      {contribution && <StatusForm contribution={contribution} onCancel={onClose} onDone={onDone} />}
    </ModalDialog>
  );
}

function StatusForm({
  contribution,
  onCancel,
  onDone,
}: {
  contribution: Contribution;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const change = useChangeStatus();
  const form = useForm(ChangeStatusInput, { status: '', reason: '', version: contribution.version });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const saved = await change.mutateAsync({ id: contribution.id, ...data });
        onDone(
          t('contributions.statusDialog.changed', {
            title: saved.title,
            status: t(`contributions.status.${saved.status}`),
          }),
        );
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={['status', 'reason']}
      />
      <Paragraph>
        {t('contributions.statusDialog.current', {
          status: t(`contributions.status.${contribution.status}`),
        })}
      </Paragraph>
      <SelectField label={t('contributions.statusDialog.status')} {...form.field('status')}>
        <Select.Option value="">{t('contributions.statusDialog.choose')}</Select.Option>
        {contribution.statusChoices.map((s) => (
          <Select.Option key={s} value={s}>
            {t(`contributions.status.${s}`)}
          </Select.Option>
        ))}
      </SelectField>
      {!contribution.statusChoices.includes('agreed') && (
        <Paragraph data-size="sm">{t('contributions.statusDialog.agreedByCoordinator')}</Paragraph>
      )}
      <Textfield
        label={t('contributions.statusDialog.reason')}
        description={t('contributions.statusDialog.reasonHelp')}
        multiline
        rows={3}
        {...form.field('reason')}
      />
      <DialogButtons
        submitting={form.submitting}
        submit={t('contributions.statusDialog.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
