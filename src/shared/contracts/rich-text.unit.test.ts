import { describe, expect, it } from 'vitest';
import {
  emptyRichText,
  isEmptyRichText,
  isSafeHref,
  type RichTextDoc,
  RichTextInput,
  richTextMaxBytes,
  toBlocks,
  toPlainText,
} from './rich-text.js';

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const cell = (t: string, type = 'tableCell') => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [p(text(t))],
});

/** What Tiptap StarterKit + Link + Table produces for a small section. */
const tiptapDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Formål')] },
    p(
      text('Avtalen skal '),
      text('styrke', [{ type: 'bold' }]),
      text(' samarbeidet, se '),
      text('viken.no', [
        {
          type: 'link',
          attrs: {
            href: 'https://viken.no',
            target: '_blank',
            rel: 'noopener noreferrer nofollow',
            class: null,
          },
        },
      ]),
      { type: 'hardBreak' },
      text('og mer.', [{ type: 'italic' }]),
    ),
    { type: 'bulletList', content: [li(p(text('Samferdsel'))), li(p(text('Kompetanse')))] },
    {
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [li(p(text('Tredje')), { type: 'bulletList', content: [li(p(text('Under')))] })],
    },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('Part', 'tableHeader'), cell('Rolle', 'tableHeader')] },
        { type: 'tableRow', content: [cell('Viken'), cell('Fylkeskommune')] },
      ],
    },
  ],
};

const parse = (value: unknown) => RichTextInput.safeParse(value);
const issuesOf = (value: unknown) =>
  parse(value).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('RichTextInput', () => {
  it('accepts what the editor produces and strips the attributes nobody renders', () => {
    const result = parse(tiptapDoc);
    expect(result.success).toBe(true);
    const doc = result.data as RichTextDoc;
    expect(doc.content[1]).toMatchObject({
      content: [{}, {}, {}, { marks: [{ type: 'link', attrs: { href: 'https://viken.no' } }] }, {}, {}],
    });
    expect(JSON.stringify(doc)).not.toContain('noopener');
    expect(JSON.stringify(doc)).not.toContain('colwidth');
    expect(doc.content[3]).toEqual({
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        {
          type: 'listItem',
          content: [p(text('Tredje')), { type: 'bulletList', content: [li(p(text('Under')))] }],
        },
      ],
    });
  });

  it('accepts the empty body a new section starts with', () => {
    expect(parse(emptyRichText()).success).toBe(true);
  });

  it.each([
    [
      'a blockquote',
      { type: 'doc', content: [{ type: 'blockquote', content: [p(text('x'))] }] },
      'content.0.type',
    ],
    [
      'a code block',
      { type: 'doc', content: [{ type: 'codeBlock', content: [text('x')] }] },
      'content.0.type',
    ],
    [
      'an image',
      { type: 'doc', content: [p({ type: 'image', attrs: { src: 'x.png' } })] },
      'content.0.content.0.type',
    ],
    ['text straight in the document', { type: 'doc', content: [text('x')] }, 'content.0.type'],
    ['a list item outside a list', { type: 'doc', content: [li(p(text('x')))] }, 'content.0.type'],
    [
      'a paragraph straight in a list',
      { type: 'doc', content: [{ type: 'bulletList', content: [p()] }] },
      'content.0.content.0.type',
    ],
  ])('refuses %s as a node that is not allowed', (_, doc, path) => {
    expect(issuesOf(doc)).toContainEqual([path, 'validation.richTextNode']);
  });

  it.each(['strike', 'code', 'underline', 'highlight'])('refuses the mark %s', (mark) => {
    expect(issuesOf({ type: 'doc', content: [p(text('x', [{ type: mark }]))] })).toEqual([
      ['content.0.content.0.marks.0.type', 'validation.richTextMark'],
    ]);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '/relative/path',
    'viken.no',
  ])('refuses the link %j', (href) => {
    expect(issuesOf({ type: 'doc', content: [p(text('x', [{ type: 'link', attrs: { href } }]))] })).toEqual([
      ['content.0.content.0.marks.0.attrs.href', 'validation.linkProtocol'],
    ]);
  });

  it.each(['https://viken.no/a?b=c#d', 'http://example.com', 'mailto:post@viken.no'])(
    'accepts the link %j',
    (href) => {
      expect(isSafeHref(href)).toBe(true);
    },
  );

  it.each([1, 5, '2'])('refuses heading level %j (the section title is the level 1)', (level) => {
    const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level }, content: [text('x')] }] };
    expect(issuesOf(doc).map(([field]) => field)).toEqual(['content.0.attrs.level']);
  });

  it('refuses a cell spanning more than 20 columns', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ ...cell('x'), attrs: { colspan: 99 } }] }],
        },
      ],
    };
    expect(issuesOf(doc).map(([f]) => f)).toEqual(['content.0.content.0.content.0.attrs.colspan']);
  });

  it('refuses a body larger than the limit, before reading its structure', () => {
    const big = { type: 'doc', content: [p(text('x'.repeat(richTextMaxBytes)))] };
    expect(issuesOf(big)).toEqual([['', 'validation.richTextTooLarge']]);
    expect(parse(big).error?.issues[0]).toMatchObject({ maximum: 200 });
  });

  it('refuses absurd nesting without exhausting the stack', () => {
    let deep: unknown = p(text('x'));
    for (let i = 0; i < 100_000; i++) deep = { type: 'bulletList', content: [li(deep)] };
    expect(issuesOf({ type: 'doc', content: [deep] })).toEqual([['', 'validation.richTextTooDeep']]);
  });

  it('refuses something that is not a document at all', () => {
    expect(issuesOf('<p>hei</p>')).toEqual([['', expect.any(String)]]);
    expect(issuesOf({ type: 'doc', content: [] }).map(([f]) => f)).toEqual(['content']);
  });
});

describe('toBlocks', () => {
  const doc = RichTextInput.parse(tiptapDoc) as RichTextDoc;

  it('flattens the document to what a reader sees, in order', () => {
    expect(toBlocks(doc).map((b) => [b.type, b.text])).toEqual([
      ['heading', 'Formål'],
      ['paragraph', 'Avtalen skal styrke samarbeidet, se viken.no\nog mer.'],
      ['listItem', 'Samferdsel'],
      ['listItem', 'Kompetanse'],
      ['listItem', 'Tredje'],
      ['listItem', 'Under'],
      ['tableCell', 'Part'],
      ['tableCell', 'Rolle'],
      ['tableCell', 'Viken'],
      ['tableCell', 'Fylkeskommune'],
    ]);
  });

  it('keeps list markers, depth, table coordinates and formatting for the renderers', () => {
    const blocks = toBlocks(doc);
    expect(blocks[4]).toMatchObject({ ordered: true, depth: 0, marker: '3.' });
    expect(blocks[5]).toMatchObject({ ordered: false, depth: 1, marker: '•' });
    expect(blocks[7]).toMatchObject({ table: 0, row: 0, column: 1, header: true, colspan: 1 });
    expect(blocks[8]).toMatchObject({ table: 0, row: 1, column: 0, header: false });
    expect(blocks[1]?.runs).toEqual([
      { text: 'Avtalen skal ' },
      { text: 'styrke', bold: true },
      { text: ' samarbeidet, se ' },
      { text: 'viken.no', href: 'https://viken.no' },
      { text: '\n' },
      { text: 'og mer.', italic: true },
    ]);
  });

  it('marks a second paragraph in the same list item as a continuation', () => {
    const blocks = toBlocks({
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
                { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
              ],
            },
          ],
        },
      ],
    });
    expect(blocks.map((b) => (b.type === 'listItem' ? b.marker : null))).toEqual(['•', '']);
  });
});

describe('toPlainText', () => {
  it('writes one block per line, list items with markers and table rows with their cells', () => {
    expect(toPlainText(RichTextInput.parse(tiptapDoc) as RichTextDoc)).toBe(
      [
        'Formål',
        'Avtalen skal styrke samarbeidet, se viken.no\nog mer.',
        '• Samferdsel',
        '• Kompetanse',
        '3. Tredje',
        '  • Under',
        'Part | Rolle',
        'Viken | Fylkeskommune',
      ].join('\n'),
    );
  });
});

describe('isEmptyRichText', () => {
  it('counts a body without words as empty, whatever its structure', () => {
    expect(isEmptyRichText(emptyRichText())).toBe(true);
    expect(
      isEmptyRichText({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '   ' }] },
          { type: 'heading', attrs: { level: 2 } },
        ],
      }),
    ).toBe(true);
    expect(
      isEmptyRichText({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
      }),
    ).toBe(false);
  });
});

describe('characters that cannot be stored', () => {
  it.each([
    ['a lone high surrogate', 'Formål \uD800'],
    ['a lone low surrogate', '\uDC00 Formål'],
    ['a NUL character', 'Form\u0000ål'],
  ])('refuses %s in a text node with the characters key', (_name, bad) => {
    const result = RichTextInput.safeParse({ type: 'doc', content: [p(text(bad))] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('validation.characters');
  });

  it('refuses a lone surrogate in a link', () => {
    const link = text('viken', [{ type: 'link', attrs: { href: 'https://viken.no/\uD800' } }]);
    expect(RichTextInput.safeParse({ type: 'doc', content: [p(link)] }).success).toBe(false);
  });

  it('keeps emoji, which are a pair of surrogates', () => {
    expect(RichTextInput.safeParse({ type: 'doc', content: [p(text('Bra 😀'))] }).success).toBe(true);
  });
});
