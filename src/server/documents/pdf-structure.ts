/**
 * The tagged PDF's logical structure: what a screen reader or a reflowing viewer reads, and what PDF/A-2a
 * asks for. The flow builds the tree in reading order as it places blocks (a paragraph is placed before the
 * next, a table's cells row by row), and every drawing operation carries the element it belongs to, or says
 * it is an artifact. The painter then hangs the page content on the elements (`pdf-tagging.ts`).
 */

/** A list item's place: which list (by identity) and which of its items; outermost list first. */
export type ListPlace = { list: object; item: number };

/** What a paragraph is: body text or a heading of levels 1–6. */
export type ParagraphRole = 'P' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6';

/** An element of the tree: its standard structure type (Document, Sect, P, H2, L, LI, Lbl, LBody, Table, TR, TH, TD). */
export class StructNode {
  readonly kids: StructNode[] = [];

  constructor(
    readonly role: string,
    /** A table header cell's direction: the column below it or the row beside it. */
    readonly scope?: 'Column' | 'Row',
  ) {}

  add(role: string, scope?: 'Column' | 'Row'): StructNode {
    const node = new StructNode(role, scope);
    this.kids.push(node);
    return node;
  }
}

/**
 * Where drawn content belongs: an element of the tree, or an artifact that is not read: page furniture and
 * a table's header repeated on a later page (`pagination`), cell fills and rules (`layout`).
 */
export type Mark = StructNode | 'pagination' | 'layout';

/** What a paragraph's text is marked as, and its list marker (the item's label). */
export type ParagraphMarks = { text: Mark; label: Mark };

type StructuredParagraph = { spans: readonly { text: string }[]; role?: ParagraphRole; list?: ListPlace[] };

type OpenItem = { list: object; item: number; l: StructNode; label: StructNode | null; body: StructNode };

/**
 * Paragraphs under one element (the document, a kept-together group, a table cell). Consecutive paragraphs
 * of one list make one L; each item is an LI with its marker as Lbl and its paragraphs and nested lists in
 * LBody.
 */
export class Container {
  private open: OpenItem[] = [];

  constructor(readonly node: StructNode) {}

  /** A block that is not a paragraph (a table, a group) ends the lists before it. */
  block(role: string): StructNode {
    this.open = [];
    return this.node.add(role);
  }

  paragraph(p: StructuredParagraph, hasMarker: boolean): ParagraphMarks {
    const path = p.list ?? [];
    path.forEach((place, depth) => {
      const open = this.open[depth];
      if (open && open.list === place.list && open.item === place.item) return;
      const parent = depth === 0 ? this.node : (this.open[depth - 1] as OpenItem).body;
      const l = open && open.list === place.list ? open.l : parent.add('L');
      const li = l.add('LI');
      const label = hasMarker && depth === path.length - 1 ? li.add('Lbl') : null;
      this.open.length = depth;
      this.open.push({ list: place.list, item: place.item, l, label, body: li.add('LBody') });
    });
    this.open.length = path.length;
    const item = this.open.at(-1);
    const parent = item ? item.body : this.node;
    const hasText = p.spans.some((span) => span.text.trim() !== '');
    const text = hasText ? parent.add(p.role ?? 'P') : 'layout';
    return { text, label: item?.label ?? text };
  }
}
