import {
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalAttachment } from '../../../shared/contracts/general-part';
import { ApiError } from '../../shared/api';
import { acceptedFiles, formatSize, mediaTypeOf, tooLarge } from '../../shared/attachments';
import { currentLocale } from '../../shared/i18n';
import { approvalAttachmentUrl, useUploadApprovalAttachment } from './general-part.api';

/**
 * The documents of an approval (the signed minutes, say) as download links, and for the admin on an approved
 * version a file field to attach one more. The file is checked here for type and size before it is sent; the
 * server checks its content and its refusal is shown on the field.
 */
export function ApprovalDocuments({
  versionId,
  attachments,
  canAttach,
  onAttached,
}: {
  versionId: string;
  attachments: ApprovalAttachment[];
  canAttach: boolean;
  onAttached: (filename: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('generalPart.approval.documents')}
      </Heading>
      {attachments.length === 0 ? (
        <Paragraph data-size="sm">
          {canAttach ? t('generalPart.approval.noDocumentsAdmin') : t('generalPart.approval.noDocuments')}
        </Paragraph>
      ) : (
        <ul aria-label={t('generalPart.approval.documentsLabel')}>
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={approvalAttachmentUrl(a.id)} download>
                {a.filename}
              </a>{' '}
              ({formatSize(a.size, locale)})
            </li>
          ))}
        </ul>
      )}
      {canAttach && <AttachForm versionId={versionId} onAttached={onAttached} />}
    </section>
  );
}

function AttachForm({
  versionId,
  onAttached,
}: {
  versionId: string;
  onAttached: (filename: string) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadApprovalAttachment(versionId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (list: FileList | null) => {
    const chosen = list?.[0] ?? null;
    setFile(chosen);
    setError(
      !chosen
        ? null
        : !mediaTypeOf(chosen)
          ? `${chosen.name}: ${t('validation.fileType')}`
          : tooLarge(chosen)
            ? t('generalPart.approval.fileTooLarge', { name: chosen.name })
            : null,
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const mediaType = file && mediaTypeOf(file);
    if (!file || !mediaType) {
      setError(file ? `${file.name}: ${t('validation.fileType')}` : t('generalPart.approval.chooseFirst'));
      fileInput.current?.focus();
      return;
    }
    if (error) {
      fileInput.current?.focus();
      return;
    }
    try {
      const attachment = await upload.mutateAsync({ file, mediaType });
      setFile(null);
      setError(null);
      if (fileInput.current) fileInput.current.value = '';
      onAttached(attachment.filename);
    } catch (e) {
      setError(refusal(e, file.name));
      fileInput.current?.focus();
    }
  };

  /** What the server said about the file, in words for the field. */
  const refusal = (e: unknown, name: string): string => {
    if (!(e instanceof ApiError)) return t('errors.internal');
    if (e.status === 413) return t('generalPart.approval.fileTooLarge', { name });
    const fields = e.fieldErrors();
    return `${name}: ${fields.file ?? fields.filename ?? fields._ ?? (e.problem.title || t('errors.internal'))}`;
  };

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <Field>
        <Label>{t('generalPart.approval.attach')}</Label>
        <Field.Description>{t('generalPart.approval.attachHelp')}</Field.Description>
        <Input
          ref={fileInput}
          type="file"
          accept={acceptedFiles}
          onChange={(e) => choose(e.target.files)}
          aria-invalid={error ? true : undefined}
        />
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      <div className="row">
        <Button type="submit" variant="secondary" disabled={upload.isPending}>
          {upload.isPending ? t('generalPart.approval.uploading') : t('generalPart.approval.upload')}
        </Button>
      </div>
    </form>
  );
}
