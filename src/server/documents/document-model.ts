import type { RichTextDoc, Run } from '../../shared/contracts/rich-text.js';

/**
 * One small model for every document the server prints (hearing summaries, agreements, case documents). A use
 * case builds it from its data and words; renderDocx and renderPdf lay it out. The renderers add no words of
 * their own except the page label ("Side 2 av 7"), so the caller decides the language of everything else.
 */
export type DocumentModel = {
  /** The written standard of the fixed texts; also set as the document language for spelling and screen readers. */
  language: DocumentLanguage;
  /** On every page but the title page: the county's name and the title in the header, the version in the footer. */
  county: string;
  title: string;
  /** As it should read in the footer, e.g. "Versjon 2" or "Versjon 2, vedtatt 12.03.2025". */
  version: string;
  titlePage?: TitlePage;
  body: DocumentBlock[];
};

export type DocumentLanguage = 'nb' | 'nn';

/** A first page of its own: the title large, an optional subtitle, and facts (label: value) such as the period. */
export type TitlePage = { title: string; subtitle?: string; facts: Fact[] };

export type Fact = { label: string; value: string };

/**
 * - `heading`: levels 1–4, 1 being a chapter; `pageBreakBefore` starts it on a new page.
 * - `paragraph`: plain text (line breaks kept) or runs with bold, italic and links.
 * - `richText`: a body as stored (Tiptap JSON). Its headings (levels 2–4) sit `headingShift` levels deeper,
 *   so a body under a level-2 heading can shift its own headings by one.
 * - `facts`: label and value pairs, laid out as a quiet two-column table.
 * - `list`: plain items, bulleted or numbered.
 * - `table`: a header row repeated on every page, and rows of plain cells (line breaks kept). `widths` are
 *   relative (e.g. [1, 3, 1, 2]); without them the columns share the width equally.
 * - `note`: a paragraph in a quieter style, e.g. "Ingen innspill til denne delen."
 * - `keepTogether`: blocks that belong together (a contribution: its heading, text and facts); the PDF starts
 *   them on the next page rather than split them, unless they are taller than a page. The DOCX lays them
 *   out as if they were not grouped.
 */
export type DocumentBlock =
  | { type: 'heading'; level: HeadingLevel; text: string; pageBreakBefore?: boolean }
  | { type: 'paragraph'; content: string | Run[] }
  | { type: 'note'; text: string }
  | { type: 'richText'; doc: RichTextDoc; headingShift?: 0 | 1 | 2 }
  | { type: 'facts'; items: Fact[] }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { type: 'pageBreak' }
  | { type: 'keepTogether'; blocks: DocumentBlock[] };

export type HeadingLevel = 1 | 2 | 3 | 4;

/** The deepest heading a document has: a rich-text level-4 heading shifted by two. */
export const deepestHeading = 6;

/** A rich-text heading's level in the document, after the block's shift. */
export function shiftedHeading(level: 2 | 3 | 4, shift: number): number {
  return Math.min(level + shift, deepestHeading);
}

const pageWords: Record<DocumentLanguage, { page: string; of: string }> = {
  nb: { page: 'Side', of: 'av' },
  nn: { page: 'Side', of: 'av' },
};

/** "Side 2 av 7": the only words the renderers supply themselves. */
export function pageLabel(language: DocumentLanguage): { page: string; of: string } {
  return pageWords[language];
}

export const languageTag: Record<DocumentLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO' };

/** Plain cell and paragraph text keeps its line breaks; Windows and old Mac line ends count as one. */
export function textLines(text: string): string[] {
  return text.includes('\n') || text.includes('\r') ? text.split(/\r\n|\r|\n/) : [text];
}
