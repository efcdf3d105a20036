import type { ExportRow } from '../contribution-export/contributions-sheet.js';
import type { DocumentModel } from './document-model.js';

/**
 * What a document worker is asked to make (render-worker.ts): plain data only, since it crosses to another
 * thread by structured clone. The use case reads the database and builds the model on the main thread;
 * the worker turns it into bytes.
 */
export type RenderTask = DocumentTask | SheetTask | ZipTask;

/** A document model as DOCX or PDF. */
export type DocumentTask = { kind: 'docx' | 'pdf'; model: DocumentModel };

/** Contribution rows as an XLSX workbook, the headers and sheet name already in the caller's language. */
export type SheetTask = { kind: 'xlsx'; headers: string[]; rows: ExportRow[]; sheetName: string };

/** Files put together as one ZIP, in the order given. */
export type ZipTask = { kind: 'zip'; entries: { name: string; content: Uint8Array }[] };
