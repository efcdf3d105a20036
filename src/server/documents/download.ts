import type { StoredFile } from '../platform/files.js';
import type { DocumentModel } from './document-model.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

export type DocumentFormat = 'docx' | 'pdf';

export const documentMediaType: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A rendered document as a route sends it. */
export type DocumentFile = StoredFile;

/** Renders a model in the asked format, named `<name>.<format>`. */
export async function renderDocument(
  model: DocumentModel,
  format: DocumentFormat,
  name: string,
): Promise<DocumentFile> {
  const content = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  return { filename: `${name}.${format}`, mediaType: documentMediaType[format], content };
}
