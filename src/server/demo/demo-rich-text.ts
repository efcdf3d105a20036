import type {
  RichTextBlock,
  RichTextCell,
  RichTextDoc,
  RichTextInline,
  RichTextListItem,
} from '../../shared/contracts/rich-text.js';

/**
 * Small builders for the demo's rich text, so that the texts read as text: `**…**` marks bold words. They
 * make the same Tiptap JSON the editor saves, and the use cases check it like any other body.
 */

/** A line of text; every other piece between `**` is bold. */
export function inline(line: string): RichTextInline[] {
  return line.split('**').flatMap((text, i): RichTextInline[] => {
    if (text === '') return [];
    return i % 2 === 1 ? [{ type: 'text', text, marks: [{ type: 'bold' }] }] : [{ type: 'text', text }];
  });
}

export const p = (line: string): RichTextBlock => ({ type: 'paragraph', content: inline(line) });

export const h3 = (line: string): RichTextBlock => ({
  type: 'heading',
  attrs: { level: 3 },
  content: inline(line),
});

const item = (line: string): RichTextListItem => ({ type: 'listItem', content: [p(line)] });

export const bullets = (...lines: string[]): RichTextBlock => ({
  type: 'bulletList',
  content: lines.map(item),
});

export const numbered = (...lines: string[]): RichTextBlock => ({
  type: 'orderedList',
  content: lines.map(item),
});

const cell = (type: RichTextCell['type'], line: string): RichTextCell => ({ type, content: [p(line)] });

/** A table with one header row. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): RichTextBlock => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
    ...rows.map((row) => ({ type: 'tableRow' as const, content: row.map((c) => cell('tableCell', c)) })),
  ],
});

export const doc = (...blocks: RichTextBlock[]): RichTextDoc => ({ type: 'doc', content: blocks });
