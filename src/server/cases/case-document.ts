import { CaseDocumentQuery, type PoliticalCase } from '../../shared/contracts/cases.js';
import type { InputSummary } from '../../shared/contracts/hearing-summary.js';
import {
  type AgreementDocumentData,
  loadAgreementDocumentData,
} from '../agreement-document/agreement-document-data.js';
import { agreementDocument } from '../agreement-document/agreement-document-model.js';
import type { DocumentBlock, DocumentModel } from '../documents/document-model.js';
import { type DocumentFile, renderDocument } from '../documents/download.js';
import { documentCaller } from '../documents/render-pool.js';
import { closedSummaryForCase } from '../hearing-summary/get-hearing-summary.js';
import { norwegianDate, summaryDocument, summaryTitle } from '../hearing-summary/summary-document.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { county } from '../registry/registry.table.js';
import { loadCase } from './case-reads.js';
import { caseReaders } from './read-cases.js';

/** The case document's fixed texts, in bokmål as the county's case documents are written. */
export const caseWords = {
  document: 'Saksframlegg',
  archive: 'Arkivsak',
  proposal: 'Fylkesrådens forslag til vedtak/innstilling',
  treatedBy: ['Behandlet av', 'Møtedato', 'Utvalgssaksnr.'] as [string, string, string],
  background: 'Bakgrunn for saken',
  facts: 'Fakta',
  alternatives: 'Problemstillinger og alternative løsninger',
  assessment: 'Vurdering',
  consequences: 'Konsekvenser',
  authority: 'Vedtakskompetanse',
  attachments: 'Vedlegg',
  agreement: (region: string) => `Partnerskapsavtale med ${region}, generell og spesiell del`,
  appendix: (n: number, title: string) => `Vedlegg ${n}: ${title}`,
  agreementAppendix: (region: string) => `Partnerskapsavtale med ${region}`,
  notSet: 'Ikke fastsatt',
} as const;

/**
 * A case as a Norwegian case document, in the seed's order: the title, the proposed decision as numbered
 * points with the date, name and title of the signer, the table of the bodies that treat it (body, meeting
 * date, the body's case number), then background, facts, issues and alternatives, assessment, consequences,
 * the decision authority and the attachments. With the agreements' documents given, each follows the case
 * text as an appendix on pages of its own, as a case officer files a case with its attachments in one file:
 * "Vedlegg 1: Partnerskapsavtale med …", its facts (parties, members, period, versions), then the whole
 * agreement as its own document has it (general part, special part with the agreed contributions, the
 * bodies that adopt it), its headings one level down. After them come the input summaries of the closed
 * hearings behind the general part the agreements are pinned to (case-hearings.ts), with the county's final
 * answers, as the summary's own document has them: what the regions said and how the county answered is part
 * of what the politicians decide on. With no such hearing the list and the appendices name none.
 */
export function caseDocument(
  c: PoliticalCase,
  countyName: string,
  appendices: readonly AgreementDocumentData[] = [],
  summaries: readonly InputSummary[] = [],
): DocumentModel {
  const w = caseWords;
  const signer = [c.signer.date ? norwegianDate(c.signer.date) : null, c.signer.name, c.signer.title].filter(
    (line): line is string => Boolean(line),
  );
  const body: DocumentBlock[] = [
    ...(c.archiveReference
      ? [{ type: 'facts' as const, items: [{ label: w.archive, value: c.archiveReference }] }]
      : []),
    { type: 'heading', level: 1, text: c.title },
    { type: 'heading', level: 2, text: w.proposal },
    { type: 'list', ordered: true, items: c.decisionPoints.map((p) => p.text) },
    ...(signer.length > 0 ? [{ type: 'paragraph' as const, content: signer.join('\n') }] : []),
    {
      type: 'table',
      header: [...w.treatedBy],
      widths: [3, 2, 2],
      rows: c.treatments.map((t) => [
        t.bodyName,
        t.meeting ? norwegianDate(t.meeting.date) : w.notSet,
        t.caseNumber ?? '',
      ]),
    },
  ];
  for (const key of ['background', 'facts', 'alternatives', 'assessment', 'consequences'] as const) {
    body.push(
      { type: 'heading', level: 2, text: w[key] },
      { type: 'richText', doc: c[key], headingShift: 0 },
    );
  }
  body.push({ type: 'heading', level: 2, text: w.authority });
  body.push({ type: 'paragraph', content: c.authority || w.notSet });
  body.push({ type: 'heading', level: 2, text: w.attachments });
  body.push({
    type: 'list',
    ordered: true,
    items: [
      ...c.agreements.map((a) => w.agreement(a.regionName)),
      ...c.hearingSummaries.map((h) => summaryTitle(h.kind, h.versionNumber)),
    ],
  });
  appendices.forEach((data, i) => {
    body.push(
      ...appendixBlocks(agreementDocument(data), w.appendix(i + 1, w.agreementAppendix(data.region.name))),
    );
  });
  summaries.forEach((summary, i) => {
    const title = summaryTitle(summary.hearing.kind, summary.hearing.versionNumber);
    body.push(
      ...appendixBlocks(summaryDocument(summary, countyName), w.appendix(appendices.length + i + 1, title)),
    );
  });
  return {
    language: 'nb',
    county: countyName,
    title: c.title,
    version: c.archiveReference ? `${w.document} · ${w.archive} ${c.archiveReference}` : w.document,
    body,
  };
}

/** A document as an appendix: its heading on a new page, its title page's facts, its body one level down. */
function appendixBlocks(document: DocumentModel, heading: string): DocumentBlock[] {
  const down = (level: 1 | 2 | 3 | 4) => Math.min(level + 1, 4) as 2 | 3 | 4;
  return [
    { type: 'heading', level: 1, text: heading, pageBreakBefore: true },
    ...(document.titlePage
      ? [
          { type: 'paragraph' as const, content: document.titlePage.subtitle ?? document.titlePage.title },
          { type: 'facts' as const, items: document.titlePage.facts },
        ]
      : []),
    ...document.body.map((block): DocumentBlock => {
      if (block.type === 'heading') return { ...block, level: down(block.level), pageBreakBefore: false };
      if (block.type === 'richText') return { ...block, headingShift: 2 };
      return block;
    }),
  ];
}

export const caseFileName = (c: PoliticalCase) =>
  `Saksframlegg ${c.title}${c.archiveReference ? ` ${c.archiveReference.replace('/', '-')}` : ''}`.replace(
    /[\\/:*?"<>|]/g,
    '-',
  );

export async function exportCaseDocument(ctx: Ctx, id: string, raw: unknown): Promise<DocumentFile> {
  const { db } = authorize(ctx, caseReaders);
  const { format } = parse(CaseDocumentQuery, raw);
  assertId(id);
  const c = await loadCase(db, id);
  const [owner] = await db.select({ name: county.name }).from(county);
  const appendices: AgreementDocumentData[] = [];
  for (const a of c.agreements) appendices.push(await loadAgreementDocumentData(db, a.id));
  const summaries: InputSummary[] = [];
  for (const h of c.hearingSummaries) summaries.push(await closedSummaryForCase(ctx, h.hearingId));
  return renderDocument(
    documentCaller(ctx),
    caseDocument(c, owner?.name ?? '', appendices, summaries),
    format,
    caseFileName(c),
  );
}
