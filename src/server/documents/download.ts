import type { DocumentModel } from './document-model.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

export type DocumentFormat = 'docx' | 'pdf';

export const documentMediaType: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A rendered document as a route sends it. */
export type DocumentFile = { filename: string; mediaType: string; content: Buffer };

/** Renders a model in the asked format, named `<name>.<format>`. */
export async function renderDocument(
  model: DocumentModel,
  format: DocumentFormat,
  name: string,
): Promise<DocumentFile> {
  const content = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  return { filename: `${name}.${format}`, mediaType: documentMediaType[format], content };
}

/**
 * Content-Disposition for a document download: `attachment`, so the browser saves it rather than showing
 * it inside the app's origin, with the name as ASCII for old clients and in full as UTF-8 (RFC 6266,
 * RFC 5987/8187): `Innspillsoppsummering Formell høring.docx` keeps its ø.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
