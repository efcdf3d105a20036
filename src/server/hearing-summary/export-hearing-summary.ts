import type { DocumentFile, DocumentFormat } from '../documents/download.js';
import { renderDocument } from '../documents/download.js';
import { keptDocument } from '../documents/kept-document.js';
import { documentCaller } from '../documents/render-pool.js';
import type { Ctx } from '../platform/context.js';
import { getCounty } from '../registry/get-county.js';
import { getHearingSummary } from './get-hearing-summary.js';
import { summaryDocument, summaryFileName } from './summary-document.js';

/**
 * The input summary as a DOCX or PDF file, for the same readers and with the same content as the page.
 * A closed hearing's summary is made once and kept (kept-document.ts), one for the county (drafts marked)
 * and one for the regions (final dispositions only); it is made anew only when what it shows has changed
 * since, e.g. a disposition answered after the close. While the hearing is open it is made fresh.
 */
export async function exportHearingSummary(
  ctx: Ctx,
  hearingId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const summary = await getHearingSummary(ctx, hearingId);
  const county = await getCounty(ctx);
  const caller = documentCaller(ctx);
  const model = () => summaryDocument(summary, county.name);
  const name = summaryFileName(summary);
  if (summary.hearing.state !== 'closed') return renderDocument(caller, model(), format, name);
  return keptDocument(
    ctx.db,
    caller,
    {
      subjectId: hearingId,
      kind: ctx.actor?.role === 'region' ? 'hearing-summary/final' : 'hearing-summary/working',
      format,
      language: 'nb',
      // The time the summary was read is printed as the time the document was made, and is no change.
      source: { ...summary, generatedAt: null, county: county.name },
    },
    model,
    name,
  );
}
