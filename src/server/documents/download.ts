import type { StoredFile } from '../platform/files.js';
import type { DocumentModel } from './document-model.js';

export type DocumentFormat = 'docx' | 'pdf';

export const documentMediaType: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A rendered document as a route sends it. */
export type DocumentFile = StoredFile;

/**
 * The renderers, loaded on the first document rather than at start: docx, PDFKit and the typesetter took
 * about a tenth of the server's start-up, which every start paid for documents few requests make.
 */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const { renderDocx: render } = await import('./render-docx.js');
  return render(model);
}

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const { renderPdf: render } = await import('./render-pdf.js');
  return render(model);
}

/** Renders a model in the asked format, named `<name>.<format>`. */
export async function renderDocument(
  model: DocumentModel,
  format: DocumentFormat,
  name: string,
): Promise<DocumentFile> {
  const content = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  return { filename: `${name}.${format}`, mediaType: documentMediaType[format], content };
}
