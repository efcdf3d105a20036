import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  type AdoptionOutcome,
  type AdoptionRow,
  adoptionOutcomes,
  RecordAdoptionInput,
} from '../../../shared/contracts/adoption';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { AdoptionRadios } from './AdoptionRadios';
import { useCouncil, useRecordAdoption } from './adoption.api';

const shownFields = ['bodyMeetingId', 'decidedOn', 'caseReference', 'recordUrl', 'outcome', 'changedText'];

/**
 * Records a member municipality's council decision on the agreement, or corrects it: the council meeting
 * from its plan, the date, the municipality's case number, the link to the published record, the outcome,
 * and the changed text when the council adopted it with a change.
 */
export function RecordAdoptionDialog({
  agreementId,
  row,
  onClose,
  onSaved,
}: {
  agreementId: string;
  row: AdoptionRow | null;
  onClose: () => void;
  onSaved: (row: AdoptionRow) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={row !== null}
      onClose={onClose}
      title={t('adoption.record.title', { municipality: row?.municipalityName ?? '' })}
    >
      {row && (
        <RecordForm
          key={row.municipalityId}
          agreementId={agreementId}
          row={row}
          onCancel={onClose}
          onSaved={() => onSaved(row)}
        />
      )}
    </ModalDialog>
  );
}

function RecordForm({
  agreementId,
  row,
  onCancel,
  onSaved,
}: {
  agreementId: string;
  row: AdoptionRow;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const record = useRecordAdoption(agreementId);
  const council = useCouncil(row.councilId);
  const before = row.adoption;
  const form = useForm(RecordAdoptionInput, {
    bodyMeetingId: before?.bodyMeetingId ?? null,
    decidedOn: before?.decidedOn ?? '',
    caseReference: before?.caseReference ?? '',
    recordUrl: before?.recordUrl ?? '',
    outcome: (before?.outcome ?? '') as AdoptionOutcome | '',
    changedText: before?.changedText ?? '',
    version: before?.version,
  });
  const meetings = council.data?.meetings ?? [];
  const meetingField = form.field('bodyMeetingId', orNull);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (input) => {
        await record.mutateAsync({ municipalityId: row.municipalityId, ...input });
        onSaved();
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={shownFields} />
      {row.councilId === null ? (
        <Paragraph>{t('adoption.record.noCouncil')}</Paragraph>
      ) : council.isSuccess && meetings.length === 0 ? (
        <Paragraph>{t('adoption.record.noPlan')}</Paragraph>
      ) : (
        <SelectField
          label={`${t('adoption.record.meeting')} ${t('common.optional')}`}
          description={t('adoption.record.meetingHelp')}
          {...meetingField}
          onChange={(id) => {
            meetingField.onChange(id);
            const date = meetings.find((m) => m.id === id)?.date;
            if (date && !form.values.decidedOn) form.set('decidedOn', date);
          }}
        >
          <option value="">{t('adoption.record.meetingNone')}</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.place
                ? t('adoption.record.meetingOptionPlace', {
                    date: formatDate(m.date, locale),
                    place: m.place,
                  })
                : formatDate(m.date, locale)}
            </option>
          ))}
        </SelectField>
      )}
      <Textfield label={t('adoption.record.decidedOn')} type="date" {...form.field('decidedOn')} />
      <Textfield
        label={`${t('adoption.record.caseReference')} ${t('common.optional')}`}
        description={t('adoption.record.caseReferenceHelp')}
        {...form.field('caseReference')}
      />
      <Textfield
        label={`${t('adoption.record.recordUrl')} ${t('common.optional')}`}
        description={t('adoption.record.recordUrlHelp')}
        type="url"
        inputMode="url"
        {...form.field('recordUrl')}
      />
      <AdoptionRadios
        legend={t('adoption.record.outcome')}
        options={adoptionOutcomes.map((o) => ({ value: o, label: t(`adoption.outcome.${o}`) }))}
        value={form.values.outcome}
        onChange={(o) => form.set('outcome', o)}
        error={form.errors.outcome}
      />
      {form.values.outcome === 'adopted_with_changes' && (
        <Textfield
          label={t('adoption.record.changedText')}
          description={t('adoption.record.changedTextHelp')}
          multiline
          rows={4}
          {...form.field('changedText')}
        />
      )}
      <DialogButtons submitting={form.submitting} submit={t('adoption.record.save')} onCancel={onCancel} />
    </form>
  );
}
