import {
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  RichTextBlock,
  RichTextCell,
  RichTextDoc,
  RichTextInline,
  RichTextListItem,
} from '../../shared/contracts/rich-text.js';
import { shiftedHeading } from './document-model.js';

/** Word's heading styles by level; a shifted level-4 rich-text heading reaches 6. */
export const docxHeading = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

export const bulletReference = 'bullets';
const orderedReference = (start: number) => `numbers-from-${start}`;
const listLevels = 9;
const bulletGlyphs = ['•', '◦', '▪'];

/**
 * The numbered and bulleted lists of one document. Each numbered list is a Word list instance of its own, so
 * numbering starts again with every list (and at the list's `start`); the definitions are collected while the
 * body is converted and handed to the Document afterwards. Levels are decimal at every depth, as the editor
 * shows them, so screen, DOCX and PDF number alike.
 */
export class DocxLists {
  private instances = 0;
  private readonly starts = new Set<number>([1]);

  nextOrdered(start: number): { reference: string; instance: number } {
    this.starts.add(start);
    this.instances += 1;
    return { reference: orderedReference(start), instance: this.instances };
  }

  config() {
    const indent = (level: number) => ({ left: 360 * (level + 1), hanging: 300 });
    const bullets = {
      reference: bulletReference,
      levels: Array.from({ length: listLevels }, (_, level) => ({
        level,
        format: LevelFormat.BULLET,
        text: bulletGlyphs[level % bulletGlyphs.length] ?? '•',
        style: { paragraph: { indent: indent(level) } },
      })),
    };
    const numbered = [...this.starts].map((start) => ({
      reference: orderedReference(start),
      levels: Array.from({ length: listLevels }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        start: level === 0 ? start : 1,
        style: { paragraph: { indent: indent(level) } },
      })),
    }));
    return [bullets, ...numbered];
  }
}

type Block = Paragraph | Table;
type ListContext = { reference: string; instance: number; level: number };

/** A stored rich-text body as Word paragraphs and tables. */
export function richTextToDocx(doc: RichTextDoc, headingShift: number, lists: DocxLists): Block[] {
  return blocksToDocx(doc.content, headingShift, lists, null);
}

function blocksToDocx(
  blocks: readonly RichTextBlock[],
  shift: number,
  lists: DocxLists,
  list: ListContext | null,
): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(
          new Paragraph({
            children: inlineToDocx(block.content),
            ...(list ? listParagraph(list) : {}),
          }),
        );
        break;
      case 'heading':
        out.push(
          new Paragraph({
            children: inlineToDocx(block.content),
            heading: docxHeading[shiftedHeading(block.attrs.level, shift)],
          }),
        );
        break;
      case 'bulletList':
      case 'orderedList': {
        const level = list ? list.level + 1 : 0;
        const target =
          block.type === 'orderedList'
            ? lists.nextOrdered(block.attrs?.start ?? 1)
            : { reference: bulletReference, instance: 0 };
        for (const item of block.content) out.push(...itemToDocx(item, shift, lists, { ...target, level }));
        break;
      }
      case 'table':
        out.push(tableToDocx(block.content, shift, lists));
        break;
    }
  }
  return out;
}

/**
 * A list item's first paragraph carries the marker; the paragraphs after it in the same item are indented to
 * the item's text without a marker of their own, as on screen.
 */
function itemToDocx(item: RichTextListItem, shift: number, lists: DocxLists, list: ListContext): Block[] {
  const out: Block[] = [];
  let marked = false;
  for (const block of item.content) {
    if (block.type === 'paragraph' || block.type === 'heading') {
      out.push(
        new Paragraph({
          children: inlineToDocx(block.content),
          ...(marked
            ? { indent: { left: 360 * (list.level + 1) }, style: 'ListParagraph' }
            : listParagraph(list)),
        }),
      );
      marked = true;
    } else {
      out.push(...blocksToDocx([block], shift, lists, list));
    }
  }
  return out;
}

function listParagraph(list: ListContext) {
  return {
    numbering: { reference: list.reference, instance: list.instance, level: Math.min(list.level, 8) },
  };
}

function tableToDocx(rows: readonly { content: RichTextCell[] }[], shift: number, lists: DocxLists): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0 && row.content.every((cell) => cell.type === 'tableHeader'),
          children: row.content.map((cell) => {
            const children = blocksToDocx(cell.content, shift, lists, null);
            return new TableCell({
              columnSpan: cell.attrs?.colspan,
              rowSpan: cell.attrs?.rowspan,
              shading: cell.type === 'tableHeader' ? { fill: headerFill } : undefined,
              // A cell must end with a paragraph (Word refuses a cell that ends with a table).
              children: children.at(-1) instanceof Paragraph ? children : [...children, new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

export const headerFill = 'E6ECF2';

export function inlineToDocx(content: readonly RichTextInline[] | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let breakNext = false;
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      if (breakNext) out.push(new TextRun({ break: 1 }));
      breakNext = true;
      continue;
    }
    const marks = node.marks ?? [];
    const run = {
      text: node.text,
      bold: marks.some((m) => m.type === 'bold') || undefined,
      italics: marks.some((m) => m.type === 'italic') || undefined,
      break: breakNext ? 1 : undefined,
    };
    breakNext = false;
    const link = marks.find((m) => m.type === 'link');
    out.push(
      link?.type === 'link'
        ? new ExternalHyperlink({
            link: link.attrs.href,
            children: [new TextRun({ ...run, style: 'Hyperlink' })],
          })
        : new TextRun(run),
    );
  }
  if (breakNext) out.push(new TextRun({ break: 1 }));
  return out;
}
