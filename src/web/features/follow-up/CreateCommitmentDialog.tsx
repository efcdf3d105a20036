import { Button, Checkbox, Fieldset, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type AgreementInForce,
  type CommitmentDetail,
  CreateCommitmentInput,
} from '../../../shared/contracts/follow-up';
import { kronerOfInput } from '../../shared/amount';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useForm } from '../../shared/use-form';
import { useSubjectAreas } from '../agreements';
import { useDepartments } from '../registry';
import { useAgreementsInForce, useCreateCommitment, useUserSearch } from './follow-up.api';

type Values = {
  agreementId: string;
  /** '' (none chosen), 'region', or a department's id. */
  owner: string;
  subjectAreaId: string;
  title: string;
  description: string;
  responsibleUserId: string;
  responsibleName: string;
  startsOn: string;
  endsOn: string;
  budgetNok: string;
  needsSeparateDecision: boolean;
  agreedElsewhere: string;
};

/** The values as chosen and typed, made into the server's input: a choice left open is missing, not ''. */
const CommitmentForm = z.preprocess((raw) => {
  const v = raw as Values;
  return {
    agreementId: v.agreementId || undefined,
    subjectAreaId: v.subjectAreaId || undefined,
    owner:
      v.owner === ''
        ? undefined
        : v.owner === 'region'
          ? { type: 'region' }
          : { type: 'department', departmentId: v.owner },
    title: v.title,
    description: v.description,
    responsibleUserId: v.responsibleUserId || null,
    responsibleName: v.responsibleName,
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    budgetNok: kronerOfInput(v.budgetNok),
    needsSeparateDecision: v.needsSeparateDecision,
    agreedElsewhere: v.agreedElsewhere,
  };
}, CreateCommitmentInput);

/** What a choice left open is called on its field: what to choose, not that a value is missing. */
const messages = {
  agreementId: { 'validation.required': 'followUp.createCommitment.agreementMissing' },
  subjectAreaId: {
    'validation.required': 'followUp.createCommitment.subjectAreaMissing',
    'validation.id': 'followUp.createCommitment.subjectAreaMissing',
  },
};

/** The fields the form shows; a refusal on any other is listed at the top of the form. */
const fields = [
  'agreementId',
  'agreedElsewhere',
  'title',
  'description',
  'owner',
  'owner.type',
  'owner.departmentId',
  'subjectAreaId',
  'responsibleUserId',
  'responsibleName',
  'startsOn',
  'endsOn',
  'budgetNok',
  'needsSeparateDecision',
];

/**
 * "Legg til forpliktelse": the coordinator adds a commitment the parties agreed outside the contributions
 * (in a decision, a letter, a meeting) to one of the cycle's agreements in force, with where it was agreed,
 * its owner (a department or the region), subject area, who is responsible, its time frame (the
 * agreement's period when left empty) and its budget. Its indicators are added on its page afterwards.
 */
export function CreateCommitmentDialog({
  cycleId,
  open,
  onClose,
  onDone,
}: {
  cycleId: string;
  open: boolean;
  onClose: () => void;
  onDone: (made: CommitmentDetail) => void;
}) {
  const { t } = useTranslation();
  const agreements = useAgreementsInForce(cycleId);
  return (
    <ModalDialog open={open} onClose={onClose} title={t('followUp.createCommitment.title')}>
      <QueryState query={agreements}>
        {(items) =>
          items.length === 0 ? (
            <>
              <Paragraph>{t('followUp.createCommitment.noAgreements')}</Paragraph>
              <div>
                <Button variant="secondary" onClick={onClose}>
                  {t('common.close')}
                </Button>
              </div>
            </>
          ) : (
            <CommitmentFormFields cycleId={cycleId} agreements={items} onCancel={onClose} onDone={onDone} />
          )
        }
      </QueryState>
    </ModalDialog>
  );
}

function CommitmentFormFields({
  cycleId,
  agreements,
  onCancel,
  onDone,
}: {
  cycleId: string;
  agreements: AgreementInForce[];
  onCancel: () => void;
  onDone: (made: CommitmentDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateCommitment();
  const subjectAreas = useSubjectAreas(cycleId);
  const departments = useDepartments({ activeOnly: true });
  const form = useForm(
    CommitmentForm,
    {
      // With one agreement in force there is nothing to choose.
      agreementId: agreements.length === 1 ? (agreements[0]?.id ?? '') : '',
      owner: '',
      subjectAreaId: '',
      title: '',
      description: '',
      responsibleUserId: '',
      responsibleName: '',
      startsOn: '',
      endsOn: '',
      budgetNok: '',
      needsSeparateDecision: false,
      agreedElsewhere: '',
    } as Values,
    { messages },
  );
  const { values, errors } = form;
  const agreement = agreements.find((a) => a.id === values.agreementId);
  const date = (d: string) => formatShortDate(d, locale);

  // The responsible person: a user found by name or e-mail (then their name is filled in), or just a name.
  const [search, setSearch] = useState('');
  const found = useUserSearch(search);
  const [picked, setPicked] = useState<{ id: string; name: string; email: string } | null>(null);
  const users = [
    ...(picked && !found.data?.some((u) => u.id === picked.id) ? [picked] : []),
    ...(found.data ?? []),
  ];
  const pickUser = (id: string) => {
    const user = users.find((u) => u.id === id) ?? null;
    form.set('responsibleUserId', id);
    if (values.responsibleName === '' || values.responsibleName === picked?.name) {
      form.set('responsibleName', user?.name ?? '');
    }
    setPicked(user);
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        onDone(await create.mutateAsync(data));
      })}
    >
      <Paragraph>{t('followUp.createCommitment.intro')}</Paragraph>
      <FormError summary={form.summary} error={form.formError} errors={errors} fields={fields} />
      <SelectField label={t('followUp.createCommitment.agreement')} {...form.field('agreementId')}>
        <Select.Option value="">{t('followUp.createCommitment.chooseAgreement')}</Select.Option>
        {agreements.map((a) => (
          <Select.Option key={a.id} value={a.id}>
            {t('followUp.createCommitment.agreementOption', {
              region: a.region.name,
              from: date(a.periodFrom),
              to: date(a.periodTo),
            })}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        label={t('followUp.createCommitment.agreedElsewhere')}
        description={t('followUp.createCommitment.agreedElsewhereHelp')}
        {...form.field('agreedElsewhere')}
      />
      <Textfield label={t('followUp.createCommitment.commitmentTitle')} {...form.field('title')} />
      <Textfield
        label={`${t('followUp.createCommitment.description')} ${t('common.optional')}`}
        multiline
        rows={3}
        {...form.field('description')}
      />
      <div className="form-grid">
        <SelectField
          label={t('followUp.createCommitment.owner')}
          {...form.field('owner')}
          error={errors.owner ?? errors['owner.departmentId'] ?? errors['owner.type']}
        >
          <Select.Option value="">{t('followUp.createCommitment.chooseOwner')}</Select.Option>
          <Select.Option value="region">
            {agreement
              ? t('followUp.createCommitment.ownerRegionNamed', { region: agreement.region.name })
              : t('followUp.createCommitment.ownerRegion')}
          </Select.Option>
          {(departments.data ?? []).map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField label={t('followUp.createCommitment.subjectArea')} {...form.field('subjectAreaId')}>
          <Select.Option value="">{t('followUp.createCommitment.chooseSubjectArea')}</Select.Option>
          {(subjectAreas.data ?? []).map((a) => (
            <Select.Option key={a.id} value={a.id}>
              {a.name}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <Textfield
          label={`${t('followUp.createCommitment.responsibleSearch')} ${t('common.optional')}`}
          description={t('followUp.createCommitment.responsibleSearchHelp')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
        />
        <SelectField
          label={`${t('followUp.createCommitment.responsibleUser')} ${t('common.optional')}`}
          value={values.responsibleUserId}
          onChange={pickUser}
          error={errors.responsibleUserId}
        >
          <Select.Option value="">{t('followUp.createCommitment.noResponsibleUser')}</Select.Option>
          {users.map((u) => (
            <Select.Option key={u.id} value={u.id}>
              {`${u.name} (${u.email})`}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <Textfield
        label={`${t('followUp.createCommitment.responsibleName')} ${t('common.optional')}`}
        description={t('followUp.createCommitment.responsibleNameHelp')}
        {...form.field('responsibleName')}
      />
      <Fieldset>
        <Fieldset.Legend>{t('followUp.commitment.period')}</Fieldset.Legend>
        <Fieldset.Description>
          {agreement
            ? t('followUp.createCommitment.periodHelpNamed', {
                from: date(agreement.periodFrom),
                to: date(agreement.periodTo),
              })
            : t('followUp.createCommitment.periodHelp')}
        </Fieldset.Description>
        <div className="form-grid">
          <Textfield
            label={`${t('followUp.createCommitment.startsOn')} ${t('common.optional')}`}
            type="date"
            {...form.field('startsOn')}
          />
          <Textfield
            label={`${t('followUp.createCommitment.endsOn')} ${t('common.optional')}`}
            type="date"
            {...form.field('endsOn')}
          />
        </div>
      </Fieldset>
      <Textfield
        label={`${t('followUp.createCommitment.budget')} ${t('common.optional')}`}
        description={t('followUp.createCommitment.budgetHelp')}
        inputMode="numeric"
        {...form.field('budgetNok')}
      />
      <Checkbox
        label={t('followUp.createCommitment.needsSeparateDecision')}
        checked={values.needsSeparateDecision}
        onChange={(e) => form.set('needsSeparateDecision', e.target.checked)}
      />
      <DialogButtons
        submitting={form.submitting}
        submit={t('followUp.createCommitment.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
