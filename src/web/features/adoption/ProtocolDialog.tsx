import { Field, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdoptionRow } from '../../../shared/contracts/adoption';
import { ApiError } from '../../shared/api';
import { acceptedFiles, mediaTypeOf, tooLarge } from '../../shared/attachments';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useAttachProtocol } from './adoption.api';

/**
 * Attaches the council's protocol (saksprotokoll or særutskrift, PDF or DOCX) to a municipality's recorded
 * decision, replacing the one before. The file is checked here for type and size before it is sent; the
 * server checks its content, and its refusal is shown on the field.
 */
export function ProtocolDialog({
  agreementId,
  row,
  onClose,
  onSaved,
}: {
  agreementId: string;
  row: AdoptionRow | null;
  onClose: () => void;
  onSaved: (row: AdoptionRow, filename: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={row !== null}
      onClose={onClose}
      title={t('adoption.protocol.title', { municipality: row?.municipalityName ?? '' })}
    >
      {row && (
        <ProtocolForm
          key={row.municipalityId}
          agreementId={agreementId}
          row={row}
          onCancel={onClose}
          onSaved={(filename) => onSaved(row, filename)}
        />
      )}
    </ModalDialog>
  );
}

function ProtocolForm({
  agreementId,
  row,
  onCancel,
  onSaved,
}: {
  agreementId: string;
  row: AdoptionRow;
  onCancel: () => void;
  onSaved: (filename: string) => void;
}) {
  const { t } = useTranslation();
  const attach = useAttachProtocol(agreementId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = row.adoption?.protocol ?? null;

  const problemOf = (chosen: File | null): string | null =>
    !chosen
      ? t('adoption.protocol.chooseFirst')
      : !mediaTypeOf(chosen)
        ? `${chosen.name}: ${t('validation.fileType')}`
        : tooLarge(chosen)
          ? t('adoption.protocol.fileTooLarge', { name: chosen.name })
          : null;

  /** What the server said about the file, in words for the field. */
  const refusal = (e: unknown, name: string): string => {
    if (!(e instanceof ApiError)) return t('errors.internal');
    if (e.status === 413) return t('adoption.protocol.fileTooLarge', { name });
    const fields = e.fieldErrors();
    return `${name}: ${fields.file ?? fields.filename ?? fields._ ?? (e.problem.title || t('errors.internal'))}`;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = problemOf(file);
    const mediaType = file && mediaTypeOf(file);
    if (problem || !file || !mediaType) {
      setError(problem);
      fileInput.current?.focus();
      return;
    }
    try {
      await attach.mutateAsync({ municipalityId: row.municipalityId, file, mediaType });
      onSaved(file.name);
    } catch (e) {
      setError(refusal(e, file.name));
      fileInput.current?.focus();
    }
  };

  return (
    <form className="stack" noValidate onSubmit={submit}>
      {current && <Paragraph>{t('adoption.protocol.replaces', { filename: current.filename })}</Paragraph>}
      <Field>
        <Label>{t('adoption.protocol.file')}</Label>
        <Field.Description>{t('adoption.protocol.fileHelp')}</Field.Description>
        <Input
          ref={fileInput}
          type="file"
          accept={acceptedFiles}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setError(chosen ? problemOf(chosen) : null);
          }}
          aria-invalid={error ? true : undefined}
        />
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      <DialogButtons submitting={attach.isPending} submit={t('adoption.protocol.save')} onCancel={onCancel} />
    </form>
  );
}
