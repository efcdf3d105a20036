import {
  Checkbox,
  Fieldset,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Me } from '../../../shared/contracts/auth';
import { Id, IsoDate, optionalText, requiredText } from '../../../shared/contracts/common';
import {
  type Meeting,
  MeetingType,
  meetingIssues,
  meetingTitleMax,
  meetingTypes,
  VideoLink,
} from '../../../shared/contracts/meetings';
import { fromOsloParts, osloParts } from '../../../shared/contracts/oslo-time';
import type { RichTextDoc } from '../../../shared/contracts/rich-text';
import { ApiError } from '../../shared/api';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { orNull, useForm } from '../../shared/use-form';
import { useAgreements } from '../agreements';
import { useDepartments } from '../registry';
import { useCreateMeeting, useRegisterMeeting, useUpdateMeeting } from './meetings.api';

const Time = z.string({ error: 'validation.dateTime' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: 'validation.dateTime',
});

/**
 * The form's fields: the day and the hours as Oslo reads them, which become the API's start and end (with
 * Oslo's offset of that day) when the form is sent. The shared checks run on what they become.
 */
const MeetingFormValues = z
  .object({
    type: MeetingType,
    title: requiredText(meetingTitleMax),
    date: IsoDate,
    startTime: Time,
    endTime: Time,
    place: optionalText(300),
    videoLink: VideoLink,
    agreementIds: z.array(Id),
    ownerDepartmentId: Id.nullable(),
  })
  .superRefine((f, ctx) => {
    const issues = meetingIssues({
      type: f.type,
      startsAt: fromOsloParts(f.date, f.startTime) ?? undefined,
      endsAt: fromOsloParts(f.date, f.endTime) ?? undefined,
      ownerDepartmentId: f.ownerDepartmentId,
    });
    for (const issue of issues) {
      ctx.addIssue({ code: 'custom', path: [formFieldOf(issue.field)], message: issue.code });
    }
  });

/** The server names the API's fields; the form shows the day and the hours. */
function formFieldOf(field: string): string {
  return field === 'startsAt'
    ? 'startTime'
    : field === 'endsAt'
      ? 'endTime'
      : field.startsWith('agreementIds')
        ? 'agreementIds'
        : field;
}

function onFormFields(error: unknown): never {
  if (error instanceof ApiError && error.problem.errors) {
    throw new ApiError(error.status, {
      ...error.problem,
      errors: error.problem.errors.map((e) => ({ ...e, field: formFieldOf(e.field) })),
    });
  }
  throw error;
}

/** Minutes typed as plain text, one paragraph per block of lines; none when empty. */
function minutesOf(text: string): RichTextDoc | null {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  if (blocks.length === 0) return null;
  return {
    type: 'doc',
    content: blocks.map((b) => ({ type: 'paragraph', content: [{ type: 'text', text: b }] })),
  };
}

const shownFields = [
  'type',
  'title',
  'date',
  'startTime',
  'endTime',
  'place',
  'videoLink',
  'agreementIds',
  'ownerDepartmentId',
  'minutes',
];

/**
 * Plans a meeting, or changes one's details. A department editor plans only their department's bilateral
 * meetings, so the type and the owner are fixed for them.
 */
export function MeetingDialog({
  me,
  cycleId,
  meeting,
  open,
  onClose,
  onDone,
}: {
  me: Me;
  cycleId: string;
  meeting?: Meeting;
  open: boolean;
  onClose: () => void;
  onDone: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={meeting ? t('meetings.form.editTitle') : t('meetings.form.createTitle')}
    >
      <MeetingForm me={me} cycleId={cycleId} meeting={meeting} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

function MeetingForm({
  me,
  cycleId,
  meeting,
  onCancel,
  onDone,
}: {
  me: Me;
  cycleId: string;
  meeting?: Meeting;
  onCancel: () => void;
  onDone: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMeeting();
  const register = useRegisterMeeting();
  const update = useUpdateMeeting();
  // A new meeting that already took place is registered afterwards: held, with its minutes if given.
  const [registered, setRegistered] = useState(false);
  const [minutes, setMinutes] = useState('');
  const [approved, setApproved] = useState(false);
  const agreements = useAgreements(cycleId);
  const departments = useDepartments({ activeOnly: true });
  const agreementsLabel = useId();
  const agreementsError = useId();
  const department = me.role === 'department';
  const start = meeting ? osloParts(meeting.startsAt) : null;
  const end = meeting ? osloParts(meeting.endsAt) : null;
  const form = useForm(MeetingFormValues, {
    type: meeting?.type ?? (department ? 'bilateral' : ''),
    title: meeting?.title ?? '',
    date: start?.date ?? '',
    startTime: start?.time ?? '',
    endTime: end?.time ?? '',
    place: meeting?.place ?? '',
    videoLink: meeting?.videoLink ?? '',
    agreementIds: meeting?.agreements.map((a) => a.id) ?? [],
    ownerDepartmentId: meeting?.ownerDepartment?.id ?? (department ? me.departmentId : null),
  });
  const { values, errors } = form;
  const chosen = new Set(values.agreementIds);
  const toggle = (id: string, on: boolean) =>
    form.set(
      'agreementIds',
      (agreements.data ?? []).map((a) => a.id).filter((a) => (a === id ? on : chosen.has(a))),
    );

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const body = {
          type: data.type,
          title: data.title,
          startsAt: fromOsloParts(data.date, data.startTime) ?? '',
          endsAt: fromOsloParts(data.date, data.endTime) ?? '',
          place: data.place,
          videoLink: data.videoLink,
          agreementIds: data.agreementIds,
          ownerDepartmentId: data.ownerDepartmentId,
        };
        const saved = await (meeting
          ? update.mutateAsync({ id: meeting.id, ...body, version: meeting.version })
          : registered
            ? register.mutateAsync({
                cycleId,
                ...body,
                minutes: minutesOf(minutes),
                state: approved ? 'minutes_approved' : 'held',
              })
            : create.mutateAsync({ cycleId, ...body })
        ).catch(onFormFields);
        onDone(saved);
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={errors} fields={shownFields} />
      <SelectField label={t('meetings.form.type')} {...form.field('type')} disabled={department}>
        <Select.Option value="">{t('meetings.form.chooseType')}</Select.Option>
        {meetingTypes.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`meetings.type.${k}`)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield label={t('meetings.form.title')} {...form.field('title')} />
      <div className="meetings-when">
        <Textfield label={t('meetings.form.date')} type="date" {...form.field('date')} />
        <Textfield label={t('meetings.form.startTime')} type="time" {...form.field('startTime')} />
        <Textfield label={t('meetings.form.endTime')} type="time" {...form.field('endTime')} />
      </div>
      <Paragraph data-size="sm" className="muted">
        {t('meetings.form.timeHelp')}
      </Paragraph>
      <Textfield label={`${t('meetings.form.place')} ${t('common.optional')}`} {...form.field('place')} />
      <Textfield
        label={`${t('meetings.form.videoLink')} ${t('common.optional')}`}
        description={t('meetings.form.videoLinkHelp')}
        {...form.field('videoLink')}
      />
      <SelectField
        label={t('meetings.form.owner')}
        description={t('meetings.form.ownerHelp')}
        value={values.ownerDepartmentId ?? ''}
        onChange={(v) => form.set('ownerDepartmentId', orNull(v))}
        disabled={department}
        error={errors.ownerDepartmentId}
      >
        <Select.Option value="">{t('meetings.form.noOwner')}</Select.Option>
        {(departments.data ?? []).map((d) => (
          <Select.Option key={d.id} value={d.id}>
            {d.name}
          </Select.Option>
        ))}
      </SelectField>
      <Fieldset aria-describedby={errors.agreementIds ? agreementsError : undefined}>
        <Fieldset.Legend id={agreementsLabel}>{t('meetings.form.agreements')}</Fieldset.Legend>
        <Fieldset.Description>{t('meetings.form.agreementsHelp')}</Fieldset.Description>
        <div className="meetings-checklist">
          {(agreements.data ?? []).map((a) => (
            <Checkbox
              key={a.id}
              label={a.region.name}
              value={a.id}
              checked={chosen.has(a.id)}
              onChange={(e) => toggle(a.id, e.target.checked)}
            />
          ))}
        </div>
        {errors.agreementIds && (
          <ValidationMessage id={agreementsError}>{errors.agreementIds}</ValidationMessage>
        )}
      </Fieldset>
      {!meeting && (
        <Checkbox
          label={t('meetings.form.alreadyHeld')}
          description={t('meetings.form.alreadyHeldHelp')}
          checked={registered}
          onChange={(e) => setRegistered(e.target.checked)}
        />
      )}
      {!meeting && registered && (
        <>
          <Textfield
            label={`${t('meetings.form.minutes')} ${t('common.optional')}`}
            description={t('meetings.form.minutesHelp')}
            multiline
            rows={6}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={errors.minutes}
          />
          <Checkbox
            label={t('meetings.form.minutesApproved')}
            checked={approved}
            onChange={(e) => setApproved(e.target.checked)}
          />
        </>
      )}
      <DialogButtons
        submitting={form.submitting}
        submit={
          meeting ? t('common.save') : registered ? t('meetings.form.register') : t('meetings.form.create')
        }
        onCancel={onCancel}
      />
    </form>
  );
}
