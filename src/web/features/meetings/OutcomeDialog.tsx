import { Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type Meeting,
  type Outcome,
  type OutcomeBody,
  OutcomeInput,
  type OutcomeKind,
  outcomeKinds,
} from '../../../shared/contracts/meetings';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { useForm } from '../../shared/use-form';
import { useContributions } from '../contributions';
import { useDepartments, usePeople } from '../registry';
import { useSpecialPartSections } from '../special-part';
import { useAddOutcome, useUpdateOutcome } from './meetings.api';

type Values = {
  kind: OutcomeKind | '';
  text: string;
  ownerType: '' | 'department' | 'person';
  departmentId: string;
  personId: string;
  dueDate: string;
  linkType: '' | 'contribution' | 'section';
  linkAgreementId: string;
  contributionId: string;
  sectionKey: string;
};

/** The form's choices as the API takes them: the owner and the link become their objects. */
function toBody(v: Values): OutcomeBody {
  return {
    kind: v.kind as OutcomeKind,
    text: v.text,
    owner:
      v.ownerType === 'department'
        ? { type: 'department', departmentId: v.departmentId }
        : v.ownerType === 'person'
          ? { type: 'person', personId: v.personId }
          : null,
    dueDate: v.dueDate || null,
    link:
      v.linkType === 'contribution'
        ? { type: 'contribution', contributionId: v.contributionId }
        : v.linkType === 'section'
          ? { type: 'section', agreementId: v.linkAgreementId, sectionKey: v.sectionKey }
          : null,
  };
}

const OutcomeFormValues = z.preprocess((v) => toBody(v as Values), OutcomeInput);

const shownFields = [
  'kind',
  'text',
  'owner',
  'owner.type',
  'owner.departmentId',
  'owner.personId',
  'dueDate',
  'link',
  'link.contributionId',
  'link.agreementId',
  'link.sectionKey',
];

/** Records an outcome of a held meeting, or changes one. */
export function OutcomeDialog({
  meeting,
  outcome,
  open,
  onClose,
  onDone,
}: {
  meeting: Meeting;
  outcome: Outcome | null;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={outcome ? t('meetings.outcomes.editTitle') : t('meetings.outcomes.createTitle')}
    >
      <OutcomeForm meeting={meeting} outcome={outcome} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

function OutcomeForm({
  meeting,
  outcome,
  onCancel,
  onDone,
}: {
  meeting: Meeting;
  outcome: Outcome | null;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddOutcome();
  const update = useUpdateOutcome();
  const departments = useDepartments({ activeOnly: true });
  const [search, setSearch] = useState('');
  const people = usePeople(search.trim());
  const firstAgreement = meeting.agreements[0]?.id ?? '';
  const link = outcome?.link;
  const form = useForm(OutcomeFormValues, {
    kind: outcome?.kind ?? '',
    text: outcome?.text ?? '',
    ownerType: outcome?.owner?.type ?? '',
    departmentId: outcome?.owner?.type === 'department' ? outcome.owner.department.id : '',
    personId: outcome?.owner?.type === 'person' ? outcome.owner.person.id : '',
    dueDate: outcome?.dueDate ?? '',
    linkType: link?.type ?? '',
    linkAgreementId:
      link?.type === 'section'
        ? link.agreementId
        : link?.type === 'contribution'
          ? link.contribution.agreementId
          : firstAgreement,
    contributionId: link?.type === 'contribution' ? link.contribution.id : '',
    sectionKey: link?.type === 'section' ? link.sectionKey : '',
  } satisfies Values);
  const values = form.values as Values;
  const errors = form.errors;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.set(key, value);
  const action = values.kind === 'action';
  const people_ = people.items.filter((p) => p.id !== values.personId);
  const chosenPerson =
    outcome?.owner?.type === 'person' && outcome.owner.person.id === values.personId
      ? outcome.owner.person
      : people.items.find((p) => p.id === values.personId);

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        if (outcome) await update.mutateAsync({ id: outcome.id, ...data, version: outcome.version });
        else await add.mutateAsync({ meetingId: meeting.id, ...data });
        onDone(t(outcome ? 'meetings.outcomes.saved' : 'meetings.outcomes.added'));
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={errors} fields={shownFields} />
      <SelectField
        label={t('meetings.outcomes.kind')}
        value={values.kind}
        onChange={(v) => set('kind', v as OutcomeKind | '')}
        error={errors.kind}
      >
        <Select.Option value="">{t('meetings.outcomes.chooseKind')}</Select.Option>
        {outcomeKinds.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`meetings.outcomeKind.${k}`)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        label={t('meetings.outcomes.text')}
        multiline
        rows={3}
        value={values.text}
        onChange={(e) => set('text', e.target.value)}
        error={errors.text}
      />
      {action && (
        <>
          <SelectField
            label={t('meetings.outcomes.owner')}
            value={values.ownerType}
            onChange={(v) => set('ownerType', v as Values['ownerType'])}
            error={errors.owner ?? errors['owner.type']}
          >
            <Select.Option value="">{t('meetings.outcomes.chooseOwner')}</Select.Option>
            <Select.Option value="department">{t('meetings.outcomes.ownerDepartment')}</Select.Option>
            <Select.Option value="person">{t('meetings.outcomes.ownerPerson')}</Select.Option>
          </SelectField>
          {values.ownerType === 'department' && (
            <SelectField
              label={t('meetings.outcomes.department')}
              value={values.departmentId}
              onChange={(v) => set('departmentId', v)}
              error={errors['owner.departmentId']}
            >
              <Select.Option value="">{t('meetings.outcomes.chooseDepartment')}</Select.Option>
              {(departments.data ?? []).map((d) => (
                <Select.Option key={d.id} value={d.id}>
                  {d.name}
                </Select.Option>
              ))}
            </SelectField>
          )}
          {values.ownerType === 'person' && (
            <div className="row">
              <Textfield
                label={t('meetings.participants.search')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoComplete="off"
              />
              <SelectField
                label={t('meetings.outcomes.person')}
                value={values.personId}
                onChange={(v) => set('personId', v)}
                error={errors['owner.personId']}
              >
                <Select.Option value="">{t('meetings.participants.choosePerson')}</Select.Option>
                {chosenPerson && <Select.Option value={chosenPerson.id}>{chosenPerson.name}</Select.Option>}
                {people_.map((p) => (
                  <Select.Option key={p.id} value={p.id}>
                    {p.organisation ? `${p.name} (${p.organisation})` : p.name}
                  </Select.Option>
                ))}
              </SelectField>
            </div>
          )}
          <Textfield
            label={t('meetings.outcomes.dueDate')}
            type="date"
            value={values.dueDate}
            onChange={(e) => set('dueDate', e.target.value)}
            error={errors.dueDate}
          />
          {meeting.agreements.length > 0 && (
            <LinkFields meeting={meeting} values={values} set={set} errors={errors} />
          )}
        </>
      )}
      <DialogButtons
        submitting={form.submitting}
        submit={outcome ? t('common.save') : t('meetings.outcomes.create')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** What an action changed: one of the contributions or special part sections of an agreement it concerns. */
function LinkFields({
  meeting,
  values,
  set,
  errors,
}: {
  meeting: Meeting;
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const agreementId = values.linkAgreementId;
  const contributions = useContributions(agreementId);
  const { sections } = useSpecialPartSections(agreementId);
  return (
    <>
      <SelectField
        label={`${t('meetings.outcomes.changed')} ${t('common.optional')}`}
        value={values.linkType}
        onChange={(v) => set('linkType', v as Values['linkType'])}
        error={errors.link}
      >
        <Select.Option value="">{t('meetings.outcomes.changedNothing')}</Select.Option>
        <Select.Option value="contribution">{t('meetings.outcomes.changedAContribution')}</Select.Option>
        <Select.Option value="section">{t('meetings.outcomes.changedASection')}</Select.Option>
      </SelectField>
      {values.linkType !== '' && meeting.agreements.length > 1 && (
        <SelectField
          label={t('meetings.outcomes.agreement')}
          value={agreementId}
          onChange={(v) => set('linkAgreementId', v)}
          error={errors['link.agreementId']}
        >
          {meeting.agreements.map((a) => (
            <Select.Option key={a.id} value={a.id}>
              {a.region.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {values.linkType === 'contribution' && (
        <SelectField
          label={t('meetings.outcomes.contribution')}
          value={values.contributionId}
          onChange={(v) => set('contributionId', v)}
          error={errors['link.contributionId']}
        >
          <Select.Option value="">{t('meetings.outcomes.chooseContribution')}</Select.Option>
          {(contributions.data?.items ?? []).map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.title}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {values.linkType === 'section' && (
        <SelectField
          label={t('meetings.outcomes.section')}
          value={values.sectionKey}
          onChange={(v) => set('sectionKey', v)}
          error={errors['link.sectionKey']}
        >
          <Select.Option value="">{t('meetings.outcomes.chooseSection')}</Select.Option>
          {sections.map((s) => (
            <Select.Option key={s.key} value={s.key}>
              {s.title}
            </Select.Option>
          ))}
        </SelectField>
      )}
    </>
  );
}
