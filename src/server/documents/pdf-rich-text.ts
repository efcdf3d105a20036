import type {
  RichTextBlock,
  RichTextDoc,
  RichTextInline,
  RichTextListItem,
  RichTextRow,
} from '../../shared/contracts/rich-text.js';
import { shiftedHeading } from './document-model.js';
import type { ListPlace } from './pdf-structure.js';
import {
  bodyText,
  contentWidth,
  heading,
  linkColor,
  listIndent,
  numberedIndent,
  paragraph,
  ruledTable,
  spacing,
  tableHeaderFill,
  tableText,
} from './pdf-styles.js';
import type { Block, Cell, Marker, Paragraph, Span, Table, TextStyle } from './pdf-typesetter.js';

const bullets: Marker[] = [{ type: 'disc' }, { type: 'circle' }, { type: 'square' }];

/** A stored rich-text body as blocks for the typesetter. */
export function richTextToPdf(doc: RichTextDoc, headingShift: number): Block[] {
  return doc.content.flatMap((block) => blockToPdf(block, headingShift, bodyText));
}

function blockToPdf(block: RichTextBlock, shift: number, style: TextStyle): Block[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraph(inlineToSpans(block.content), style)];
    case 'heading':
      return [heading(shiftedHeading(block.attrs.level, shift), inlineToSpans(block.content))];
    case 'bulletList':
    case 'orderedList':
      return listToPdf(block, shift, style, 0, 0, []);
    case 'table':
      return [richTable(block.content, shift)];
  }
}

/**
 * A list as one paragraph per item, indented by its depth, the marker before the item's first line; what
 * else an item holds (a second paragraph, a nested list) follows at the item's indent. Numbered lists count
 * from their own start, each nested list from one.
 */
function listToPdf(
  list: Extract<RichTextBlock, { type: 'bulletList' | 'orderedList' }>,
  shift: number,
  style: TextStyle,
  depth: number,
  outer: number,
  path: readonly ListPlace[],
): Paragraph[] {
  const ordered = list.type === 'orderedList';
  // The list's identity for the tagged PDF: its items' paragraphs say they belong to it.
  const identity = {};
  const start = ordered ? (list.attrs?.start ?? 1) : 1;
  const indent = outer + (ordered ? numberedIndent(start + list.content.length - 1, style) : listIndent);
  const out: Paragraph[] = [];
  list.content.forEach((item, i) => {
    const marker: Marker = ordered
      ? { type: 'text', text: `${start + i}.` }
      : (bullets[depth % bullets.length] as Marker);
    out.push(...itemToPdf(item, marker, shift, style, depth, indent, [...path, { list: identity, item: i }]));
  });
  // Space after the whole list, not after a nested one (the item's own spacing follows it).
  const last = out.at(-1);
  if (last && depth === 0) out[out.length - 1] = { ...last, spaceAfter: spacing.list };
  return out;
}

/** An item's blocks at its list's indent; its marker goes on the first line, an empty one if it starts with a list. */
function itemToPdf(
  item: RichTextListItem,
  marker: Marker,
  shift: number,
  style: TextStyle,
  depth: number,
  indent: number,
  list: ListPlace[],
): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of item.content) {
    if (block.type === 'bulletList' || block.type === 'orderedList') {
      if (out.length === 0) out.push({ ...paragraph([], style, 0), indent, marker, list });
      out.push(...listToPdf(block, shift, style, depth + 1, indent, list));
    } else {
      const spans =
        block.type === 'paragraph' || block.type === 'heading'
          ? inlineToSpans(block.content)
          : [{ text: tableAsText(block.content) }];
      out.push({
        ...paragraph(spans, style, spacing.listItem),
        indent,
        list,
        ...(out.length === 0 ? { marker } : {}),
      });
    }
  }
  if (out.length === 0) out.push({ ...paragraph([], style, spacing.listItem), indent, marker, list });
  return out;
}

/** A table in a body: equal columns over the text's width, a first row of header cells repeated on every page. */
function richTable(rows: readonly RichTextRow[], shift: number): Table {
  const columns = Math.max(
    1,
    ...rows.map((row) => row.content.reduce((n, c) => n + (c.attrs?.colspan ?? 1), 0)),
  );
  const cells: Cell[][] = rows.map((row, r) =>
    row.content.map((cell) => {
      const header = cell.type === 'tableHeader';
      const style = header ? { ...tableText, bold: true } : tableText;
      return {
        blocks: cellBlocks(cell.content, shift, style),
        ...((cell.attrs?.colspan ?? 1) > 1 ? { colSpan: cell.attrs?.colspan } : {}),
        ...((cell.attrs?.rowspan ?? 1) > 1 ? { rowSpan: cell.attrs?.rowspan } : {}),
        ...(header
          ? { fill: tableHeaderFill, header: r === 0 ? ('Column' as const) : ('Row' as const) }
          : {}),
      };
    }),
  );
  const headerRows = rows[0]?.content.every((cell) => cell.type === 'tableHeader') ? 1 : 0;
  return {
    type: 'table',
    widths: Array.from({ length: columns }, () => contentWidth / columns),
    rows: cells,
    headerRows,
    layout: ruledTable,
    spaceBefore: spacing.tableBefore,
    spaceAfter: spacing.tableAfter,
  };
}

/**
 * What a cell holds, in the table's smaller text: paragraphs, lists, and headings set bold. A table inside a
 * cell reads as its rows, one line each with the cells separated by "|".
 */
function cellBlocks(blocks: readonly RichTextBlock[], shift: number, style: TextStyle): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.type === 'bulletList' || block.type === 'orderedList')
      out.push(...listToPdf(block, shift, style, 0, 0, []));
    else if (block.type === 'heading')
      out.push(paragraph(inlineToSpans(block.content), { ...style, bold: true }));
    else if (block.type === 'table') out.push(paragraph([{ text: tableAsText(block.content) }], style));
    else out.push(paragraph(inlineToSpans(block.content), style));
  }
  return out.map((p, i) =>
    i === out.length - 1 ? { ...p, spaceAfter: 0 } : { ...p, spaceAfter: Math.min(p.spaceAfter, 4) },
  );
}

function tableAsText(rows: readonly RichTextRow[]): string {
  return rows
    .map((row) =>
      row.content
        .map((cell) =>
          cell.content
            .map((b) => (b.type === 'paragraph' || b.type === 'heading' ? plain(b.content) : ''))
            .join(' '),
        )
        .join(' | '),
    )
    .join('\n');
}

const plain = (content: readonly RichTextInline[] | undefined) =>
  (content ?? []).map((node) => (node.type === 'hardBreak' ? '\n' : node.text)).join('');

export function inlineToSpans(content: readonly RichTextInline[] | undefined): Span[] {
  return (content ?? []).map((node): Span => {
    if (node.type === 'hardBreak') return { text: '\n' };
    const marks = node.marks ?? [];
    const link = marks.find((m) => m.type === 'link');
    return {
      text: node.text,
      ...(marks.some((m) => m.type === 'bold') ? { bold: true } : {}),
      ...(marks.some((m) => m.type === 'italic') ? { italic: true } : {}),
      ...(link?.type === 'link' ? { link: link.attrs.href, color: linkColor } : {}),
    };
  });
}
