import { z } from 'zod';
import { safeString } from './common.js';

/**
 * Rich text as the web editor (Tiptap StarterKit + Link + Table) produces it: ProseMirror JSON. It is stored
 * in this one form and rendered from it on screen, in DOCX and in PDF, so the server accepts only what all
 * three can show. Unknown node and mark types are refused (never stored and never rendered); attributes
 * that are not listed here (Tiptap's link `target`/`rel`/`class`, a cell's `colwidth`, alignment) are
 * stripped, because they change nothing that the three renderings share and could carry markup.
 */

export type RichTextMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };
export type RichTextInline = { type: 'text'; text: string; marks?: RichTextMark[] } | { type: 'hardBreak' };
export type RichTextParagraph = { type: 'paragraph'; content?: RichTextInline[] };
export type RichTextHeading = { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: RichTextInline[] };
export type RichTextListItem = { type: 'listItem'; content: RichTextBlock[] };
export type RichTextBulletList = { type: 'bulletList'; content: RichTextListItem[] };
export type RichTextOrderedList = {
  type: 'orderedList';
  attrs?: { start?: number };
  content: RichTextListItem[];
};
export type RichTextCell = {
  type: 'tableCell' | 'tableHeader';
  attrs?: { colspan?: number; rowspan?: number };
  content: RichTextBlock[];
};
export type RichTextRow = { type: 'tableRow'; content: RichTextCell[] };
export type RichTextTable = { type: 'table'; content: RichTextRow[] };
export type RichTextBlock =
  | RichTextParagraph
  | RichTextHeading
  | RichTextBulletList
  | RichTextOrderedList
  | RichTextTable;
export type RichTextDoc = { type: 'doc'; content: RichTextBlock[] };

/** The most one body may take, as JSON (a long section of the general part is a few tens of kB). */
export const richTextMaxBytes = 200 * 1024;
/** Nesting deeper than this is no document anybody writes, and would only strain the parsers. */
export const richTextMaxDepth = 40;

const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * A link may only point to the web or to an e-mail address. The URL is read as a browser reads it (WHATWG),
 * so tricks like ` javascript:` or `java\nscript:` are seen for what they are; relative links are refused.
 */
export function isSafeHref(href: string): boolean {
  try {
    return allowedProtocols.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

const nodeError = { error: 'validation.richTextNode' };
const Href = safeString({ error: 'validation.linkProtocol' })
  .max(2048, { error: 'validation.tooLong' })
  .refine(isSafeHref, { error: 'validation.linkProtocol' });

const Mark: z.ZodType<RichTextMark> = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('bold') }),
    z.object({ type: z.literal('italic') }),
    z.object({ type: z.literal('link'), attrs: z.object({ href: Href }) }),
  ],
  { error: 'validation.richTextMark' },
);

const Inline: z.ZodType<RichTextInline> = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('text'), text: safeString().min(1), marks: z.array(Mark).max(3).optional() }),
    z.object({ type: z.literal('hardBreak') }),
  ],
  nodeError,
);

const inlineContent = z.array(Inline).optional();
const smallSpan = z.number().int().min(1).max(20);
const cellAttrs = z.object({ colspan: smallSpan.optional(), rowspan: smallSpan.optional() }).optional();

const ListItem: z.ZodType<RichTextListItem> = z.object({
  type: z.literal('listItem', nodeError),
  get content() {
    return z.array(Block).min(1);
  },
});

const Cell: z.ZodType<RichTextCell> = z.object({
  type: z.enum(['tableCell', 'tableHeader'], nodeError),
  attrs: cellAttrs,
  get content() {
    return z.array(Block).min(1);
  },
});

const Row: z.ZodType<RichTextRow> = z.object({
  type: z.literal('tableRow', nodeError),
  content: z.array(Cell).min(1).max(50),
});

// Recursive, so OpenAPI needs it as a named component (`RichTextBlock`) to refer to.
const Block: z.ZodType<RichTextBlock> = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('paragraph'), content: inlineContent }),
      z.object({
        type: z.literal('heading'),
        attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
        content: inlineContent,
      }),
      z.object({ type: z.literal('bulletList'), content: z.array(ListItem).min(1) }),
      z.object({
        type: z.literal('orderedList'),
        attrs: z.object({ start: z.number().int().min(0).max(100_000).optional() }).optional(),
        content: z.array(ListItem).min(1),
      }),
      z.object({ type: z.literal('table'), content: z.array(Row).min(1) }),
    ],
    nodeError,
  )
  .meta({ id: 'RichTextBlock' });

/** The stored form: a document of blocks. Used as is for responses (it has no transforms, so it encodes). */
export const RichTextDoc: z.ZodType<RichTextDoc> = z.object({
  type: z.literal('doc', nodeError),
  content: z.array(Block).min(1),
});

/**
 * The form a client sends: checked for size and depth before the structure is read, so a 4 MB string of
 * `[[[[` is refused cheaply instead of exhausting the parser's stack.
 */
export const RichTextInput = z.preprocess((value, ctx) => {
  if (jsonDepth(value) > richTextMaxDepth) {
    ctx.addIssue({ code: 'custom', message: 'validation.richTextTooDeep' });
  } else if (utf8Length(JSON.stringify(value) ?? '') > richTextMaxBytes) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'string',
      maximum: richTextMaxBytes / 1024,
      inclusive: true,
      message: 'validation.richTextTooLarge',
    });
  }
  return value;
}, RichTextDoc);

// Shared with the browser, so no Buffer: TextEncoder is in both.
const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;

/** Depth of nested arrays and objects, walked without recursion (an attacker chooses the depth). */
function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > richTextMaxDepth) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A body with one empty paragraph: what a new section starts with, and what the editor shows as empty. */
export const emptyRichText = (): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** A piece of text with its formatting, for renderers (DOCX, PDF) that need more than the words. */
export type Run = { text: string; bold?: true; italic?: true; href?: string };

/**
 * A document flattened to the blocks a reader sees, in order. Compare diffs these; the DOCX and PDF
 * renderers lay them out. A list item's first paragraph carries its marker (`•`, `3.`); a following
 * paragraph in the same item has an empty marker. A table cell is one block, its paragraphs on separate lines.
 */
export type Block =
  | { type: 'paragraph'; text: string; runs: Run[] }
  | { type: 'heading'; level: 2 | 3 | 4; text: string; runs: Run[] }
  | { type: 'listItem'; ordered: boolean; depth: number; marker: string; text: string; runs: Run[] }
  | {
      type: 'tableCell';
      table: number;
      row: number;
      column: number;
      header: boolean;
      colspan: number;
      rowspan: number;
      text: string;
      runs: Run[];
    };

export function toBlocks(doc: RichTextDoc): Block[] {
  const blocks: Block[] = [];
  let tables = 0;
  const walk = (content: readonly RichTextBlock[], list: { ordered: boolean; depth: number } | null) => {
    for (const block of content) {
      switch (block.type) {
        case 'paragraph':
        case 'heading': {
          const runs = toRuns(block.content);
          const text = runsText(runs);
          if (list) blocks.push({ type: 'listItem', ...list, marker: '', text, runs });
          else if (block.type === 'heading')
            blocks.push({ type: 'heading', level: block.attrs.level, text, runs });
          else blocks.push({ type: 'paragraph', text, runs });
          break;
        }
        case 'bulletList':
        case 'orderedList': {
          const ordered = block.type === 'orderedList';
          const start = block.type === 'orderedList' ? (block.attrs?.start ?? 1) : 1;
          const depth = list ? list.depth + 1 : 0;
          block.content.forEach((item, i) => {
            const first = blocks.length;
            walk(item.content, { ordered, depth });
            const head = blocks[first];
            if (head?.type === 'listItem' && head.depth === depth)
              head.marker = ordered ? `${start + i}.` : '•';
          });
          break;
        }
        case 'table': {
          const table = tables++;
          block.content.forEach((row, r) => {
            row.content.forEach((cell, c) => {
              const runs = cellRuns(cell.content);
              blocks.push({
                type: 'tableCell',
                table,
                row: r,
                column: c,
                header: cell.type === 'tableHeader',
                colspan: cell.attrs?.colspan ?? 1,
                rowspan: cell.attrs?.rowspan ?? 1,
                text: runsText(runs),
                runs,
              });
            });
          });
          break;
        }
      }
    }
  };
  walk(doc.content, null);
  return blocks;
}

/** The words of a document, one block per line: list items with their marker, table rows with cells by ` | `. */
export function toPlainText(doc: RichTextDoc): string {
  const lines: string[] = [];
  let row: { table: number; row: number; cells: string[] } | null = null;
  const flushRow = () => {
    if (row) lines.push(row.cells.join(' | '));
    row = null;
  };
  for (const block of toBlocks(doc)) {
    if (block.type === 'tableCell') {
      if (!row || row.table !== block.table || row.row !== block.row) {
        flushRow();
        row = { table: block.table, row: block.row, cells: [] };
      }
      row.cells.push(block.text.replace(/\n/g, ' '));
      continue;
    }
    flushRow();
    if (block.type === 'listItem') {
      const indent = '  '.repeat(block.depth);
      lines.push(`${indent}${block.marker ? `${block.marker} ` : '  '}${block.text}`);
    } else {
      lines.push(block.text);
    }
  }
  flushRow();
  return lines.join('\n');
}

/** Whether two bodies are the same document, whatever order their keys came in (jsonb reorders them). */
export function sameRichText(a: RichTextDoc, b: RichTextDoc): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A body with no words at all (an empty paragraph, an empty table) counts as empty. */
export function isEmptyRichText(doc: RichTextDoc): boolean {
  return toBlocks(doc).every((block) => block.text.trim() === '');
}

function toRuns(content: readonly RichTextInline[] | undefined): Run[] {
  const runs: Run[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      runs.push({ text: '\n' });
      continue;
    }
    const run: Run = { text: node.text };
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') run.bold = true;
      else if (mark.type === 'italic') run.italic = true;
      else run.href = mark.attrs.href;
    }
    runs.push(run);
  }
  return runs;
}

/** A cell's blocks (usually one paragraph) as one run list, blocks separated by line breaks. */
function cellRuns(content: readonly RichTextBlock[]): Run[] {
  const runs: Run[] = [];
  for (const block of toBlocks({ type: 'doc', content: [...content] })) {
    if (runs.length > 0) runs.push({ text: '\n' });
    runs.push(...block.runs);
  }
  return runs;
}

function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
