import type { Db, Tx } from '../db/client.js';
import { type DocumentFile, type DocumentFormat, renderDocument } from '../documents/download.js';
import { keptDocument } from '../documents/kept-document.js';
import { type DocumentCaller, documentCaller } from '../documents/render-pool.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { type AgreementDocumentData, loadAgreementDocumentData } from './agreement-document-data.js';
import { agreementDocument, agreementFileName } from './agreement-document-model.js';

/**
 * Who may download an agreement's document: everyone signed in. An agreement is a public document once
 * adopted (offentleglova), and every region sees the same general part and the others' special parts
 * (likeverdighet); the draft's contributions printed are only agreed ones.
 */
export const documentReaders = everyone;

/** One agreement as a DOCX or PDF file, in the region's written standard. */
export async function exportAgreementDocument(
  ctx: Ctx,
  agreementId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const { db } = authorize(ctx, documentReaders);
  const data = await loadAgreementDocumentData(db, agreementId);
  return agreementDocumentFile(db, documentCaller(ctx), data, format);
}

/**
 * The agreement's file, for the signed-in download and the public pages alike. An agreed special part on an
 * approved general part no longer changes: its document is made once and kept (kept-document.ts). While
 * either part is a draft, the document is made fresh on every download.
 */
export function agreementDocumentFile(
  db: Db | Tx,
  caller: DocumentCaller,
  data: AgreementDocumentData,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const settled = data.generalPart.approvedOn !== null && data.specialPart?.agreedAt != null;
  if (!settled) return renderDocument(caller, agreementDocument(data), format, agreementFileName(data));
  return keptDocument(
    db,
    caller,
    {
      subjectId: data.agreementId,
      kind: 'agreement',
      format,
      language: data.region.writtenStandard,
      source: data,
    },
    () => agreementDocument(data),
    agreementFileName(data),
  );
}
