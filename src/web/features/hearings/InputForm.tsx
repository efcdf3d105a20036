import {
  Button,
  Field,
  Input,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Id } from '../../../shared/contracts/common';
import {
  type HearingInput,
  maxAttachmentsPerInput,
  type RegionRef,
  SubmitInputInput,
} from '../../../shared/contracts/hearings';
import { ApiError } from '../../shared/api';
import { acceptedFiles, formatSize, mediaTypeOf, tooLarge } from '../../shared/attachments';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { useSubmitInput, useUpdateInput, useUploadAttachment } from './hearings.api';
import { SectionPreview } from './SectionPreview';

export type SectionOption = { key: string; title: string };

const formFields = ['regionId', 'sectionKey', 'text', 'file', 'filename'];

type Values = { sectionKey: string | null; text: string; regionId?: string };

/**
 * Input on the whole document or on one section, with PDF or DOCX attachments. A region contact writes for
 * their own region; the coordinator names the region (input that came by post or e-mail, or late). The
 * input is saved first and the files are sent after it; a file the server refuses (wrong type, too large)
 * is named on the file field, and the input stays saved, so another try sends only the files.
 */
export function InputForm({
  hearingId,
  versionId,
  sections,
  taken,
  existing,
  regions,
  submitLabel,
  onSaved,
  onCancel,
}: {
  hearingId: string;
  /** The version on hearing, whose sections the input can be about. */
  versionId: string;
  sections: readonly SectionOption[];
  /**
   * Sections the region already has input on (null: the whole document), left out of the choice: a region
   * gives one input per section. The coordinator, choosing the region in the form, is told by the server.
   */
  taken: ReadonlySet<string | null>;
  existing?: HearingInput;
  /** For the coordinator: the regions to register input for. */
  regions?: readonly RegionRef[];
  submitLabel: string;
  onSaved: (input: HearingInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const submit = useSubmitInput(hearingId);
  const update = useUpdateInput();
  const upload = useUploadAttachment();
  const [target, setTarget] = useState<HearingInput | undefined>(existing);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  // A server's refusal of a file stays on the field until another file is chosen.
  const [rechosen, setRechosen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const schema = useMemo(
    () => (regions ? SubmitInputInput.extend({ regionId: Id }) : SubmitInputInput.omit({ regionId: true })),
    [regions],
  );
  const firstFree = [null, ...sections.map((s) => s.key)].find((k) => !taken.has(k)) ?? null;
  const initial: Values = {
    sectionKey: existing ? existing.sectionKey : firstFree,
    text: existing?.text ?? '',
    ...(regions ? { regionId: '' } : {}),
  };
  const form = useForm(schema, initial);
  const { values, errors } = form;
  const attached = target?.attachments.length ?? 0;
  const options = [{ key: null, title: t('hearings.input.wholeDocument') }, ...sections].filter(
    (s) => !taken.has(s.key) || (target !== undefined && s.key === target.sectionKey),
  );

  const choose = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    const wrong = chosen.find((f) => !mediaTypeOf(f));
    const big = chosen.find(tooLarge);
    const problem = wrong
      ? `${wrong.name}: ${t('validation.fileType')}`
      : big
        ? t('hearings.input.fileTooLarge', { name: big.name })
        : attached + chosen.length > maxAttachmentsPerInput
          ? t('validation.tooManyAttachments')
          : null;
    setFileError(problem);
    setRechosen(true);
    setFiles(problem ? [] : chosen);
  };

  const save = form.submit(async (data) => {
    setRechosen(false);
    let saved = target;
    if (!saved) {
      saved = await submit.mutateAsync(data);
    } else if (saved.text !== data.text || saved.sectionKey !== data.sectionKey) {
      saved = await update.mutateAsync({
        id: saved.id,
        sectionKey: data.sectionKey,
        text: data.text,
        version: saved.version,
      });
    }
    setTarget(saved);
    const left = [...files];
    while (left.length > 0) {
      const file = left[0];
      const mediaType = file && mediaTypeOf(file);
      if (!file || !mediaType) break;
      try {
        const attachment = await upload.mutateAsync({ inputId: saved.id, file, mediaType });
        saved = { ...saved, attachments: [...saved.attachments, attachment] };
        setTarget(saved);
        left.shift();
        setFiles([...left]);
      } catch (e) {
        throw fileRefusal(e, file.name);
      }
    }
    if (fileInput.current) fileInput.current.value = '';
    onSaved(saved);
  });

  /** The server's refusal of a file, put on the file field, and the form told the input itself is saved. */
  const fileRefusal = (e: unknown, name: string) => {
    if (!(e instanceof ApiError)) return e;
    const fields = e.fieldErrors();
    const reason = fields.file ?? fields.filename ?? fields._ ?? (e.problem.title || t('errors.internal'));
    const message = e.status === 413 ? t('hearings.input.fileTooLarge', { name }) : `${name}: ${reason}`;
    return new ApiError(e.status, {
      ...e.problem,
      title: t('hearings.input.savedWithoutFile', { name }),
      errors: [{ field: 'file', code: e.problem.code, message }],
    });
  };

  const fileFieldError = fileError ?? (rechosen ? undefined : (errors.file ?? errors.filename));

  return (
    <form className="stack hearings-form" noValidate onSubmit={save}>
      <FormError summary={form.summary} error={form.formError} errors={errors} fields={formFields} />
      {regions && (
        <SelectField
          label={t('hearings.input.region')}
          {...form.field('regionId')}
          error={errors.regionId && !values.regionId ? t('hearings.input.chooseRegion') : errors.regionId}
        >
          <Select.Option value="">{t('hearings.input.chooseRegionOption')}</Select.Option>
          {regions.map((r) => (
            <Select.Option key={r.id} value={r.id}>
              {r.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('hearings.input.section')}
        description={t('hearings.input.sectionHelp')}
        {...form.field('sectionKey', orNull)}
      >
        {options.map((s) => (
          <Select.Option key={s.key ?? ''} value={s.key ?? ''}>
            {s.title}
          </Select.Option>
        ))}
      </SelectField>
      {values.sectionKey && <SectionPreview versionId={versionId} sectionKey={values.sectionKey} />}
      <Textfield label={t('hearings.input.text')} multiline rows={8} {...form.field('text')} />
      {target && target.attachments.length > 0 && (
        <div>
          <Paragraph data-size="sm">{t('hearings.input.attached')}</Paragraph>
          <ul>
            {target.attachments.map((a) => (
              <li key={a.id}>
                {a.filename} ({formatSize(a.size, locale)})
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field>
        <Label>{t('hearings.input.file')}</Label>
        <Field.Description>{t('hearings.input.fileHelp')}</Field.Description>
        <Input
          ref={fileInput}
          type="file"
          multiple
          accept={acceptedFiles}
          onChange={(e) => choose(e.target.files)}
          aria-invalid={fileFieldError ? true : undefined}
        />
        {fileFieldError && <ValidationMessage>{fileFieldError}</ValidationMessage>}
      </Field>
      <div aria-live="polite">
        {files.length > 0 && (
          <>
            <Paragraph data-size="sm">{t('hearings.input.chosen', { count: files.length })}</Paragraph>
            <ul>
              {files.map((f) => (
                <li key={`${f.name}-${f.size}-${f.lastModified}`}>
                  {f.name} ({formatSize(f.size, locale)})
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {onCancel ? (
        <DialogButtons submitting={form.submitting} submit={submitLabel} onCancel={onCancel} />
      ) : (
        <div className="row">
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? t('common.saving') : submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
