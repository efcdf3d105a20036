import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RichTextDoc } from '../../../shared/contracts/rich-text';
import { normaliseHref } from './LinkDialog';
import { RichText } from './RichText';

const render = (doc: RichTextDoc, headingOffset?: number) =>
  renderToStaticMarkup(<RichText doc={doc} headingOffset={headingOffset} />);

describe('the rich-text renderer', () => {
  it('renders headings under the section, paragraphs with bold, italic and links, and lists', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mål' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Les ' },
            { type: 'text', text: 'planen', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'her',
              marks: [{ type: 'link', attrs: { href: 'https://viken.no/plan' } }],
            },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tre' }] }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] }],
            },
          ],
        },
      ],
    });
    expect(html).toBe(
      '<div class="rich-text"><h3>Mål</h3><p>Les <strong><em>planen</em></strong><br/><a href="https://viken.no/plan">her</a></p>' +
        '<ol start="3"><li><p>Tre</p></li></ol><ul><li><p>Punkt</p></li></ul></div>',
    );
  });

  it('renders a table with its header row heading the columns', () => {
    const cell = (type: 'tableHeader' | 'tableCell', text: string) => ({
      type,
      content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
    });
    const html = render({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', 'Part'), cell('tableHeader', 'Rolle')] },
            {
              type: 'tableRow',
              content: [cell('tableCell', 'Fylket'), { ...cell('tableCell', 'Eier'), attrs: { colspan: 1 } }],
            },
          ],
        },
      ],
    });
    expect(html).toContain('<tr><th scope="col"><p>Part</p></th><th scope="col"><p>Rolle</p></th></tr>');
    expect(html).toContain('<tr><td><p>Fylket</p></td><td colSpan="1"><p>Eier</p></td></tr>');
  });

  it('shows markup in the text as text, and a link that is not to the web or e-mail as plain words', () => {
    const html = render({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
            {
              type: 'text',
              text: 'klikk',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
      ],
    });
    expect(html).toBe('<div class="rich-text"><p>&lt;img src=x onerror=alert(1)&gt;klikk</p></div>');
  });
});

describe('an address typed into the link dialog', () => {
  it('gets https:// when it starts like a host name, and is otherwise kept as typed', () => {
    expect(normaliseHref(' www.viken.no/plan ')).toBe('https://www.viken.no/plan');
    expect(normaliseHref('https://viken.no')).toBe('https://viken.no');
    expect(normaliseHref('mailto:post@viken.no')).toBe('mailto:post@viken.no');
    expect(normaliseHref('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(normaliseHref('post@viken.no')).toBe('post@viken.no');
  });
});
