import { Button, Heading, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PoliticalCase, type Treatment, UpdateTreatmentInput } from '../../../shared/contracts/cases';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { MeetingDate } from './MeetingDate';
import { politicalPaths, useBody, useUpdateTreatment } from './political.api';

/**
 * The treatment plan: the bodies the case passes in order, each with its role, the meeting it is put to
 * (from the body's plan) and the body's case number; the coordinator changes a row in a dialog.
 */
export function TreatmentsSection({
  politicalCase: c,
  editable,
  onSaved,
  onNotice,
}: {
  politicalCase: PoliticalCase;
  editable: boolean;
  onSaved: (next: PoliticalCase) => void;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const [editing, setEditing] = useState<Treatment | null>(null);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.treatments.heading')}
      </Heading>
      <div className="table-wrap">
        <Table aria-labelledby={headingId} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('political.treatments.columns.body')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.meeting')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.documentsDue')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.caseNumber')}</Table.HeaderCell>
              {editable && (
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {c.treatments.map((tr) => (
              <Table.Row key={tr.id}>
                <Table.Cell>
                  <Link to={politicalPaths.body(tr.bodyId)}>{tr.bodyName}</Link>
                </Table.Cell>
                <Table.Cell>{t(`political.role.${tr.role}`)}</Table.Cell>
                <Table.Cell>
                  {tr.meeting ? (
                    <time dateTime={tr.meeting.date}>{formatDate(tr.meeting.date, locale)}</time>
                  ) : (
                    <span className="muted">{t('political.treatments.noMeeting')}</span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {tr.meeting?.documentsDue ? (
                    <MeetingDate date={tr.meeting.documentsDue} locale={locale} deadline />
                  ) : (
                    ''
                  )}
                </Table.Cell>
                <Table.Cell>
                  {tr.caseNumber ?? <span className="muted">{t('political.none')}</span>}
                </Table.Cell>
                {editable && (
                  <Table.Cell>
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('political.treatments.editLabel', { body: tr.bodyName })}
                      onClick={() => setEditing(tr)}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t('political.treatments.editTitle', { body: editing?.bodyName ?? '' })}
      >
        {editing && (
          <TreatmentForm
            caseId={c.id}
            treatment={editing}
            onCancel={() => setEditing(null)}
            onDone={(next) => {
              onSaved(next);
              onNotice(t('political.treatments.saved', { body: editing.bodyName }));
              setEditing(null);
            }}
          />
        )}
      </ModalDialog>
    </section>
  );
}

const TreatmentFields = UpdateTreatmentInput.omit({ version: true });
const shownFields = ['meetingId', 'caseNumber'];

function TreatmentForm({
  caseId,
  treatment,
  onCancel,
  onDone,
}: {
  caseId: string;
  treatment: Treatment;
  onCancel: () => void;
  onDone: (next: PoliticalCase) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const body = useBody(treatment.bodyId);
  const update = useUpdateTreatment();
  const form = useForm(TreatmentFields, {
    meetingId: treatment.meeting?.id ?? null,
    caseNumber: treatment.caseNumber ?? '',
  });
  const meetings = body.data?.meetings ?? [];
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const next = await update.mutateAsync({
          caseId,
          treatmentId: treatment.id,
          ...data,
          version: treatment.version,
        });
        onDone(next);
      })}
    >
      <FormError error={form.formError} errors={form.errors} fields={shownFields} />
      <SelectField
        label={t('political.treatments.meeting')}
        description={t('political.treatments.meetingHelp', { body: treatment.bodyName })}
        {...form.field('meetingId', orNull)}
      >
        <Select.Option value="">{t('political.treatments.meetingLater')}</Select.Option>
        {meetings.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.documentsDue
              ? t('political.treatments.meetingOption', {
                  date: formatDate(m.date, locale),
                  due: formatDate(m.documentsDue, locale),
                })
              : formatDate(m.date, locale)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        label={`${t('political.treatments.caseNumber')} ${t('common.optional')}`}
        description={t('political.treatments.caseNumberHelp')}
        {...form.field('caseNumber')}
      />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
