import {
  type DocumentBlock,
  type DocumentModel,
  type Fact,
  languageTag,
  pageLabel,
  textLines,
} from './document-model.js';
import { richTextToPdf } from './pdf-rich-text.js';
import {
  accent,
  bodyText,
  contentWidth,
  factsLayout,
  heading,
  listIndent,
  numberedIndent,
  page,
  paragraph,
  quiet,
  rule,
  ruledTable,
  runsToSpans,
  spacing,
  tableHeaderFill,
  tableText,
} from './pdf-styles.js';
import { type Block, type Paragraph, type Table, type TextStyle, typeset } from './pdf-typesetter.js';

/** The model as a PDF with the font embedded: a title page when it has one, then the body with header and footer. */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const blocks: Block[] = [];
  if (model.titlePage) blocks.push(...titlePage(model));
  blocks.push(...model.body.flatMap(blockToPdf));
  const skipFirst = Boolean(model.titlePage);
  const words = pageLabel(model.language);
  const furnitureStyle: TextStyle = { size: 8.5, lineHeight: 1.2, color: quiet };
  return typeset({
    frame: {
      width: page.width,
      height: page.height,
      left: page.side,
      right: page.side,
      top: page.top,
      bottom: page.bottom,
    },
    language: languageTag[model.language],
    info: { title: model.title, author: model.county, subject: `${model.title}, ${model.version}` },
    blocks,
    furniture: (current, count) =>
      skipFirst && current === 1
        ? []
        : [
            {
              left: [{ text: model.county }],
              right: [{ text: model.title }],
              style: furnitureStyle,
              x: page.side,
              y: 34,
              width: contentWidth,
              ruleBelow: { gap: 3, width: 0.5, color: rule },
            },
            {
              left: [{ text: model.version }],
              right: [{ text: `${words.page} ${current} ${words.of} ${count}` }],
              style: furnitureStyle,
              x: page.side,
              y: page.height - page.bottom + 24,
              width: contentWidth,
            },
          ],
  });
}

function titlePage(model: DocumentModel): Block[] {
  const title = model.titlePage;
  if (!title) return [];
  const text = (value: string, style: TextStyle, before: number, after: number): Paragraph => ({
    type: 'paragraph',
    spans: [{ text: value }],
    style,
    spaceBefore: before,
    spaceAfter: after,
  });
  return [
    text(model.county, { size: 14, lineHeight: 1.2, color: quiet }, 150, 12),
    { ...text(title.title, { size: 26, lineHeight: 1.2, color: accent, bold: true }, 0, 12), role: 'H1' },
    ...(title.subtitle ? [text(title.subtitle, { size: 15, lineHeight: 1.2, color: accent }, 0, 24)] : []),
    ...(title.facts.length > 0 ? [factsTable(title.facts)] : []),
    text(model.version, { size: 11, lineHeight: 1.2, color: quiet }, 24, 0),
    { type: 'pageBreak' },
  ];
}

function blockToPdf(block: DocumentBlock): Block[] {
  switch (block.type) {
    case 'heading':
      return [heading(block.level, [{ text: block.text }], block.pageBreakBefore)];
    case 'paragraph':
      return [
        paragraph(typeof block.content === 'string' ? [{ text: block.content }] : runsToSpans(block.content)),
      ];
    case 'note':
      return [paragraph([{ text: block.text }], { ...bodyText, italic: true, color: quiet })];
    case 'richText':
      return richTextToPdf(block.doc, block.headingShift ?? 0);
    case 'facts':
      return [factsTable(block.items)];
    case 'list': {
      const list = {};
      return block.items.map((text, i) => ({
        ...paragraph([{ text }], bodyText, i === block.items.length - 1 ? spacing.list : spacing.listItem),
        indent: block.ordered ? numberedIndent(block.items.length, bodyText) : listIndent,
        marker: block.ordered ? { type: 'text' as const, text: `${i + 1}.` } : { type: 'disc' as const },
        list: [{ list, item: i }],
      }));
    }
    case 'table':
      return [plainTable(block.header, block.rows, block.widths)];
    case 'pageBreak':
      return [{ type: 'pageBreak' }];
    case 'keepTogether':
      return [{ type: 'keepTogether', blocks: block.blocks.flatMap(blockToPdf).flatMap(flowing) }];
  }
}

/** What a kept-together group holds: its paragraphs and tables (a group within it joins it; a page break does not). */
function flowing(block: Block): (Paragraph | Table)[] {
  if (block.type === 'keepTogether') return block.blocks;
  return block.type === 'pageBreak' ? [] : [block];
}

/** Column widths in points from relative widths. */
function columnWidths(columns: number, widths: readonly number[] | undefined): number[] {
  const weights = widths?.length === columns ? widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (contentWidth * w) / total);
}

const cellText = (text: string, bold = false): Paragraph =>
  paragraph([{ text: textLines(text).join('\n'), ...(bold ? { bold } : {}) }], tableText, 0);

function plainTable(header: readonly string[], rows: readonly string[][], widths?: readonly number[]): Table {
  return {
    type: 'table',
    widths: columnWidths(header.length, widths),
    headerRows: 1,
    rows: [
      header.map((text) => ({
        blocks: [cellText(text, true)],
        fill: tableHeaderFill,
        header: 'Column' as const,
      })),
      ...rows.map((row) => header.map((_, c) => ({ blocks: [cellText(row[c] ?? '')] }))),
    ],
    layout: ruledTable,
    spaceBefore: spacing.tableBefore,
    spaceAfter: spacing.tableAfter,
  };
}

function factsTable(items: readonly Fact[]): Table {
  return {
    type: 'table',
    widths: [130, contentWidth - 130],
    headerRows: 0,
    rows: items.map((fact) => [
      { blocks: [paragraph([{ text: fact.label, bold: true }], bodyText, 0)], header: 'Row' as const },
      { blocks: [paragraph([{ text: fact.value }], bodyText, 0)] },
    ]),
    layout: factsLayout,
    spaceBefore: 0,
    spaceAfter: 10,
  };
}
