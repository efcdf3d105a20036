import type { StoredFile } from '../platform/files.js';
import type { DocumentModel } from './document-model.js';
import { type DocumentCaller, renderOffLoop } from './render-pool.js';

export type DocumentFormat = 'docx' | 'pdf';

export const documentMediaType: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A rendered document as a route sends it; a kept one (kept-document.ts) with its SHA-256 as ETag. */
export type DocumentFile = StoredFile & { etag?: string };

/**
 * The renderers run in the document workers (render-pool.ts), never on the main loop, and count against
 * the caller's documents in progress. docx, PDFKit and the typesetter are loaded by a worker on its first
 * document, not at the server's start.
 */
export function renderDocx(caller: DocumentCaller, model: DocumentModel): Promise<Buffer> {
  return renderOffLoop(caller, { kind: 'docx', model });
}

export function renderPdf(caller: DocumentCaller, model: DocumentModel): Promise<Buffer> {
  return renderOffLoop(caller, { kind: 'pdf', model });
}

/** Renders a model in the asked format, named `<name>.<format>`. */
export async function renderDocument(
  caller: DocumentCaller,
  model: DocumentModel,
  format: DocumentFormat,
  name: string,
): Promise<DocumentFile> {
  const content = await renderOffLoop(caller, { kind: format, model });
  return { filename: `${name}.${format}`, mediaType: documentMediaType[format], content };
}
