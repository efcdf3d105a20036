import type { Run } from '../../shared/contracts/rich-text.js';
import type { ParagraphRole } from './pdf-structure.js';
import type { Paragraph, Span, TextStyle } from './pdf-typesetter.js';

/** The PDF's page, colours and text styles, shared by the document blocks and the rich text. */

// A4 in points, with the same margins as the DOCX (2.2 cm at the sides).
export const page = { width: 595.28, height: 841.89, side: 62, top: 72, bottom: 64 };
export const contentWidth = page.width - 2 * page.side;
const ink = '#1A1A1A';
export const accent = '#1F3A5F';
export const quiet = '#595959';
export const rule = '#A6B4C4';
export const tableHeaderFill = '#E6ECF2';
export const linkColor = '#0B5CAD';

/** The body text and the styles derived from it; headings 1–6 get smaller with depth, 5 and 6 in italics. */
export const bodyText: TextStyle = { size: 10.5, lineHeight: 1.2, color: ink };
export const tableText: TextStyle = { size: 9.5, lineHeight: 1.15, color: ink };
/** Headings 1–6 (index 0 is level 1): smaller with depth, 5 and 6 in italics. */
const headings: readonly { size: number; before: number; after: number; italic?: boolean }[] = [
  { size: 16, before: 14, after: 6 },
  { size: 13.5, before: 12, after: 5 },
  { size: 12, before: 10, after: 4 },
  { size: 11, before: 8, after: 3 },
  { size: 11, before: 8, after: 3, italic: true },
  { size: 10.5, before: 6, after: 3, italic: true },
];
/** Space after a paragraph, a list item, and a whole list or table. */
export const spacing = { paragraph: 6, listItem: 2, list: 6, tableBefore: 2, tableAfter: 10 };

/** Thin rules around every cell, as in the DOCX. */
export const ruledTable = {
  rule: { width: 0.5, color: rule },
  padding: { left: 5, right: 5, top: 3, bottom: 3 },
};
/** Label and value without rules (title page, facts). */
export const factsLayout = { rule: null, padding: { left: 0, right: 10, top: 2, bottom: 2 } };

export function heading(level: number, spans: Span[], pageBreakBefore = false): Paragraph {
  const depth = Math.min(Math.max(level, 1), headings.length);
  const h = headings[depth - 1] as (typeof headings)[number];
  return {
    type: 'paragraph',
    role: `H${depth}` as ParagraphRole,
    spans,
    style: { size: h.size, lineHeight: 1.2, color: accent, bold: true, italic: h.italic ?? false },
    spaceBefore: h.before,
    spaceAfter: h.after,
    keepWithNext: true,
    ...(pageBreakBefore ? { pageBreakBefore } : {}),
  };
}

export function paragraph(
  spans: Span[],
  style: TextStyle = bodyText,
  spaceAfter = spacing.paragraph,
): Paragraph {
  return { type: 'paragraph', spans, style, spaceBefore: 0, spaceAfter };
}

/** How far each level of a list is indented; the marker sits in the indent. */
export const listIndent = 20;

/**
 * The indent a level of a numbered list needs so that its widest number ("99998.") stays in it, right-
 * aligned with a gap before the text: Roboto's digits are 0.5615 em wide, its full stop 0.263 em.
 */
export function numberedIndent(widest: number, style: TextStyle): number {
  const digits = String(Math.max(0, Math.floor(Math.abs(widest)))).length + (widest < 0 ? 1 : 0);
  const marker = (digits * 0.5615 + 0.263) * style.size;
  return Math.max(listIndent, Math.ceil(marker + 0.4 * style.size + 2));
}

export function runsToSpans(runs: readonly Run[]): Span[] {
  return runs.map((run) => ({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(run.href ? { link: run.href, color: linkColor } : {}),
  }));
}
