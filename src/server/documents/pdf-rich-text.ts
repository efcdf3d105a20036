import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import type {
  RichTextBlock,
  RichTextDoc,
  RichTextInline,
  RichTextListItem,
  RichTextRow,
} from '../../shared/contracts/rich-text.js';
import { shiftedHeading } from './document-model.js';

/** The link look, shared by rich text and plain runs. */
export const linkStyle = { color: '#0B5CAD', decoration: 'underline' } as const;
const bulletTypes = ['disc', 'circle', 'square'] as const;

/** A stored rich-text body as pdfmake content. */
export function richTextToPdf(doc: RichTextDoc, headingShift: number): Content[] {
  return blocksToPdf(doc.content, headingShift, 0);
}

function blocksToPdf(blocks: readonly RichTextBlock[], shift: number, depth: number): Content[] {
  return blocks.map((block) => blockToPdf(block, shift, depth));
}

function blockToPdf(block: RichTextBlock, shift: number, depth: number): Content {
  switch (block.type) {
    case 'paragraph':
      return { text: inlineToPdf(block.content), style: 'paragraph' };
    case 'heading': {
      const level = shiftedHeading(block.attrs.level, shift);
      return { text: inlineToPdf(block.content), style: `h${level}`, headlineLevel: level };
    }
    case 'bulletList':
      return {
        ul: block.content.map((item) => itemToPdf(item, shift, depth + 1)),
        type: bulletTypes[depth % bulletTypes.length],
        ...nestedListStyle(depth),
      };
    case 'orderedList':
      return {
        ol: block.content.map((item) => itemToPdf(item, shift, depth + 1)),
        start: block.attrs?.start ?? 1,
        ...nestedListStyle(depth),
      };
    case 'table':
      return richTableToPdf(block.content, shift, depth);
  }
}

/** Space after a list, not after a list nested in an item (the item's own spacing follows it). */
const nestedListStyle = (depth: number) => (depth === 0 ? { style: 'list' } : {});

/** A list item: its first paragraph carries the marker; what follows in the item is stacked under it. */
function itemToPdf(item: RichTextListItem, shift: number, depth: number): Content {
  const parts = item.content.map((block) =>
    block.type === 'paragraph' || block.type === 'heading'
      ? { text: inlineToPdf(block.content), style: 'listItem' }
      : blockToPdf(block, shift, depth),
  );
  return parts.length === 1 ? (parts[0] ?? '') : { stack: parts };
}

/**
 * pdfmake wants a full grid: a cell spanning columns or rows is followed by empty placeholders where the
 * cells it covers would be, while the stored table (like HTML) leaves covered cells out.
 */
function richTableToPdf(rows: readonly RichTextRow[], shift: number, depth: number): Content {
  const grid: TableCell[][] = rows.map(() => []);
  const covered = rows.map(() => new Set<number>());
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.content) {
      while (covered[r]?.has(column)) column += 1;
      const colSpan = cell.attrs?.colspan ?? 1;
      const rowSpan = Math.min(cell.attrs?.rowspan ?? 1, rows.length - r);
      const content = blocksToPdf(cell.content, shift, depth);
      const header = cell.type === 'tableHeader';
      (grid[r] as TableCell[])[column] = {
        stack: content,
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
        ...(header ? { fillColor: tableHeaderFill, bold: true } : {}),
      };
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          if (dr > 0 || dc > 0) covered[r + dr]?.add(column + dc);
        }
      }
      column += colSpan;
    }
  });
  const columns = Math.max(
    1,
    ...grid.map((row, r) => Math.max(row.length, ...[...(covered[r] ?? [])].map((c) => c + 1))),
  );
  const body = grid.map((row) => Array.from({ length: columns }, (_, c): TableCell => row[c] ?? {}));
  const headerRows = rows[0]?.content.every((cell) => cell.type === 'tableHeader') ? 1 : 0;
  return {
    table: { headerRows, widths: Array.from({ length: columns }, () => '*'), body },
    layout: 'partnerskap',
    style: 'table',
  };
}

export const tableHeaderFill = '#E6ECF2';

export function inlineToPdf(content: readonly RichTextInline[] | undefined): ContentText[] {
  return (content ?? []).map((node): ContentText => {
    if (node.type === 'hardBreak') return { text: '\n' };
    const marks = node.marks ?? [];
    const link = marks.find((m) => m.type === 'link');
    return {
      text: node.text,
      ...(marks.some((m) => m.type === 'bold') ? { bold: true } : {}),
      ...(marks.some((m) => m.type === 'italic') ? { italics: true } : {}),
      ...(link?.type === 'link' ? { link: link.attrs.href, ...linkStyle } : {}),
    };
  });
}
