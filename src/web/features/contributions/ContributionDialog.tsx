import { Button, Fieldset, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import {
  type Contribution,
  type ContributionSubjectArea,
  CreateContributionInput,
  contributionKinds,
  maxIndicators,
} from '../../../shared/contracts/contributions';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { useForm } from '../../shared/use-form';
import { useDepartments } from '../registry';
import { budgetFromText } from './contribution-format';
import { useCreateContribution, useUpdateContribution } from './contributions.api';

type IndicatorValues = { name: string; baseline: string; target: string; unit: string };

/** What the dialog does: add an item (in a subject area chosen beforehand, if any), or edit one. */
export type ContributionTask =
  | { mode: 'create'; subjectAreaId?: string; departmentId?: string }
  | { mode: 'edit'; contribution: Contribution };

const ownerKey = (owner: { type: 'region' } | { type: 'department'; departmentId: string }) =>
  owner.type === 'region' ? 'region' : owner.departmentId;

/** A subject area left unchosen is named as the choice to make, not as a missing reference. */
const messages = {
  subjectAreaId: {
    'validation.id': 'contributions.fields.subjectAreaMissing',
    'validation.required': 'contributions.fields.subjectAreaMissing',
  },
};

/** The fields the form shows; a refusal on any other field is listed at the top of the form. */
const shownFields = [
  'subjectAreaId',
  'kind',
  'owner',
  'owner.type',
  'owner.departmentId',
  'title',
  'description',
  'responsible',
  'budgetNokPerYear',
  'timeFrame',
  'note',
];

/**
 * Adds or edits a contribution with all its fields and indicators. The owners offered are those the
 * signed-in person may write for: the admin any department or the region; a department editor their own
 * department; a region contact the region (the server refuses anything else).
 */
export function ContributionDialog({
  me,
  agreementId,
  regionName,
  subjectAreas,
  task,
  onClose,
  onDone,
}: {
  me: Me;
  agreementId: string;
  regionName: string;
  subjectAreas: readonly ContributionSubjectArea[];
  task: ContributionTask | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={task !== null}
      onClose={onClose}
      title={task?.mode === 'edit' ? t('contributions.editTitle') : t('contributions.createTitle')}
    >
      {task && (
        <ContributionForm
          me={me}
          agreementId={agreementId}
          regionName={regionName}
          subjectAreas={subjectAreas}
          task={task}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
    </ModalDialog>
  );
}

function ContributionForm({
  me,
  agreementId,
  regionName,
  subjectAreas,
  task,
  onCancel,
  onDone,
}: {
  me: Me;
  agreementId: string;
  regionName: string;
  subjectAreas: readonly ContributionSubjectArea[];
  task: ContributionTask;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateContribution(agreementId);
  const update = useUpdateContribution();
  const isAdmin = me.role === 'admin';
  const departments = useDepartments({ activeOnly: true, enabled: isAdmin });
  const editing = task.mode === 'edit' ? task.contribution : null;

  const defaultOwner =
    me.role === 'department' && me.departmentId
      ? { type: 'department' as const, departmentId: me.departmentId }
      : me.role === 'admin' && task.mode === 'create' && task.departmentId
        ? { type: 'department' as const, departmentId: task.departmentId }
        : { type: 'region' as const };
  const initial = {
    subjectAreaId: editing?.subjectArea.id ?? (task.mode === 'create' ? (task.subjectAreaId ?? '') : ''),
    kind: editing?.kind ?? (me.role === 'region' ? 'commitment' : ''),
    owner: editing
      ? editing.owner.type === 'department'
        ? { type: 'department' as const, departmentId: editing.owner.department.id }
        : { type: 'region' as const }
      : defaultOwner,
    title: editing?.title ?? '',
    description: editing?.description ?? '',
    responsible: editing?.responsible ?? '',
    budgetNokPerYear: (editing?.budgetNokPerYear ?? null) as number | string | null,
    budgetText: editing?.budgetNokPerYear != null ? String(editing.budgetNokPerYear) : '',
    timeFrame: editing?.timeFrame ?? '',
    indicators: (editing?.indicators ?? []).map(
      (i): IndicatorValues => ({
        name: i.name,
        baseline: i.baseline ?? '',
        target: i.target ?? '',
        unit: i.unit ?? '',
      }),
    ),
    note: '',
  };
  const form = useForm(CreateContributionInput, initial, { messages });
  const { values, errors } = form;

  const ownerOptions: { key: string; label: string }[] = isAdmin
    ? [
        { key: 'region', label: t('contributions.ownerRegionNamed', { region: regionName }) },
        ...(departments.data ?? []).map((d) => ({ key: d.id, label: d.name })),
      ]
    : me.role === 'department'
      ? [{ key: me.departmentId ?? '', label: me.departmentName ?? '' }]
      : [{ key: 'region', label: t('contributions.ownerRegionNamed', { region: regionName }) }];
  // An item of a department no longer active keeps its owner in the list while it is edited.
  if (editing?.owner.type === 'department' && !ownerOptions.some((o) => o.key === ownerKey(initial.owner))) {
    ownerOptions.push({ key: editing.owner.department.id, label: editing.owner.department.name });
  }

  const setIndicators = (next: IndicatorValues[]) => form.set('indicators', next);
  const setIndicator = (index: number, field: keyof IndicatorValues, value: string) =>
    setIndicators(values.indicators.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        if (editing) {
          const saved = await update.mutateAsync({
            id: editing.id,
            subjectAreaId: data.subjectAreaId,
            kind: data.kind,
            owner: data.owner,
            title: data.title,
            description: data.description,
            responsible: data.responsible,
            budgetNokPerYear: data.budgetNokPerYear,
            timeFrame: data.timeFrame,
            indicators: data.indicators,
            version: editing.version,
          });
          onDone(t('contributions.saved', { title: saved.title }));
        } else {
          const saved = await create.mutateAsync(data);
          onDone(t('contributions.created', { title: saved.title }));
        }
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={errors}
        fields={[...shownFields, ...Object.keys(errors).filter((f) => f.startsWith('indicators.'))]}
      />
      <SelectField label={t('contributions.fields.subjectArea')} {...form.field('subjectAreaId')}>
        <Select.Option value="">{t('contributions.fields.subjectArea')}</Select.Option>
        {subjectAreas.map((a) => (
          <Select.Option key={a.id} value={a.id}>
            {a.wanted ? `${a.name} (${t('contributions.wanted').toLowerCase()})` : a.name}
          </Select.Option>
        ))}
      </SelectField>
      <div className="contributions-two">
        <SelectField label={t('contributions.fields.kind')} {...form.field('kind')}>
          <Select.Option value="">{t('contributions.fields.kind')}</Select.Option>
          {contributionKinds.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`contributions.kind.${k}`)}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          id={form.fieldId('owner')}
          label={t('contributions.fields.owner')}
          value={ownerKey(values.owner)}
          onChange={(v) =>
            form.set('owner', v === 'region' ? { type: 'region' } : { type: 'department', departmentId: v })
          }
          disabled={ownerOptions.length < 2}
          error={errors.owner ?? errors['owner.departmentId'] ?? errors['owner.type']}
        >
          {ownerOptions.map((o) => (
            <Select.Option key={o.key} value={o.key}>
              {o.label}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <Textfield label={t('contributions.fields.title')} {...form.field('title')} />
      <Textfield
        label={t('contributions.fields.description')}
        multiline
        rows={4}
        {...form.field('description')}
      />
      <div className="contributions-two">
        <Textfield
          label={t('contributions.fields.responsible')}
          description={t('contributions.fields.responsibleHelp')}
          {...form.field('responsible')}
        />
        <Textfield
          label={t('contributions.fields.timeFrame')}
          description={t('contributions.fields.timeFrameHelp')}
          {...form.field('timeFrame')}
        />
      </div>
      <Textfield
        id={form.fieldId('budgetNokPerYear')}
        label={t('contributions.fields.budget')}
        description={t('contributions.fields.budgetHelp')}
        inputMode="numeric"
        value={values.budgetText}
        onChange={(e) => {
          form.set('budgetText', e.target.value);
          form.set('budgetNokPerYear', budgetFromText(e.target.value));
        }}
        onBlur={() => form.blur('budgetNokPerYear')}
        error={errors.budgetNokPerYear}
      />
      <Fieldset>
        <Fieldset.Legend>{t('contributions.fields.indicators')}</Fieldset.Legend>
        {values.indicators.length === 0 && (
          <Paragraph data-size="sm">{t('contributions.fields.noIndicators')}</Paragraph>
        )}
        {values.indicators.map((row, index) => {
          const number = index + 1;
          const err = (f: string) => errors[`indicators.${index}.${f}`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <Fieldset key={index} className="contributions-indicator">
              <Fieldset.Legend>{t('contributions.fields.indicator', { number })}</Fieldset.Legend>
              <div className="contributions-indicator-fields">
                <Textfield
                  label={t('contributions.fields.indicatorName')}
                  value={row.name}
                  onChange={(e) => setIndicator(index, 'name', e.target.value)}
                  error={err('name')}
                />
                <Textfield
                  label={t('contributions.fields.baseline')}
                  value={row.baseline}
                  onChange={(e) => setIndicator(index, 'baseline', e.target.value)}
                  error={err('baseline')}
                />
                <Textfield
                  label={t('contributions.fields.target')}
                  value={row.target}
                  onChange={(e) => setIndicator(index, 'target', e.target.value)}
                  error={err('target')}
                />
                <Textfield
                  label={t('contributions.fields.unit')}
                  value={row.unit}
                  onChange={(e) => setIndicator(index, 'unit', e.target.value)}
                  error={err('unit')}
                />
              </div>
              <div>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setIndicators(values.indicators.filter((_, i) => i !== index))}
                >
                  {t('contributions.fields.removeIndicator', { number })}
                </Button>
              </div>
            </Fieldset>
          );
        })}
        {values.indicators.length < maxIndicators && (
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() =>
                setIndicators([...values.indicators, { name: '', baseline: '', target: '', unit: '' }])
              }
            >
              {t('contributions.fields.addIndicator')}
            </Button>
          </div>
        )}
      </Fieldset>
      {!editing && (
        <Textfield
          label={`${t('contributions.fields.note')} ${t('common.optional')}`}
          description={t('contributions.fields.noteHelp')}
          {...form.field('note')}
        />
      )}
      <DialogButtons
        submitting={form.submitting}
        submit={editing ? t('common.save') : t('contributions.create')}
        onCancel={onCancel}
      />
    </form>
  );
}
