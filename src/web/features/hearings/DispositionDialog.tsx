import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
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
import { ModalDialog, useDialogCancel } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { DispositionFields, type DispositionValues, dispositionFields } from './DispositionFields';
import { LateTag } from './HearingStateTag';
import { attachmentUrl, useCreateDisposition, useUpdateDisposition } from './hearings.api';
import { InputAttachments } from './InputAttachments';
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

/**
 * Which inputs get this answer, each whole with its region, so nobody answers what they have not read.
 * Long inputs scroll in their own box, which keeps the answer's fields near; it takes focus so the keyboard
 * can scroll it too.
 */
function InputsAnswered({ inputs }: { inputs: HearingInput[] }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div className="stack hearings-tight">
      <Paragraph id={labelId} data-size="sm">
        {t('hearings.disposition.forInputs', { count: inputs.length })}
      </Paragraph>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="hearings-answered stack" aria-labelledby={labelId} tabIndex={0}>
        {inputs.map((i) => (
          <article key={i.id} className="stack hearings-tight" aria-labelledby={`${labelId}-${i.id}`}>
            <div className="row hearings-middle">
              <Heading level={3} data-size="2xs" id={`${labelId}-${i.id}`}>
                {t('hearings.input.heading', { region: i.region.name, about: aboutText(t, i) })}
              </Heading>
              {i.late && <LateTag />}
            </div>
            <Paragraph className="hearings-letter">{i.text}</Paragraph>
            <InputAttachments attachments={i.attachments} />
          </article>
        ))}
      </section>
    </div>
  );
}

/** A way to save the answer: whether it leaves it final, and what its button says. */
type SaveChoice = { final: boolean; label: string };

/** Whether the button the form was sent with makes the answer final (Enter sends it with the first). */
const sentFinal = (e: FormEvent<HTMLFormElement>) =>
  (e.nativeEvent as SubmitEvent).submitter?.getAttribute('data-final') === 'true';

/**
 * The ways to save, one button each, and the way out without saving. The first is the default that Enter
 * in a field sends, so it is always the one that changes least: a draft stays a draft, a final answer final.
 */
function SaveButtons({
  choices,
  submitting,
  pressed,
  onCancel,
}: {
  choices: readonly SaveChoice[];
  submitting: boolean;
  pressed: boolean | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useDialogCancel(onCancel);
  return (
    <div className="row">
      {choices.map((c, index) => (
        <Button
          key={String(c.final)}
          type="submit"
          variant={index === 0 ? 'primary' : 'secondary'}
          data-final={String(c.final)}
          disabled={submitting}
        >
          {submitting && pressed === c.final ? t('common.saving') : c.label}
        </Button>
      ))}
      <Button type="button" variant="tertiary" onClick={cancel}>
        {t('common.cancel')}
      </Button>
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
  const [pressed, setPressed] = useState<boolean | null>(null);
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
      onSubmit={(e) => {
        const final = sentFinal(e);
        setPressed(final);
        return form.submit(async (data) => {
          const saved = await create.mutateAsync({ ...data, final });
          const params = {
            count: saved.inputIds.length,
            outcome: t(`hearings.outcome.${saved.outcome}`),
            department: saved.assignedDepartment?.name ?? '',
          };
          onDone(
            saved.final
              ? t('hearings.disposition.created', params)
              : saved.assignedDepartment
                ? t('hearings.disposition.createdDraft', params)
                : t('hearings.disposition.createdDraftOnly', params),
          );
        })(e);
      }}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={dispositionFields}
      />
      <DispositionFields form={form} full departments={choices.departments} versions={choices.versions} />
      {form.values.assignedDepartmentId ? (
        <Alert data-color="info">
          <Paragraph>{t('hearings.disposition.draftWhileAssigned')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm">{t('hearings.disposition.finalHelp')}</Paragraph>
      )}
      <SaveButtons
        choices={[
          { final: false, label: t('hearings.disposition.saveDraft') },
          { final: true, label: t('hearings.disposition.makeFinal') },
        ]}
        submitting={form.submitting}
        pressed={pressed}
        onCancel={onCancel}
      />
    </form>
  );
}

/**
 * Changes an answer. The coordinator (`full`) changes everything and decides with the button whether it is
 * a draft or final; a department editor answers a draft assigned to the department with outcome and reason,
 * which stays a draft until the coordinator makes it final (the server refuses the editor anything else).
 */
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
  const [pressed, setPressed] = useState<boolean | null>(null);
  const initial: DispositionValues & { version: number } = {
    outcome: disposition.outcome,
    reason: disposition.reason,
    assignedDepartmentId: disposition.assignedDepartment?.id ?? null,
    takenInVersionId: disposition.takenIn?.versionId ?? null,
    takenInSectionKey: disposition.takenIn?.sectionKey ?? null,
    version: disposition.version,
  };
  const form = useForm(UpdateDispositionInput, initial);
  const saveChoices: SaveChoice[] = !full
    ? [{ final: false, label: t('hearings.disposition.saveDraft') }]
    : disposition.final
      ? [
          { final: true, label: t('hearings.disposition.saveFinal') },
          { final: false, label: t('hearings.disposition.backToDraft') },
        ]
      : [
          { final: false, label: t('hearings.disposition.saveDraft') },
          { final: true, label: t('hearings.disposition.makeFinal') },
        ];
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        const final = full && sentFinal(e);
        setPressed(final);
        return form.submit(async (data) => {
          const body = full
            ? { ...data, final }
            : { outcome: data.outcome, reason: data.reason, version: data.version };
          const saved = await update.mutateAsync({ id: disposition.id, ...body });
          const outcome = t(`hearings.outcome.${saved.outcome}`);
          onDone(
            !full
              ? t('hearings.disposition.answered', { outcome })
              : !saved.final
                ? t('hearings.disposition.savedDraft', { outcome })
                : disposition.final
                  ? t('hearings.disposition.saved', { outcome })
                  : t('hearings.disposition.madeFinal', { outcome }),
          );
        })(e);
      }}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={dispositionFields}
      />
      {!full && <Paragraph>{t('hearings.disposition.answerIntro')}</Paragraph>}
      <DispositionFields
        form={form}
        full={full}
        departments={choices.departments}
        versions={choices.versions}
      />
      {full && <Paragraph data-size="sm">{t('hearings.disposition.finalHelp')}</Paragraph>}
      <SaveButtons choices={saveChoices} submitting={form.submitting} pressed={pressed} onCancel={onCancel} />
    </form>
  );
}
