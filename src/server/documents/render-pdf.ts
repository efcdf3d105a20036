import type { Content, ContentText, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Run } from '../../shared/contracts/rich-text.js';
import {
  type DocumentBlock,
  type DocumentModel,
  type Fact,
  languageTag,
  pageLabel,
  type TitlePage,
} from './document-model.js';
import { cellPadding, pdfEngine, pdfFont, rule } from './pdf-engine.js';
import { endWithoutSpace, furniture, keepHeadingsWithNext, movesLoneHeadings } from './pdf-page-flow.js';
import { linkStyle, richTextToPdf, tableHeaderFill } from './pdf-rich-text.js';

// A4 in points, with the same margins as the DOCX (2.2 cm at the sides).
const page = { width: 595.28, height: 841.89, side: 62, top: 72, bottom: 64 };
const contentWidth = page.width - 2 * page.side;
const ink = '#1A1A1A';
const accent = '#1F3A5F';
const quiet = '#595959';

/** The model as a PDF with the font embedded: a title page when it has one, then the body with header and footer. */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const content: Content[] = [];
  if (model.titlePage) content.push(...titlePageToPdf(model, model.titlePage));
  // A body's blocks join the document's own, so a heading in it is kept with what follows it too.
  content.push(...keepHeadingsWithNext(model.body.flatMap(blockToPdf)));
  const skipFirst = Boolean(model.titlePage);
  const words = pageLabel(model.language);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [page.side, page.top, page.side, page.bottom],
    language: languageTag[model.language],
    info: { title: model.title, author: model.county, subject: `${model.title}, ${model.version}` },
    header: (current) =>
      skipFirst && current === 1
        ? null
        : furniture({
            margin: [page.side, 34, page.side, 0],
            stack: [
              {
                columns: [
                  { text: model.county, width: '*' },
                  { text: model.title, width: 'auto', alignment: 'right' },
                ],
                columnGap: 12,
                style: 'pageHeader',
              },
              {
                canvas: [
                  { type: 'line', x1: 0, y1: 4, x2: contentWidth, y2: 4, lineWidth: 0.5, lineColor: rule },
                ],
              },
            ],
          }),
    footer: (current, count) =>
      skipFirst && current === 1
        ? null
        : furniture({
            margin: [page.side, 24, page.side, 0],
            columns: [
              { text: model.version, width: '*' },
              { text: `${words.page} ${current} ${words.of} ${count}`, width: 'auto', alignment: 'right' },
            ],
            style: 'pageHeader',
          }),
    content: endWithoutSpace(content),
    defaultStyle: { font: pdfFont, fontSize: 10.5, lineHeight: 1.2, color: ink },
    styles,
    pageBreakBefore: movesLoneHeadings,
  };
  return pdfEngine().createPdf(definition).getBuffer();
}

const styles: StyleDictionary = {
  h1: { fontSize: 16, bold: true, color: accent, margin: [0, 14, 0, 6] },
  h2: { fontSize: 13.5, bold: true, color: accent, margin: [0, 12, 0, 5] },
  h3: { fontSize: 12, bold: true, color: accent, margin: [0, 10, 0, 4] },
  h4: { fontSize: 11, bold: true, color: accent, margin: [0, 8, 0, 3] },
  h5: { fontSize: 11, bold: true, italics: true, color: accent, margin: [0, 8, 0, 3] },
  h6: { fontSize: 10.5, bold: true, italics: true, color: accent, margin: [0, 6, 0, 3] },
  paragraph: { margin: [0, 0, 0, 6] },
  listItem: { margin: [0, 0, 0, 2] },
  list: { margin: [0, 0, 0, 6] },
  note: { italics: true, color: quiet, margin: [0, 0, 0, 6] },
  table: { margin: [0, 2, 0, 10], fontSize: 9.5, lineHeight: 1.15 },
  pageHeader: { fontSize: 8.5, color: quiet },
  titleCounty: { fontSize: 14, color: quiet, margin: [0, 150, 0, 12] },
  title: { fontSize: 26, bold: true, color: accent, margin: [0, 0, 0, 12] },
  subtitle: { fontSize: 15, color: accent, margin: [0, 0, 0, 24] },
  titleVersion: { fontSize: 11, color: quiet, margin: [0, 24, 0, 0] },
};

function blockToPdf(block: DocumentBlock): Content | Content[] {
  switch (block.type) {
    case 'heading':
      return {
        text: block.text,
        style: `h${block.level}`,
        headlineLevel: block.level,
        ...(block.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
      };
    case 'paragraph':
      return {
        text: typeof block.content === 'string' ? block.content : runsToPdf(block.content),
        style: 'paragraph',
      };
    case 'note':
      return { text: block.text, style: 'note' };
    case 'richText':
      return richTextToPdf(block.doc, block.headingShift ?? 0);
    case 'facts':
      return factsTable(block.items);
    case 'list':
      return block.ordered
        ? { ol: block.items.map((text) => ({ text, style: 'listItem' })), style: 'list' }
        : { ul: block.items.map((text) => ({ text, style: 'listItem' })), style: 'list' };
    case 'table':
      return plainTable(block.header, block.rows, block.widths);
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

function titlePageToPdf(model: DocumentModel, title: TitlePage): Content[] {
  return [
    { text: model.county, style: 'titleCounty' },
    { text: title.title, style: 'title' },
    ...(title.subtitle ? [{ text: title.subtitle, style: 'subtitle' }] : []),
    ...(title.facts.length > 0 ? [factsTable(title.facts)] : []),
    { text: model.version, style: 'titleVersion', pageBreak: 'after' },
  ];
}

function runsToPdf(runs: readonly Run[]): ContentText[] {
  return runs.map((run) => ({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.href ? { link: run.href, ...linkStyle } : {}),
  }));
}

/** Column widths in points from relative widths, after the cells' padding and the rules between them. */
function columnWidths(columns: number, widths: readonly number[] | undefined): number[] {
  const weights = widths?.length === columns ? widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const available = contentWidth - columns * 2 * cellPadding - (columns + 1) * 0.5;
  return weights.map((w) => (available * w) / total);
}

function plainTable(
  header: readonly string[],
  rows: readonly string[][],
  widths?: readonly number[],
): Content {
  return {
    table: {
      headerRows: 1,
      widths: columnWidths(header.length, widths),
      body: [
        header.map((text) => ({ text, bold: true, fillColor: tableHeaderFill })),
        ...rows.map((row) => header.map((_, c) => row[c] ?? '')),
      ],
    },
    layout: 'partnerskap',
    style: 'table',
  };
}

function factsTable(items: readonly Fact[]): Content {
  return {
    table: {
      widths: [130, '*'],
      body: items.map((fact) => [{ text: fact.label, bold: true }, fact.value]),
    },
    layout: 'facts',
    margin: [0, 0, 0, 10],
  };
}
