import { Alert, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { GeneralPartVersionSummary } from '../../../shared/contracts/general-part';
import {
  CreateDispositionInput,
  type Disposition,
  type HearingInput,
  UpdateDispositionInput,
} from '../../../shared/contracts/hearings';
import type { Department } from '../../../shared/contracts/registry';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { DispositionFields, type DispositionValues, dispositionFields } from './DispositionFields';
import { useCreateDisposition, useUpdateDisposition } from './hearings.api';
import { aboutText } from './InputCard';

/** What the dialog does: answer new inputs (admin), change an answer (admin), or answer as the department. */
export type DispositionTask =
  | { mode: 'create'; inputs: HearingInput[] }
  | { mode: 'edit' | 'answer'; inputs: HearingInput[]; disposition: Disposition };

type Choices = { departments: readonly Department[]; versions: readonly GeneralPartVersionSummary[] };

export function DispositionDialog({
  hearingId,
  task,
  choices,
  onClose,
  onDone,
}: {
  hearingId: string;
  task: DispositionTask | null;
  choices: Choices;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const title = task
    ? t(`hearings.disposition.${task.mode}Title`, { count: task.inputs.length })
    : t('hearings.disposition.createTitle', { count: 0 });
  return (
    <ModalDialog open={task !== null} onClose={onClose} title={title}>
      {task && <InputsAnswered inputs={task.inputs} />}
      {task?.mode === 'create' && (
        <CreateForm
          hearingId={hearingId}
          inputs={task.inputs}
          choices={choices}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
      {task && task.mode !== 'create' && (
        <UpdateForm
          disposition={task.disposition}
          full={task.mode === 'edit'}
          choices={choices}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
    </ModalDialog>
  );
}

/** Which inputs get this answer, so nobody answers the wrong ones. */
function InputsAnswered({ inputs }: { inputs: HearingInput[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Paragraph data-size="sm">{t('hearings.disposition.forInputs', { count: inputs.length })}</Paragraph>
      <ul className="hearings-answered">
        {inputs.map((i) => (
          <li key={i.id}>
            <strong>
              {t('hearings.input.heading', {
                region: i.region.name,
                about: aboutText(t, i),
              })}
            </strong>
            : {i.text.length > 160 ? `${i.text.slice(0, 160)} …` : i.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CreateForm({
  hearingId,
  inputs,
  choices,
  onCancel,
  onDone,
}: {
  hearingId: string;
  inputs: HearingInput[];
  choices: Choices;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDisposition(hearingId);
  const initial: DispositionValues & { inputIds: string[] } = {
    inputIds: inputs.map((i) => i.id),
    outcome: '',
    reason: '',
    assignedDepartmentId: null,
    takenInVersionId: null,
    takenInSectionKey: null,
  };
  const form = useForm(CreateDispositionInput, initial);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const saved = await create.mutateAsync(data);
        onDone(
          t(saved.final ? 'hearings.disposition.created' : 'hearings.disposition.createdDraft', {
            count: saved.inputIds.length,
            outcome: t(`hearings.outcome.${saved.outcome}`),
            department: saved.assignedDepartment?.name ?? '',
          }),
        );
      })}
    >
      <FormError error={form.formError} errors={form.errors} fields={dispositionFields} />
      <DispositionFields form={form} full departments={choices.departments} versions={choices.versions} />
      {form.values.assignedDepartmentId && (
        <Alert data-color="info">
          <Paragraph>{t('hearings.disposition.draftWhileAssigned')}</Paragraph>
        </Alert>
      )}
      <DialogButtons
        submitting={form.submitting}
        submit={t('hearings.disposition.save')}
        onCancel={onCancel}
      />
    </form>
  );
}

function UpdateForm({
  disposition,
  full,
  choices,
  onCancel,
  onDone,
}: {
  disposition: Disposition;
  full: boolean;
  choices: Choices;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDisposition();
  const initial: DispositionValues & { final: boolean; version: number } = {
    outcome: disposition.outcome,
    reason: disposition.reason,
    assignedDepartmentId: disposition.assignedDepartment?.id ?? null,
    takenInVersionId: disposition.takenIn?.versionId ?? null,
    takenInSectionKey: disposition.takenIn?.sectionKey ?? null,
    final: disposition.final,
    version: disposition.version,
  };
  const form = useForm(UpdateDispositionInput, initial);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        // A department editor may change the answer itself and nothing else (the server refuses the rest).
        const body = full ? data : { outcome: data.outcome, reason: data.reason, version: data.version };
        const saved = await update.mutateAsync({ id: disposition.id, ...body });
        onDone(t('hearings.disposition.saved', { outcome: t(`hearings.outcome.${saved.outcome}`) }));
      })}
    >
      <FormError error={form.formError} errors={form.errors} fields={dispositionFields} />
      {!full && <Paragraph>{t('hearings.disposition.answerIntro')}</Paragraph>}
      <DispositionFields
        form={form}
        full={full}
        departments={choices.departments}
        versions={choices.versions}
      />
      {full && (
        <Checkbox
          label={t('hearings.disposition.final')}
          description={t('hearings.disposition.finalHelp')}
          checked={form.values.final}
          onChange={(e) => form.set('final', e.target.checked)}
          error={form.errors.final}
        />
      )}
      <DialogButtons
        submitting={form.submitting}
        submit={t('hearings.disposition.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
