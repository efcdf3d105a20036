import { Alert, Fieldset, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { GeneralPartVersionSummary } from '../../../shared/contracts/general-part';
import { type DispositionOutcome, dispositionOutcomes, takesIn } from '../../../shared/contracts/hearings';
import type { Department } from '../../../shared/contracts/registry';
import { SelectField } from '../../shared/components/SelectField';
import type { FormFields } from '../../shared/use-form';
import { useVersion } from '../general-part';
import { RadioGroup } from './RadioGroup';

export type DispositionValues = {
  outcome: DispositionOutcome | '';
  reason: string;
  assignedDepartmentId: string | null;
  takenInVersionId: string | null;
  takenInSectionKey: string | null;
};

/** The part of a useForm these fields need; method syntax lets a form with more fields pass. */
type Form = FormFields<DispositionValues> & {
  set(field: 'outcome', value: DispositionOutcome | ''): void;
  set(field: 'assignedDepartmentId' | 'takenInVersionId' | 'takenInSectionKey', value: string | null): void;
};

export const dispositionFields = [
  'inputIds',
  'outcome',
  'reason',
  'assignedDepartmentId',
  'takenInVersionId',
  'takenInSectionKey',
  'final',
  'version',
];

/**
 * The county's answer to one or more inputs: the outcome and the reason; for the coordinator also the
 * department that answers first and, for what was taken in, where (a version of the general part and,
 * if it is known, its section). A department editor answers with outcome and reason only.
 */
export function DispositionFields({
  form,
  full,
  departments,
  versions,
}: {
  form: Form;
  full: boolean;
  departments: readonly Department[];
  versions: readonly GeneralPartVersionSummary[];
}) {
  const { t } = useTranslation();
  const { values, errors } = form;
  const chooseOutcome = (outcome: DispositionOutcome) => {
    form.set('outcome', outcome);
    // Only what was (partly) taken in points to where.
    if (!takesIn(outcome)) {
      form.set('takenInVersionId', null);
      form.set('takenInSectionKey', null);
    }
  };
  const active = departments.filter((d) => d.active || d.id === values.assignedDepartmentId);
  return (
    <>
      <RadioGroup
        legend={t('hearings.disposition.outcome')}
        name="outcome"
        options={dispositionOutcomes.map((o) => ({ value: o, label: t(`hearings.outcome.${o}`) }))}
        value={values.outcome}
        onChange={chooseOutcome}
        error={
          errors.outcome
            ? values.outcome
              ? errors.outcome
              : t('hearings.disposition.chooseOutcome')
            : undefined
        }
      />
      <Textfield
        label={t('hearings.disposition.reason')}
        description={t('hearings.disposition.reasonHelp')}
        multiline
        rows={5}
        {...form.field('reason')}
      />
      {full && (
        <>
          <SelectField
            label={`${t('hearings.disposition.department')} ${t('common.optional')}`}
            description={t('hearings.disposition.departmentHelp')}
            value={values.assignedDepartmentId ?? ''}
            onChange={(v) => form.set('assignedDepartmentId', v || null)}
            error={errors.assignedDepartmentId}
          >
            <Select.Option value="">{t('hearings.disposition.noDepartment')}</Select.Option>
            {active.map((d) => (
              <Select.Option key={d.id} value={d.id}>
                {d.name}
              </Select.Option>
            ))}
          </SelectField>
          {values.outcome && takesIn(values.outcome) && <TakenInFields form={form} versions={versions} />}
        </>
      )}
    </>
  );
}

function TakenInFields({ form, versions }: { form: Form; versions: readonly GeneralPartVersionSummary[] }) {
  const { t } = useTranslation();
  const { values, errors } = form;
  return (
    <Fieldset>
      <Fieldset.Legend>
        {t('hearings.disposition.takenIn')} {t('common.optional')}
      </Fieldset.Legend>
      <Fieldset.Description>{t('hearings.disposition.takenInHelp')}</Fieldset.Description>
      <SelectField
        label={t('hearings.disposition.takenInVersion')}
        value={values.takenInVersionId ?? ''}
        onChange={(v) => {
          form.set('takenInVersionId', v || null);
          form.set('takenInSectionKey', null);
        }}
        error={errors.takenInVersionId}
      >
        <Select.Option value="">{t('hearings.disposition.noVersion')}</Select.Option>
        {versions.map((v) => (
          <Select.Option key={v.id} value={v.id}>
            {t('hearings.open.versionOption', { number: v.number, state: t(`generalPart.state.${v.state}`) })}
          </Select.Option>
        ))}
      </SelectField>
      {values.takenInVersionId && <SectionSelect versionId={values.takenInVersionId} form={form} />}
    </Fieldset>
  );
}

function SectionSelect({ versionId, form }: { versionId: string; form: Form }) {
  const { t } = useTranslation();
  const version = useVersion(versionId);
  if (version.isError) {
    return (
      <Alert data-color="warning">
        <Paragraph>{t('app.loadFailed')}</Paragraph>
      </Alert>
    );
  }
  return (
    <SelectField
      label={t('hearings.disposition.takenInSection')}
      value={form.values.takenInSectionKey ?? ''}
      onChange={(v) => form.set('takenInSectionKey', v || null)}
      error={form.errors.takenInSectionKey}
    >
      <Select.Option value="">{t('hearings.disposition.wholeVersion')}</Select.Option>
      {(version.data?.sections ?? []).map((s) => (
        <Select.Option key={s.key} value={s.key}>
          {s.title}
        </Select.Option>
      ))}
    </SelectField>
  );
}
