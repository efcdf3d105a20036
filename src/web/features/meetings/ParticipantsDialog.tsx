import { Button, Fieldset, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Attendance,
  attendances,
  type Meeting,
  type ParticipantSide,
  participantSides,
  ReplaceParticipantsInput,
} from '../../../shared/contracts/meetings';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { orNull, useForm } from '../../shared/use-form';
import { useDepartments, usePeople } from '../registry';
import { useReplaceParticipants } from './meetings.api';

type Row = {
  personId: string | null;
  name: string | null;
  organisation: string | null;
  email: string | null;
  side: ParticipantSide | '';
  departmentId: string | null;
  attendance: Attendance;
};

/**
 * The participants, edited as one list: people from the registry are found by name and added, anyone else
 * is written in by name and organisation; each has a side (and a department on the county's side) and an
 * attendance, recorded after the meeting.
 */
export function ParticipantsDialog({
  meeting,
  open,
  onClose,
  onDone,
}: {
  meeting: Meeting;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('meetings.participants.dialogTitle')}>
      <ParticipantsForm meeting={meeting} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

function ParticipantsForm({
  meeting,
  onCancel,
  onDone,
}: {
  meeting: Meeting;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const replace = useReplaceParticipants();
  const departments = useDepartments({ activeOnly: true });
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState('');
  const people = usePeople(search.trim());
  const form = useForm(ReplaceParticipantsInput, {
    participants: meeting.participants.map(
      (p): Row => ({
        personId: p.personId,
        name: p.personId ? null : p.name,
        organisation: p.personId ? null : p.organisation,
        email: p.personId ? null : p.email,
        side: p.side,
        departmentId: p.department?.id ?? null,
        attendance: p.attendance,
      }),
    ),
    version: meeting.version,
  });
  const rows = form.values.participants as Row[];
  const names = new Map(meeting.participants.filter((p) => p.personId).map((p) => [p.personId, p.name]));
  for (const person of people.items) names.set(person.id, person.name);
  const setRows = (next: Row[]) => form.set('participants', next);
  const setRow = (index: number, change: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const held = meeting.state !== 'planned';
  const defaultAttendance: Attendance = held ? 'attended' : 'invited';
  const addPerson = () => {
    const person = people.items.find((p) => p.id === picked);
    if (!person) return;
    setRows([
      ...rows,
      {
        personId: person.id,
        name: null,
        organisation: null,
        email: null,
        side: '',
        departmentId: null,
        attendance: defaultAttendance,
      },
    ]);
    setPicked('');
  };
  const err = (index: number, field: string) => form.errors[`participants.${index}.${field}`];

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await replace.mutateAsync({ id: meeting.id, ...data });
        onDone();
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={Object.keys(form.errors).filter((f) => f.startsWith('participants.'))}
      />
      <Fieldset>
        <Fieldset.Legend>{t('meetings.participants.addFromRegistry')}</Fieldset.Legend>
        <div className="row">
          <Textfield
            label={t('meetings.participants.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
          <SelectField label={t('meetings.participants.person')} value={picked} onChange={setPicked}>
            <Select.Option value="">{t('meetings.participants.choosePerson')}</Select.Option>
            {people.items
              .filter((p) => !rows.some((r) => r.personId === p.id))
              .map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {p.organisation ? `${p.name} (${p.organisation})` : p.name}
                </Select.Option>
              ))}
          </SelectField>
          <Button type="button" variant="secondary" onClick={addPerson} disabled={!picked}>
            {t('meetings.participants.addPerson')}
          </Button>
        </div>
      </Fieldset>
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setRows([
              ...rows,
              {
                personId: null,
                name: '',
                organisation: '',
                email: '',
                side: '',
                departmentId: null,
                attendance: defaultAttendance,
              },
            ])
          }
        >
          {t('meetings.participants.addByName')}
        </Button>
      </div>
      {rows.length === 0 && <Paragraph>{t('meetings.participants.empty')}</Paragraph>}
      {rows.map((row, index) => {
        const label = row.personId
          ? (names.get(row.personId) ?? '')
          : row.name || t('meetings.participants.unnamed');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a new row has no identity but its place
          <Fieldset key={index} className="meetings-participant">
            <Fieldset.Legend>
              {t('meetings.participants.row', { number: index + 1, name: label })}
            </Fieldset.Legend>
            {row.personId === null && (
              <div className="meetings-participant-fields">
                <Textfield
                  label={t('meetings.participants.name')}
                  value={row.name ?? ''}
                  onChange={(e) => setRow(index, { name: e.target.value })}
                  error={err(index, 'name')}
                />
                <Textfield
                  label={t('meetings.participants.organisation')}
                  value={row.organisation ?? ''}
                  onChange={(e) => setRow(index, { organisation: e.target.value })}
                  error={err(index, 'organisation')}
                />
                <Textfield
                  label={`${t('meetings.participants.email')} ${t('common.optional')}`}
                  type="email"
                  value={row.email ?? ''}
                  onChange={(e) => setRow(index, { email: e.target.value })}
                  error={err(index, 'email')}
                />
              </div>
            )}
            {row.personId !== null && err(index, 'personId') && (
              <Paragraph data-size="sm" className="meetings-error">
                {err(index, 'personId')}
              </Paragraph>
            )}
            <div className="meetings-participant-fields">
              <SelectField
                label={t('meetings.participants.side')}
                value={row.side}
                onChange={(v) =>
                  setRow(index, {
                    side: v as ParticipantSide,
                    ...(v === 'county' ? {} : { departmentId: null }),
                  })
                }
                error={err(index, 'side')}
              >
                <Select.Option value="">{t('meetings.participants.chooseSide')}</Select.Option>
                {participantSides.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(`meetings.side.${s}`)}
                  </Select.Option>
                ))}
              </SelectField>
              {row.side === 'county' && (
                <SelectField
                  label={`${t('meetings.participants.department')} ${t('common.optional')}`}
                  value={row.departmentId ?? ''}
                  onChange={(v) => setRow(index, { departmentId: orNull(v) })}
                  error={err(index, 'departmentId')}
                >
                  <Select.Option value="">{t('meetings.participants.noDepartment')}</Select.Option>
                  {(departments.data ?? []).map((d) => (
                    <Select.Option key={d.id} value={d.id}>
                      {d.name}
                    </Select.Option>
                  ))}
                </SelectField>
              )}
              <SelectField
                label={t('meetings.participants.attendance')}
                value={row.attendance}
                onChange={(v) => setRow(index, { attendance: v as Attendance })}
              >
                {attendances.map((a) => (
                  <Select.Option key={a} value={a}>
                    {t(`meetings.attendance.${a}`)}
                  </Select.Option>
                ))}
              </SelectField>
            </div>
            <div>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                {t('meetings.participants.remove', { name: label })}
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <DialogButtons
        submitting={form.submitting}
        submit={t('meetings.participants.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
