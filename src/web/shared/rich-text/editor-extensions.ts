import { Extension, type Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeHref } from '../../../shared/contracts/rich-text';

/**
 * Esc leaves the text for its toolbar. Inside the text Tab belongs to lists (indent) and tables (next cell),
 * so without a key that always gets out, a keyboard user could be stuck in a table (WCAG 2.1.2).
 */
const EscapeToToolbar = Extension.create<{ onEscape: () => void }>({
  name: 'escapeToToolbar',
  addOptions: () => ({ onEscape: () => {} }),
  addKeyboardShortcuts() {
    return {
      Escape: () => {
        this.options.onEscape();
        return true;
      },
    };
  },
});

/**
 * Exactly what the server's rich-text schema accepts (src/shared/contracts/rich-text.ts): paragraphs,
 * headings 2–4, bold, italic, links to the web or e-mail, bullet and numbered lists and simple tables.
 * Everything else StarterKit brings is turned off, so pasted text from Word keeps only what can be stored
 * and rendered the same on screen, in DOCX and in PDF.
 */
export function editorExtensions(onEscape: () => void): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    EscapeToToolbar.configure({ onEscape }),
  ];
}
