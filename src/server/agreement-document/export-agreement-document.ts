import { type DocumentFile, type DocumentFormat, renderDocument } from '../documents/download.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { loadAgreementDocumentData } from './agreement-document-data.js';
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
  return renderDocument(agreementDocument(data), format, agreementFileName(data));
}
