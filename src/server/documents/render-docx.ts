import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  FileChild,
  Footer,
  Header,
  HeadingLevel,
  type ISectionOptions,
  type IXmlableObject,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  type Table,
  TabStopType,
  TextRun,
} from 'docx';
import type { Run } from '../../shared/contracts/rich-text.js';
import {
  type DocumentBlock,
  type DocumentModel,
  type Fact,
  languageTag,
  pageLabel,
  type TitlePage,
  textLines,
} from './document-model.js';
import { bulletReference, DocxLists, docxHeading, headerFill, richTextToDocx } from './docx-rich-text.js';
import { docxStyles } from './docx-styles.js';
import { packDocx } from './docx-zip.js';

// A4 in twips (1/20 pt), with 2.2 cm side margins: the width tables and the header's right tab stop use.
const page = { width: 11906, height: 16838, top: 1300, bottom: 1200, side: 1247 };
export const docxContentWidth = page.width - 2 * page.side;

/** The model as a Word document (DOCX): a title page when it has one, then the body with header and footer. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const lists = new DocxLists();
  const body = model.body.flatMap((block) => blockToDocx(block, lists));
  const properties = {
    page: {
      size: { width: page.width, height: page.height },
      margin: {
        top: page.top,
        bottom: page.bottom,
        left: page.side,
        right: page.side,
        header: 600,
        footer: 600,
      },
    },
  };
  const sections: ISectionOptions[] = [];
  if (model.titlePage) sections.push({ properties, children: titlePageToDocx(model, model.titlePage) });
  sections.push({
    properties,
    headers: { default: pageHeader(model) },
    footers: { default: pageFooter(model) },
    // Word wants at least one paragraph in a section.
    children: body.length > 0 ? body : [new Paragraph({})],
  });
  const document = new Document({
    creator: model.county,
    title: model.title,
    description: `${model.title}, ${model.version}`,
    styles: docxStyles(languageTag[model.language]),
    numbering: { config: lists.config() },
    sections,
  });
  return packDocx(document);
}

function blockToDocx(block: DocumentBlock, lists: DocxLists): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          text: block.text,
          heading: docxHeading[block.level],
          pageBreakBefore: block.pageBreakBefore,
        }),
      ];
    case 'paragraph': {
      const runs = typeof block.content === 'string' ? [{ text: block.content }] : block.content;
      if (runs.length > 0 && runs.every((run) => !run.href)) return [new Written('w:p', runsXml(runs))];
      return [new Paragraph({ children: runsToDocx(runs) })];
    }
    case 'note':
      return [new Paragraph({ style: 'Note', children: plainRuns(block.text) })];
    case 'richText':
      return richTextToDocx(block.doc, block.headingShift ?? 0, lists);
    case 'facts':
      return factParagraphs(block.items);
    case 'list': {
      const target = block.ordered ? lists.nextOrdered(1) : { reference: bulletReference, instance: 0 };
      return block.items.map(
        (item) => new Paragraph({ children: plainRuns(item), numbering: { ...target, level: 0 } }),
      );
    }
    case 'table':
      return [new Written('w:tbl', tableXml(block.header, block.rows, block.widths))];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true })];
    case 'keepTogether':
      return block.blocks.flatMap((inner) => blockToDocx(inner, lists));
  }
}

function titlePageToDocx(model: DocumentModel, title: TitlePage): (Paragraph | Table)[] {
  return [
    new Paragraph({ style: 'TitlePageCounty', text: model.county }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: title.title }),
    ...(title.subtitle
      ? [new Paragraph({ style: 'TitlePageSubtitle', children: plainRuns(title.subtitle) })]
      : []),
    ...factParagraphs(title.facts),
    new Paragraph({ style: 'TitlePageVersion', text: model.version }),
  ];
}

function pageHeader(model: DocumentModel): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'PageHeader',
        tabStops: [{ type: TabStopType.RIGHT, position: docxContentWidth }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A6B4C4', space: 4 } },
        children: [new TextRun(model.county), new TextRun({ children: [new Tab(), model.title] })],
      }),
    ],
  });
}

function pageFooter(model: DocumentModel): Footer {
  const words = pageLabel(model.language);
  return new Footer({
    children: [
      new Paragraph({
        style: 'PageHeader',
        tabStops: [{ type: TabStopType.RIGHT, position: docxContentWidth }],
        children: [
          new TextRun(model.version),
          new TextRun({
            children: [
              new Tab(),
              `${words.page} `,
              PageNumber.CURRENT,
              ` ${words.of} `,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

/** Plain text with its line breaks kept. */
function plainRuns(text: string, options: { bold?: boolean } = {}): TextRun[] {
  return textLines(text).map(
    (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }),
  );
}

function runsToDocx(runs: readonly Run[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    textLines(run.text).forEach((line, i) => {
      const options = { text: line, bold: run.bold, italics: run.italic, break: i > 0 ? 1 : undefined };
      out.push(
        run.href
          ? new ExternalHyperlink({
              link: run.href,
              children: [new TextRun({ ...options, style: 'Hyperlink' })],
            })
          : new TextRun(options),
      );
    });
  }
  return out;
}

const xmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
// As docx escapes text: the five XML characters, and the control characters XML 1.0 cannot hold dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is dropped
const toEscape = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is dropped
const toEscapeAll = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escapeXml = (text: string) =>
  toEscape.test(text) ? text.replace(toEscapeAll, (char) => xmlEscapes[char] ?? '') : text;

/** The XML docx writes for the runs of `runsToDocx` without links: each line a run, a break before the next. */
export function runsXml(runs: readonly Run[]): string {
  let xml = '';
  for (const run of runs)
    xml += linesXml(run.text, `${run.bold ? '<w:b/><w:bCs/>' : ''}${run.italic ? '<w:i/><w:iCs/>' : ''}`);
  return xml;
}

/** A text's lines as runs with these run properties, a break before each line but the first. */
function linesXml(text: string, properties: string): string {
  const start = properties ? `<w:r><w:rPr>${properties}</w:rPr>` : '<w:r>';
  const lines = textLines(text);
  let xml = '';
  for (let i = 0; i < lines.length; i++)
    xml += `${start}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(lines[i] ?? '')}</w:t></w:r>`;
  return xml;
}

/**
 * A paragraph or a table written as the XML docx would write for it (`runsXml`, `tableXml`) rather than built
 * as docx's objects. Those objects are the cost of a long document: a paragraph of four runs costs docx some
 * 65 µs of CPU, most of it allocating and collecting the objects, so 86,000 such paragraphs took 5.7 s of CPU;
 * written, they take 1.4 s (the county's annual report at national size, bench/annual-report.ts). docx writes
 * a value that is neither a string nor an object as `String(value)`, unescaped (its stringify's
 * `escapeValue`), so the XML inside the element is handed over as a function whose text it is; the unit tests
 * check it is the XML docx makes of the same content.
 */
class Written extends FileChild {
  private readonly xml: string;

  constructor(rootKey: 'w:p' | 'w:tbl', xml: string) {
    super(rootKey);
    this.xml = xml;
  }

  override prepForXml(): IXmlableObject {
    const xml = this.xml;
    return { [this.rootKey]: [Object.assign(() => xml, { toString: () => xml })] };
  }
}

/** Columns in twips from relative widths; equal shares without them. */
function columnWidths(columns: number, widths: readonly number[] | undefined): number[] {
  const weights = widths?.length === columns ? widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => Math.floor((docxContentWidth * w) / total));
}

const cellBorder = 'w:val="single" w:color="auto" w:sz="4"';
const tableProperties =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${docxContentWidth}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} ${cellBorder}/>`)
    .join('') +
  '</w:tblBorders><w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/>' +
  '<w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar></w:tblPr>';

/**
 * A table's XML as docx writes a table of the full width with these columns: a header row repeated on every
 * page, shaded and bold, then rows of plain cells in the TableText style, each line a run. Each cell has its
 * column's width, scaled up as docx does when the columns add up to less than the table.
 */
export function tableXml(
  header: readonly string[],
  rows: readonly string[][],
  widths?: readonly number[],
): string {
  const columns = columnWidths(header.length, widths);
  const total = columns.reduce((sum, w) => sum + w, 0);
  const scale = total > 0 && docxContentWidth > total ? docxContentWidth / total : 1;
  const cellStart = columns.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${Math.round(w * scale)}"/>`);
  const bold = '<w:b/><w:bCs/>';
  const notBold = '<w:b w:val="false"/><w:bCs w:val="false"/>';
  const cell = (c: number, text: string, isHeader: boolean) =>
    `${cellStart[c]}${isHeader ? `<w:shd w:fill="${headerFill}" w:val="clear"/>` : ''}</w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>${linesXml(text, isHeader ? bold : notBold)}</w:p></w:tc>`;
  let xml = `${tableProperties}<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  xml += `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header.map((text, c) => cell(c, text, true)).join('')}</w:tr>`;
  for (const row of rows) {
    xml += '<w:tr>';
    for (let c = 0; c < header.length; c++) xml += cell(c, row[c] ?? '', false);
    xml += '</w:tr>';
  }
  return xml;
}

/**
 * Label and value pairs as paragraphs with a hanging indent: the label, a tab, and the value, whose further
 * lines align under its first. It reads as two columns, like the PDF's, and costs Word (and the docx
 * library: an agreement has a few of these per contribution) far less than a table would.
 */
function factParagraphs(items: readonly Fact[]): Paragraph[] {
  return items.map(
    (fact, i) =>
      new Paragraph({
        style: 'Fact',
        keepNext: i < items.length - 1,
        tabStops: [{ type: TabStopType.LEFT, position: factLabelWidth }],
        indent: { left: factLabelWidth, hanging: factLabelWidth },
        children: [
          new TextRun({ text: fact.label, bold: true }),
          new TextRun({ children: [new Tab()] }),
          ...plainRuns(fact.value),
        ],
      }),
  );
}

const factLabelWidth = Math.round(docxContentWidth / 3.6);
