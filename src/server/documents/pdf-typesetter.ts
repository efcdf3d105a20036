import PDFDocument from 'pdfkit';
import { type Face, faceOf, faces, fontFiles } from './pdf-fonts.js';
import {
  Container,
  type ListPlace,
  type Mark,
  type ParagraphMarks,
  type ParagraphRole,
  StructNode,
} from './pdf-structure.js';
import { Tagging } from './pdf-tagging.js';

/**
 * A small typesetter on PDFKit: it breaks paragraphs into lines, flows them and tables over pages, and then
 * writes each page with one text operation per run of a line.
 *
 * Why not a layout library: pdfmake, on the same PDFKit, resolves some twenty style properties for every
 * word through a stack of styles and writes every word as a text object of its own; an agreement of fifty
 * pages took half a second to lay out. PDFKit's own wrapping flows text but has no tables that repeat their
 * header or split a row over pages, and no "keep a heading with what follows". What the documents need is
 * small (left-aligned paragraphs in one size each, lists, bordered tables with spans, page furniture), so
 * it is done here, with PDFKit doing what it is good at: fonts, subsetting, text and PDF structure.
 *
 * Measures are in points; y grows downwards from the top of the page, as in PDFKit.
 */

export type Span = { text: string; bold?: boolean; italic?: boolean; link?: string; color?: string };

export type TextStyle = {
  size: number;
  /** A multiple of the font's own line height (ascender to descender). */
  lineHeight: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
};

/** A list marker, drawn in the indent before the first line: a number, or a bullet shape. */
export type Marker = { type: 'text'; text: string } | { type: 'disc' | 'circle' | 'square' };

export type Paragraph = {
  type: 'paragraph';
  spans: Span[];
  style: TextStyle;
  spaceBefore: number;
  spaceAfter: number;
  /** Left indent of every line (a list item's level). */
  indent?: number;
  marker?: Marker;
  /** A heading: never the last thing on a page. */
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
  /** What it is in the tagged PDF: body text (the default) or a heading. */
  role?: ParagraphRole;
  /** A list item's paragraph: the item it belongs to in each list around it, outermost first. */
  list?: ListPlace[];
};

export type TableLayout = {
  /** Thin rules around every cell, or none. */
  rule: { width: number; color: string } | null;
  padding: { left: number; right: number; top: number; bottom: number };
};

/** A cell as stored in HTML and Tiptap: cells covered by another's span are left out of their row. */
export type Cell = {
  blocks: Paragraph[];
  colSpan?: number;
  rowSpan?: number;
  fill?: string;
  /** A header cell (TH) for the column below it or the row beside it; otherwise a data cell (TD). */
  header?: 'Column' | 'Row';
};

export type Table = {
  type: 'table';
  /** Column widths in points. */
  widths: number[];
  rows: Cell[][];
  /** Rows repeated at the top of every page the table runs onto. */
  headerRows: number;
  layout: TableLayout;
  spaceBefore: number;
  spaceAfter: number;
};

export type PageBreak = { type: 'pageBreak' };

/**
 * Blocks that start on the next page rather than straddle a page break, when together they fit on one
 * page; taller than a page, they flow as they would without it. Tagged as a section (Sect).
 */
export type KeepTogether = { type: 'keepTogether'; blocks: (Paragraph | Table)[] };

export type Block = Paragraph | Table | PageBreak | KeepTogether;

export type PageFrame = {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
};

/** What is drawn on a page outside the flow (header and footer), at fixed places. */
export type FurnitureItem = {
  /** Text at the left and at the right of one band across the page, each wrapped when both do not fit. */
  left: Span[];
  right: Span[];
  style: TextStyle;
  x: number;
  y: number;
  width: number;
  /** A rule under the band, this far below its last line. */
  ruleBelow?: { gap: number; width: number; color: string };
};

export type TypesetDocument = {
  frame: PageFrame;
  /** The document's language tag (`nb-NO`), for screen readers and spelling. */
  language: string;
  info: { title: string; author: string; subject: string };
  blocks: Block[];
  /** Header and footer of a page (1-based), knowing how many pages there are. */
  furniture: (page: number, pages: number) => FurnitureItem[];
};

type Fragment = {
  x: number;
  text: string;
  width: number;
  face: Face;
  size: number;
  color: string;
  link?: string;
};
type Line = { height: number; width: number; fragments: Fragment[] };

/**
 * What is drawn: a run of text at its place on the page (a fragment placed), and the shapes of rules and
 * markers, each with what it is in the tagged PDF.
 */
type Op = { mark: Mark } & (
  | (Fragment & { type: 'text'; y: number })
  | {
      type: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      stroke?: { width: number; color: string };
    }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | {
      type: 'circle';
      x: number;
      y: number;
      r: number;
      fill?: string;
      stroke?: { width: number; color: string };
    }
);

/**
 * The PDF of a typeset document: PDF/A-2a, so an archive can keep it and read it in decades (fonts embedded
 * as subsets, sRGB output intent, XMP metadata), and tagged, so a screen reader reads headings, lists and
 * tables for what they are and skips the page furniture.
 */
export async function typeset(document: TypesetDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size: [document.frame.width, document.frame.height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: document.language,
    displayTitle: true,
    info: { Title: document.info.title, Author: document.info.author, Subject: document.info.subject },
  });
  escapeInfoInXmp(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const files = fontFiles();
  for (const face of faces) pdf.registerFont(face, files[face]);

  const metrics = new Metrics(pdf);
  const flow = new Flow(document.frame, metrics);
  flow.place(document.blocks);
  const pages = flow.pages;
  // Measured before anything is painted: painting changes the document's font size, which measuring sets.
  const furniture = pages.map((_, i) => furnitureOps(document.furniture(i + 1, pages.length), metrics));
  const painter = new Painter(pdf, new Tagging(pdf, flow.root));
  pages.forEach((ops, i) => {
    pdf.addPage({ size: [document.frame.width, document.frame.height], margin: 0 });
    painter.paint(ops);
    painter.paint(furniture[i] ?? []);
  });
  pdf.end();
  return ended;
}

/**
 * PDFKit copies the title, author and subject into the XMP metadata as they are, so a title with "&" or "<"
 * would make it broken XML (and the file no longer PDF/A). They are escaped for the XMP only; the document
 * information keeps the plain text, so both say the same.
 */
function escapeInfoInXmp(pdf: PDFKit.PDFDocument): void {
  const endMetadata = pdf.endMetadata.bind(pdf);
  pdf.endMetadata = () => {
    const plain = { ...pdf.info };
    for (const key of ['Title', 'Author', 'Subject', 'Keywords'] as const) {
      const value = pdf.info[key];
      if (typeof value === 'string') pdf.info[key] = escapeXml(value);
    }
    endMetadata();
    Object.assign(pdf.info, plain);
  };
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => xmlEntities[c] ?? c);
}

/**
 * Widths of words per face at size 1, as PDFKit measures them (shaped, with the font's kerning). A word's
 * width depends on the font files only, so they are kept for the process: the documents of one county
 * share most of their words, and shaping a word costs far more than looking it up. Bounded: a face's
 * words are dropped all at once when it holds more than `keptWords`.
 */
const keptWords = 200_000;
const wordWidths = new Map<Face, Map<string, number>>(faces.map((f) => [f, new Map()]));

class Metrics {
  private current: Face | null = null;
  /** The font's height (ascender to descender) at size 1; Roboto's faces share it. */
  readonly em: number;

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    this.use('regular');
    this.em = pdf.currentLineHeight(false);
  }

  private use(face: Face): void {
    if (this.current === face) return;
    this.pdf.font(face).fontSize(1);
    this.current = face;
  }

  width(face: Face, text: string): number {
    const known = wordWidths.get(face) as Map<string, number>;
    let width = known.get(text);
    if (width === undefined) {
      this.use(face);
      width = this.pdf.widthOfString(text);
      if (known.size >= keptWords) known.clear();
      known.set(text, width);
    }
    return width;
  }

  lineHeight(style: TextStyle): number {
    return this.em * style.size * style.lineHeight;
  }

  /** The paragraph's spans broken into lines no wider than `width`; an empty paragraph is one empty line. */
  lines(spans: readonly Span[], style: TextStyle, width: number): Line[] {
    const height = this.lineHeight(style);
    const lines: Line[] = [];
    let fragments: Fragment[] = [];
    let x = 0;
    let space: { span: Span; face: Face } | null = null;
    let word: { span: Span; face: Face; text: string; width: number }[] = [];
    let wordWidth = 0;

    // A line that ends between words ends with a space, drawn after its last word where it shows nothing,
    // so that text read from the file (a screen reader, a copy) keeps the words of two lines apart.
    const endLine = (midWord = false) => {
      const last = fragments.at(-1);
      if (last && !midWord && !last.text.endsWith(' ')) last.text += ' ';
      lines.push({ height, width: x, fragments });
      fragments = [];
      x = 0;
    };
    const append = (span: Span, face: Face, text: string, w: number) => {
      const color = span.color ?? style.color;
      const last = fragments.at(-1);
      if (last && last.face === face && last.color === color && last.link === span.link) {
        last.text += text;
        last.width += w;
      } else {
        fragments.push({
          x,
          text,
          width: w,
          face,
          size: style.size,
          color,
          ...(span.link ? { link: span.link } : {}),
        });
      }
      x += w;
    };
    const endWord = () => {
      if (word.length === 0) return;
      const spaceWidth = space && x > 0 ? this.width(space.face, ' ') * style.size : 0;
      if (x > 0 && x + spaceWidth + wordWidth > width) endLine();
      else if (space && x > 0) append(space.span, space.face, ' ', spaceWidth);
      space = null;
      for (const piece of word) {
        if (piece.width <= width - x) append(piece.span, piece.face, piece.text, piece.width);
        else
          this.breakWord(
            piece,
            style.size,
            width,
            () => x,
            append,
            () => endLine(true),
          );
      }
      word = [];
      wordWidth = 0;
    };

    for (const span of spans) {
      const face = faceOf(span.bold ?? style.bold, span.italic ?? style.italic);
      // Control characters other than tab and the line breaks have no glyph and are left out.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      const text = span.text.replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');
      for (const token of text.split(/(\r\n|[\r\n\v\f\u2028\u2029]|[ \t]+)/)) {
        if (token === '') continue;
        if (/^(\r\n|[\r\n\v\f\u2028\u2029])$/.test(token)) {
          endWord();
          endLine();
          space = null;
        } else if (/^[ \t]+$/.test(token)) {
          endWord();
          space = { span, face };
        } else {
          const w = this.width(face, token) * style.size;
          word.push({ span, face, text: token, width: w });
          wordWidth += w;
        }
      }
    }
    endWord();
    if (fragments.length > 0 || lines.length === 0) {
      lines.push({ height, width: x, fragments });
      fragments = [];
    }
    return lines;
  }

  /** A word wider than the line (a long address, say) is broken between characters. */
  private breakWord(
    piece: { span: Span; face: Face; text: string },
    size: number,
    width: number,
    at: () => number,
    append: (span: Span, face: Face, text: string, w: number) => void,
    endLine: () => void,
  ): void {
    let chunk = '';
    let chunkWidth = 0;
    for (const char of piece.text) {
      const w = this.width(piece.face, char) * size;
      if (at() + chunkWidth + w > width && (chunk !== '' || at() > 0)) {
        if (chunk !== '') append(piece.span, piece.face, chunk, chunkWidth);
        endLine();
        chunk = '';
        chunkWidth = 0;
      }
      chunk += char;
      chunkWidth += w;
    }
    if (chunk !== '') append(piece.span, piece.face, chunk, chunkWidth);
  }
}

/** A measured paragraph in a cell: its lines with their offsets from the top of the cell's content. */
type CellItem = {
  line: Line;
  dy: number;
  x: number;
  marker?: Marker;
  style: TextStyle;
  paragraph: Paragraph;
};

type PlacedCell = {
  source: Cell;
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
  x: number;
  width: number;
  fill?: string;
  items: CellItem[];
  /** Content height plus the vertical padding. */
  height: number;
};

type MeasuredTable = {
  cells: PlacedCell[];
  /** The cells by the row they start in. */
  byRow: PlacedCell[][];
  rowHeights: number[];
  headerRows: number;
  bands: { from: number; to: number }[];
  table: Table;
};

/** Places the blocks on pages, as drawing operations per page. */
class Flow {
  readonly pages: Op[][] = [];
  private ops: Op[] = [];
  private y = 0;
  /** Whether the current page holds anything of the flow yet, and whether it began by running over. */
  private empty = true;
  private overflowed = false;
  private readonly measured = new WeakMap<Paragraph, Line[]>();
  private readonly tables = new WeakMap<Table, MeasuredTable>();
  /** The structure tree, built in reading order; blocks go into the innermost open container. */
  readonly root = new StructNode('Document');
  private container = new Container(this.root);
  /** What the paragraphs of the table being placed are marked as. */
  private cellMarks = new Map<Paragraph, ParagraphMarks>();

  constructor(
    private readonly frame: PageFrame,
    private readonly metrics: Metrics,
  ) {
    this.startPage(false);
  }

  private get contentWidth(): number {
    return this.frame.width - this.frame.left - this.frame.right;
  }

  private get bottom(): number {
    return this.frame.height - this.frame.bottom;
  }

  private get pageHeight(): number {
    return this.bottom - this.frame.top;
  }

  private startPage(overflow: boolean): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = this.frame.top;
    this.empty = true;
    this.overflowed = overflow;
  }

  /** Space above a block, except at the top of a page the flow ran onto. */
  private spaceBefore(space: number): number {
    return this.empty && this.overflowed ? 0 : space;
  }

  place(blocks: readonly Block[]): void {
    this.placeAll(blocks);
    // A document never ends on a page with nothing on it.
    if (this.empty && this.pages.length > 1) this.pages.pop();
  }

  private placeAll(blocks: readonly Block[]): void {
    blocks.forEach((block, i) => {
      if (block.type === 'pageBreak') {
        if (!this.empty) this.startPage(false);
      } else if (block.type === 'paragraph') this.placeParagraph(block, blocks, i);
      else if (block.type === 'table') this.placeTable(block);
      else this.placeKeptTogether(block);
    });
  }

  /** A group goes to the next page when it does not fit below what is there but fits on a page. */
  private placeKeptTogether(group: KeepTogether): void {
    if (!this.empty) {
      const need = this.groupHeight(group, this.spaceBefore(group.blocks[0]?.spaceBefore ?? 0));
      if (this.y + need > this.bottom && need <= this.pageHeight) this.startPage(true);
    }
    const outer = this.container;
    this.container = new Container(outer.block('Sect'));
    this.placeAll(group.blocks);
    this.container = outer;
  }

  /** A group's height from the top of its first block to the foot of its last, with `before` above it. */
  private groupHeight(group: KeepTogether, before: number): number {
    let total = before;
    group.blocks.forEach((block, i) => {
      if (i > 0) total += block.spaceBefore;
      if (block.type === 'paragraph') total += sum(this.paragraphLines(block).map((line) => line.height));
      else total += sum(this.measureTable(block).rowHeights);
      if (i < group.blocks.length - 1) total += block.spaceAfter;
    });
    return total;
  }

  private paragraphLines(p: Paragraph): Line[] {
    let lines = this.measured.get(p);
    if (!lines) {
      lines = this.metrics.lines(p.spans, p.style, this.contentWidth - indentWithin(p, this.contentWidth));
      this.measured.set(p, lines);
    }
    return lines;
  }

  private placeParagraph(p: Paragraph, blocks: readonly Block[], index: number): void {
    if (p.pageBreakBefore && !this.empty) this.startPage(false);
    const lines = this.paragraphLines(p);
    const height = lines.reduce((sum, line) => sum + line.height, 0);
    if (!this.empty) {
      const before = this.spaceBefore(p.spaceBefore);
      // A heading goes to the next page with the start of what follows it; any paragraph's first line
      // does not stay alone at the foot of a page when more of it follows.
      const need = p.keepWithNext
        ? before + height + p.spaceAfter + this.lead(blocks, index + 1)
        : before + (lines[0]?.height ?? 0) + (lines[1]?.height ?? 0);
      if (this.y + need > this.bottom && need <= this.pageHeight) this.startPage(true);
    }
    this.y += this.spaceBefore(p.spaceBefore);
    const x = this.frame.left + indentWithin(p, this.contentWidth);
    const marks = this.container.paragraph(p, Boolean(p.marker));
    lines.forEach((line, i) => {
      if (this.y + line.height > this.bottom && !this.empty) this.startPage(true);
      if (i === 0 && p.marker) this.marker(p.marker, x, this.y, line.height, p.style, marks.label);
      this.line(line, x, this.y, line.height, p.style, marks.text);
      this.y += line.height;
      this.empty = false;
    });
    this.y += p.spaceAfter;
  }

  /**
   * How much of what follows a heading must fit below it: the start of the next block, and all of the
   * headings before that block when several follow each other. Beyond a page it makes no difference.
   */
  private lead(blocks: readonly Block[], index: number): number {
    let total = 0;
    for (let i = index; i < blocks.length && total <= this.pageHeight; i++) {
      const next = blocks[i];
      if (!next || next.type === 'pageBreak') break;
      if (next.type === 'keepTogether') {
        const group = this.groupHeight(next, next.blocks[0]?.spaceBefore ?? 0);
        return total + (group <= this.pageHeight ? group : this.lead(next.blocks, 0));
      }
      if (next.type === 'paragraph') {
        if (next.pageBreakBefore) break;
        const lines = this.paragraphLines(next);
        if (!next.keepWithNext)
          return total + next.spaceBefore + (lines[0]?.height ?? 0) + (lines[1]?.height ?? 0);
        total += next.spaceBefore + sum(lines.map((line) => line.height)) + next.spaceAfter;
        continue;
      }
      const table = this.measureTable(next);
      const header = sum(table.rowHeights.slice(0, table.headerRows));
      const firstBand = table.bands.find((band) => band.from >= table.headerRows);
      const first = firstBand ? sum(table.rowHeights.slice(firstBand.from, firstBand.to + 1)) : 0;
      return total + next.spaceBefore + header + Math.min(first, this.pageHeight / 3);
    }
    return total;
  }

  private measureTable(table: Table): MeasuredTable {
    const known = this.tables.get(table);
    if (known) return known;
    const { padding } = table.layout;
    const grid = placeCells(table.rows, table.widths.length);
    // A row with more cells than the table has columns (possible in stored HTML-like tables) widens the
    // table rather than losing the cells: the columns then share its width equally.
    const total = sum(table.widths);
    const widths =
      grid.columns > table.widths.length
        ? Array.from({ length: grid.columns }, () => total / grid.columns)
        : table.widths;
    const columnX: number[] = [];
    widths.reduce((x, w, i) => {
      columnX[i] = x;
      return x + w;
    }, this.frame.left);
    const byRow: PlacedCell[][] = table.rows.map(() => []);
    const cells: PlacedCell[] = grid.placed.map(({ cell, row, column, colSpan, rowSpan }) => {
      const width = sum(widths.slice(column, column + colSpan));
      const items = this.cellItems(cell.blocks, width - padding.left - padding.right);
      const last = items.at(-1);
      const content = last ? last.dy + last.line.height : 0;
      const placed: PlacedCell = {
        source: cell,
        row,
        column,
        colSpan,
        rowSpan,
        x: columnX[column] ?? this.frame.left,
        width,
        ...(cell.fill ? { fill: cell.fill } : {}),
        items,
        height: content + padding.top + padding.bottom,
      };
      byRow[row]?.push(placed);
      return placed;
    });
    const rowHeights = byRow.map((row) =>
      Math.max(0, ...row.filter((c) => c.rowSpan === 1).map((c) => c.height)),
    );
    // A cell spanning rows that needs more than they give makes the last of them taller.
    for (const cell of cells.filter((c) => c.rowSpan > 1)) {
      const spanned = sum(rowHeights.slice(cell.row, cell.row + cell.rowSpan));
      const last = cell.row + cell.rowSpan - 1;
      if (cell.height > spanned) rowHeights[last] = (rowHeights[last] ?? 0) + cell.height - spanned;
    }
    const bands = bandsOf(cells, table.rows.length);
    // Header rows are repeated as a whole on every page the table runs onto, unless a span crosses the
    // header's end or the header would take more than a third of each page: then they are ordinary rows.
    const headerRows =
      bands.some((b) => b.from < table.headerRows && b.to >= table.headerRows) ||
      sum(rowHeights.slice(0, table.headerRows)) > this.pageHeight / 3
        ? 0
        : table.headerRows;
    const measured = { cells, byRow, rowHeights, headerRows, bands, table };
    this.tables.set(table, measured);
    return measured;
  }

  private cellItems(blocks: readonly Paragraph[], width: number): CellItem[] {
    const items: CellItem[] = [];
    let dy = 0;
    blocks.forEach((p, i) => {
      if (i > 0) dy += p.spaceBefore;
      const indent = indentWithin(p, width);
      const lines = this.metrics.lines(p.spans, p.style, width - indent);
      lines.forEach((line, j) => {
        items.push({
          line,
          dy,
          x: indent,
          style: p.style,
          paragraph: p,
          ...(j === 0 && p.marker ? { marker: p.marker } : {}),
        });
        dy += line.height;
      });
      if (i < blocks.length - 1) dy += p.spaceAfter;
    });
    return items;
  }

  private placeTable(table: Table): void {
    const measured = this.measureTable(table);
    const { rowHeights, headerRows } = measured;
    const header = { from: 0, to: headerRows - 1 };
    const headerHeight = sum(rowHeights.slice(0, headerRows));
    const body = measured.bands.filter((band) => band.from >= headerRows);
    const height = (band: { from: number; to: number }) => sum(rowHeights.slice(band.from, band.to + 1));

    let repeat = false;
    const drawHeader = () => {
      if (headerRows > 0) {
        this.band(measured, header, this.y, repeat);
        this.y += headerHeight;
      }
      repeat = true;
    };
    if (!this.empty) {
      const first = body[0] ? Math.min(height(body[0]), this.pageHeight / 3) : 0;
      const need = this.spaceBefore(table.spaceBefore) + headerHeight + first;
      if (this.y + need > this.bottom && need <= this.pageHeight) this.startPage(true);
    }
    this.y += this.spaceBefore(table.spaceBefore);
    this.tagTable(measured);
    drawHeader();
    this.empty = false;
    for (const band of body) {
      const h = height(band);
      if (this.y + h > this.bottom) {
        if (headerHeight + h <= this.pageHeight) {
          this.startPage(true);
          drawHeader();
        } else {
          this.splitBand(measured, band, drawHeader);
          continue;
        }
      }
      this.band(measured, band, this.y, false);
      this.y += h;
      this.empty = false;
    }
    this.y += table.spaceAfter;
  }

  /**
   * The table's elements: a row (TR) per row, a cell (TH or TD) per cell. A cell of one paragraph holds its
   * text; a cell of several holds them as paragraphs and lists.
   */
  private tagTable(table: MeasuredTable): void {
    const element = this.container.block('Table');
    this.cellMarks = new Map();
    for (const row of table.byRow) {
      const tr = element.add('TR');
      for (const cell of row) {
        const { header, blocks } = cell.source;
        const td = tr.add(header ? 'TH' : 'TD', header);
        const [only] = blocks;
        if (only && blocks.length === 1 && !only.list && !only.marker) {
          this.cellMarks.set(only, { text: td, label: td });
          continue;
        }
        const inside = new Container(td);
        for (const p of blocks) this.cellMarks.set(p, inside.paragraph(p, Boolean(p.marker)));
      }
    }
  }

  /** Draws rows `from`–`to` with their top at `top`; a header repeated on a later page is an artifact. */
  private band(table: MeasuredTable, band: { from: number; to: number }, top: number, repeat: boolean): void {
    const rowTop = (row: number) => top + sum(table.rowHeights.slice(band.from, row));
    for (const cell of table.byRow.slice(band.from, band.to + 1).flat()) {
      const y = rowTop(cell.row);
      const h = sum(table.rowHeights.slice(cell.row, cell.row + cell.rowSpan));
      this.cell(table.table.layout, cell, cell.items, y, h, repeat);
    }
  }

  /**
   * Rows taller than a page: each row on its own (a span over rows then reads as a cell of its first
   * row), its cells continued line by line on the next pages under the repeated header, so no word is lost.
   */
  private splitBand(table: MeasuredTable, band: { from: number; to: number }, drawHeader: () => void): void {
    const { padding } = table.table.layout;
    for (let row = band.from; row <= band.to; row++) {
      let parts = (table.byRow[row] ?? []).map((cell) => ({ cell, items: cell.items }));
      let first = true;
      while (first || parts.some((p) => p.items.length > 0)) {
        first = false;
        let available = this.bottom - this.y - padding.top - padding.bottom;
        const smallest = Math.min(...parts.flatMap((p) => p.items.slice(0, 1).map((i) => i.line.height)));
        if (Number.isFinite(smallest) && available < smallest) {
          this.startPage(true);
          drawHeader();
          available = this.bottom - this.y - padding.top - padding.bottom;
        }
        // On a page of its own a cell takes at least one line, however tall, so the table always moves on.
        const fresh = this.empty && available > 0;
        const taken = parts.map(({ cell, items }) => {
          const offset = items[0]?.dy ?? 0;
          const fits = items.filter((i) => i.dy - offset + i.line.height <= available).length;
          const kept = items.slice(0, fresh ? Math.max(1, fits) : fits);
          const moved = kept.map((i) => ({ ...i, dy: i.dy - offset }));
          const last = moved.at(-1);
          return {
            cell,
            moved,
            rest: items.slice(kept.length),
            height: last ? last.dy + last.line.height : 0,
          };
        });
        const more = taken.some((t) => t.rest.length > 0);
        const h = more
          ? this.bottom - this.y
          : Math.max(...taken.map((t) => t.height)) + padding.top + padding.bottom;
        for (const t of taken) this.cell(table.table.layout, t.cell, t.moved, this.y, h, false);
        this.y += h;
        this.empty = false;
        parts = taken.map((t) => ({ cell: t.cell, items: t.rest }));
        if (more) {
          this.startPage(true);
          drawHeader();
        }
      }
    }
  }

  private cell(
    layout: TableLayout,
    cell: PlacedCell,
    items: readonly CellItem[],
    y: number,
    h: number,
    repeat: boolean,
  ): void {
    const mark = 'layout';
    if (cell.fill) this.ops.push({ type: 'rect', x: cell.x, y, w: cell.width, h, fill: cell.fill, mark });
    if (layout.rule)
      this.ops.push({ type: 'rect', x: cell.x, y, w: cell.width, h, stroke: layout.rule, mark });
    const x = cell.x + layout.padding.left;
    const top = y + layout.padding.top;
    for (const item of items) {
      const marks = repeat
        ? { text: 'pagination' as const, label: 'pagination' as const }
        : (this.cellMarks.get(item.paragraph) ?? { text: 'layout' as const, label: 'layout' as const });
      if (item.marker)
        this.marker(item.marker, x + item.x, top + item.dy, item.line.height, item.style, marks.label);
      this.line(item.line, x + item.x, top + item.dy, item.line.height, item.style, marks.text);
    }
  }

  /** A line's runs; the line's extra leading is shared above and below the text. */
  private line(line: Line, x: number, y: number, height: number, style: TextStyle, mark: Mark): void {
    const textTop = y + (height - this.metrics.em * style.size) / 2;
    for (const f of line.fragments) {
      this.ops.push({ ...f, type: 'text', x: x + f.x, y: textTop, mark });
    }
  }

  /** A number right-aligned before the text, or a bullet shape centred on the first line's x-height. */
  private marker(marker: Marker, x: number, y: number, height: number, style: TextStyle, mark: Mark): void {
    if (marker.type === 'text') {
      const [line] = this.metrics.lines([{ text: marker.text }], style, Number.POSITIVE_INFINITY);
      if (line) this.line(line, x - line.width - style.size * 0.4, y, height, style, mark);
      return;
    }
    const r = style.size * 0.17;
    const cx = x - style.size * 0.85;
    const cy = y + height / 2 + style.size * 0.05;
    if (marker.type === 'square')
      this.ops.push({ type: 'rect', x: cx - r, y: cy - r, w: 2 * r, h: 2 * r, fill: style.color, mark });
    else if (marker.type === 'circle')
      this.ops.push({ type: 'circle', x: cx, y: cy, r, stroke: { width: 0.6, color: style.color }, mark });
    else this.ops.push({ type: 'circle', x: cx, y: cy, r, fill: style.color, mark });
  }
}

/**
 * Where each cell of an HTML-like table goes: the next column its row has free (cells covered by a span
 * from above are left out of their row), spanning at most the columns there are. A cell with no column left
 * adds one, so no cell is lost.
 */
function placeCells(
  rows: readonly Cell[][],
  columns: number,
): {
  placed: { cell: Cell; row: number; column: number; colSpan: number; rowSpan: number }[];
  columns: number;
} {
  const covered = rows.map(() => new Set<number>());
  const placed: { cell: Cell; row: number; column: number; colSpan: number; rowSpan: number }[] = [];
  let width = Math.max(1, columns);
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (covered[r]?.has(column)) column += 1;
      if (column >= width) width = column + 1;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, width - column));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      placed.push({ cell, row: r, column, colSpan, rowSpan });
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) if (dr > 0 || dc > 0) covered[r + dr]?.add(column + dc);
      column += colSpan;
    }
  });
  return { placed, columns: width };
}

/** A paragraph's indent, but never so deep that less than four em of the width is left for its text. */
function indentWithin(p: Paragraph, width: number): number {
  return Math.max(0, Math.min(p.indent ?? 0, width - 4 * p.style.size));
}

/** Groups of rows that spans join: a group is never split between pages unless it is taller than a page. */
function bandsOf(cells: readonly PlacedCell[], rows: number): { from: number; to: number }[] {
  const reach = Array.from({ length: rows }, (_, r) => r);
  for (const cell of cells) {
    const end = cell.row + cell.rowSpan - 1;
    if (end > (reach[cell.row] ?? 0)) reach[cell.row] = end;
  }
  const bands: { from: number; to: number }[] = [];
  let from = 0;
  let to = -1;
  for (let r = 0; r < rows; r++) {
    to = Math.max(to, reach[r] ?? r);
    if (r === to) {
      bands.push({ from, to });
      from = r + 1;
    }
  }
  return bands;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Header and footer lines per side at most: more would reach into the body or off the page. */
const furnitureLines = 2;

function furnitureOps(items: readonly FurnitureItem[], metrics: Metrics): Op[] {
  const ops: Op[] = [];
  const gap = 12;
  for (const item of items) {
    const natural = (spans: Span[]) =>
      metrics.lines(spans, item.style, Number.POSITIVE_INFINITY)[0]?.width ?? 0;
    const leftWidth = natural(item.left);
    const rightWidth = natural(item.right);
    // Both on one line when they fit; otherwise the right-hand text gets what the left leaves, and at
    // least half the width when it needs that much.
    const right =
      leftWidth + gap + rightWidth <= item.width
        ? rightWidth
        : Math.min(rightWidth, Math.max(item.width / 2, item.width - gap - leftWidth));
    const left = item.width - gap - right;
    let bottom = item.y;
    const write = (spans: Span[], x: number, width: number, align: 'left' | 'right') => {
      let y = item.y;
      for (const line of fitted(metrics, spans, item.style, width)) {
        const start = align === 'right' ? x + width - line.width : x;
        for (const f of line.fragments)
          ops.push({ ...f, type: 'text', x: start + f.x, y, mark: 'pagination' });
        y += line.height;
      }
      bottom = Math.max(bottom, y);
    };
    write(item.left, item.x, left, 'left');
    write(item.right, item.x + item.width - right, right, 'right');
    if (item.ruleBelow) {
      const y = bottom + item.ruleBelow.gap;
      ops.push({
        type: 'line',
        x1: item.x,
        y1: y,
        x2: item.x + item.width,
        y2: y,
        width: item.ruleBelow.width,
        color: item.ruleBelow.color,
        mark: 'pagination',
      });
    }
  }
  return ops;
}

/**
 * A header or footer text in at most `furnitureLines` lines: a longer one is cut at a word where it can
 * be, and ends with "…". The same text comes back on every page, so the cut is found once.
 */
const fittedTexts = new WeakMap<Metrics, Map<string, Line[]>>();

function fitted(metrics: Metrics, spans: Span[], style: TextStyle, width: number): Line[] {
  const lines = metrics.lines(spans, style, width);
  if (lines.length <= furnitureLines) return lines;
  const text = spans.map((s) => s.text).join('');
  const key = `${width}\u0000${text}`;
  let known = fittedTexts.get(metrics);
  if (!known) {
    known = new Map();
    fittedTexts.set(metrics, known);
  }
  const cached = known.get(key);
  if (cached) return cached;
  const fits = (n: number) =>
    metrics.lines([{ text: `${text.slice(0, n).trimEnd()}…` }], style, width).length <= furnitureLines;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  const space = text.lastIndexOf(' ', low);
  const cut = space > low / 2 ? space : low;
  const result = metrics.lines([{ text: `${text.slice(0, cut).trimEnd()}…` }], style, width);
  known.set(key, result);
  return result;
}

/** Writes the operations with PDFKit, setting font, size and colour only when they change. */
class Painter {
  private face: Face | null = null;
  private size = 0;
  private color = '';

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly tagging: Tagging,
  ) {}

  paint(ops: readonly Op[]): void {
    const pdf = this.pdf;
    this.face = null;
    this.color = '';
    for (const op of ops) {
      const link = this.tagging.enter(op.mark, op.type === 'text' ? op.link : undefined);
      switch (op.type) {
        case 'text':
          if (op.face !== this.face || op.size !== this.size) {
            pdf.font(op.face).fontSize(op.size);
            this.face = op.face;
            this.size = op.size;
          }
          this.fill(op.color);
          pdf.text(op.text, op.x, op.y, {
            lineBreak: false,
            // PDFKit sizes the underline from the measured width it is given.
            textWidth: op.width,
            wordCount: 1,
            ...(op.link ? { underline: true } : {}),
          } as PDFKit.Mixins.TextOptions);
          // The annotation belongs to the Link element that holds the link's text.
          if (op.link) pdf.link(op.x, op.y, op.width, pdf.currentLineHeight(), op.link, linkOptions(link));
          break;
        case 'rect':
          pdf.rect(op.x, op.y, op.w, op.h);
          this.shape(op.fill, op.stroke);
          break;
        case 'circle':
          pdf.circle(op.x, op.y, op.r);
          this.shape(op.fill, op.stroke);
          break;
        case 'line':
          pdf.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).strokeColor(op.color).stroke();
          break;
      }
    }
    this.tagging.leave();
  }

  private fill(color: string): void {
    if (color !== this.color) {
      this.pdf.fillColor(color);
      this.color = color;
    }
  }

  private shape(fill: string | undefined, stroke: { width: number; color: string } | undefined): void {
    if (fill) {
      this.fill(fill);
      this.pdf.fill();
    } else if (stroke) {
      this.pdf.lineWidth(stroke.width).strokeColor(stroke.color).stroke();
    }
  }
}

/** PDFKit takes the structure element of a link annotation as an option its type definitions leave out. */
function linkOptions(parent: PDFKit.PDFStructureElement | undefined): PDFKit.Mixins.AnnotationOption {
  return (parent ? { structParent: parent } : {}) as PDFKit.Mixins.AnnotationOption;
}
