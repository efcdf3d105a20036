import { type DocumentFile, type DocumentFormat, renderDocument } from '../documents/download.js';
import type { Ctx } from '../platform/context.js';
import { getCounty } from '../registry/get-county.js';
import { getHearingSummary } from './get-hearing-summary.js';
import { summaryDocument, summaryFileName } from './summary-document.js';

/** The input summary as a DOCX or PDF file, for the same readers and with the same content as the page. */
export async function exportHearingSummary(
  ctx: Ctx,
  hearingId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const summary = await getHearingSummary(ctx, hearingId);
  const county = await getCounty(ctx);
  return renderDocument(summaryDocument(summary, county.name), format, summaryFileName(summary));
}
