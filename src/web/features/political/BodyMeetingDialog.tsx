import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  type BodyMeeting,
  CreateBodyMeetingInput,
  isCountyBody,
  type PoliticalBody,
} from '../../../shared/contracts/bodies';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { orNull, useForm } from '../../shared/use-form';
import { useCreateBodyMeeting, useUpdateBodyMeeting } from './political.api';

/** The server's checks, and that the deadline is not after the meeting (which it checks too). */
const BodyMeetingForm = CreateBodyMeetingInput.superRefine((f, ctx) => {
  if (f.documentsDue && f.date && f.documentsDue > f.date) {
    ctx.addIssue({ code: 'custom', path: ['documentsDue'], message: 'validation.documentsDueAfterMeeting' });
  }
});

const shownFields = ['date', 'documentsDue', 'place'];

/**
 * Adds a meeting to a body's plan, or changes one: the day, for the county's bodies the last day for case
 * documents, and the place.
 */
export function BodyMeetingDialog({
  body,
  meeting,
  open,
  onClose,
  onDone,
}: {
  body: PoliticalBody;
  meeting?: BodyMeeting;
  open: boolean;
  onClose: () => void;
  onDone: (meeting: BodyMeeting) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={t(meeting ? 'political.plan.editTitle' : 'political.plan.addTitle', { body: body.name })}
    >
      <MeetingForm body={body} meeting={meeting} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

function MeetingForm({
  body,
  meeting,
  onCancel,
  onDone,
}: {
  body: PoliticalBody;
  meeting?: BodyMeeting;
  onCancel: () => void;
  onDone: (meeting: BodyMeeting) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateBodyMeeting();
  const update = useUpdateBodyMeeting();
  const county = isCountyBody(body.kind);
  const form = useForm(BodyMeetingForm, {
    date: meeting?.date ?? '',
    documentsDue: meeting?.documentsDue ?? null,
    place: meeting?.place ?? '',
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const input = { date: data.date, documentsDue: county ? data.documentsDue : null, place: data.place };
        const saved = await (meeting
          ? update.mutateAsync({ bodyId: body.id, id: meeting.id, ...input, version: meeting.version })
          : create.mutateAsync({ bodyId: body.id, ...input }));
        onDone(saved);
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={shownFields} />
      <Textfield label={t('political.plan.date')} type="date" {...form.field('date')} />
      {county && (
        <Textfield
          label={`${t('political.plan.documentsDue')} ${t('common.optional')}`}
          description={t('political.plan.documentsDueHelp')}
          type="date"
          {...form.field('documentsDue', orNull)}
        />
      )}
      <Textfield label={`${t('political.plan.place')} ${t('common.optional')}`} {...form.field('place')} />
      <DialogButtons
        submitting={form.submitting}
        submit={meeting ? t('common.save') : t('political.plan.add')}
        onCancel={onCancel}
      />
    </form>
  );
}
