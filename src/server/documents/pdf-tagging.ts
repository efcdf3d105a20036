import type { Mark, StructNode } from './pdf-structure.js';

/** PDFKit takes a header cell's scope as an option of `struct`, which its type definitions leave out. */
type ElementOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

/**
 * Marks the content of a tagged PDF as it is painted: each run of operations of one element becomes a
 * marked-content sequence hung on that element (an element continued on the next page gets a sequence
 * there too), artifacts are marked as such, and a link is a Link element with its text and its annotation.
 */
export class Tagging {
  private readonly elements = new Map<StructNode, PDFKit.PDFStructureElement>();
  private current: { mark: Mark; link: string | undefined } | null = null;
  /** The link being written, so that a link's text over two lines is one Link element. */
  private link: { parent: StructNode; href: string; element: PDFKit.PDFStructureElement } | null = null;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    root: StructNode,
  ) {
    const document = pdf.struct(root.role);
    pdf.addStructure(document);
    this.elements.set(root, document);
    this.build(root, document);
  }

  private build(node: StructNode, element: PDFKit.PDFStructureElement): void {
    for (const kid of node.kids) {
      const options: ElementOptions = kid.scope ? { scope: kid.scope } : {};
      const child = this.pdf.struct(kid.role, options);
      element.add(child);
      this.elements.set(kid, child);
      this.build(kid, child);
    }
  }

  /**
   * Opens the sequence an operation belongs to, unless it is open already. Returns the Link element that a
   * link's annotation belongs to.
   */
  enter(mark: Mark, href?: string): PDFKit.PDFStructureElement | undefined {
    if (this.current && this.current.mark === mark && this.current.link === href) return this.link?.element;
    this.leave();
    this.current = { mark, link: href };
    if (typeof mark === 'string') {
      this.link = null;
      this.pdf.markContent('Artifact', { type: mark === 'pagination' ? 'Pagination' : 'Layout' });
      return undefined;
    }
    const parent = this.elements.get(mark);
    if (!parent) throw new Error(`structure element ${mark.role} was not built`);
    if (!href) {
      this.link = null;
      parent.add(this.pdf.markStructureContent(mark.role));
      return undefined;
    }
    if (!this.link || this.link.parent !== mark || this.link.href !== href) {
      const element = this.pdf.struct('Link');
      parent.add(element);
      this.link = { parent: mark, href, element };
    }
    this.link.element.add(this.pdf.markStructureContent('Link'));
    return this.link.element;
  }

  /** Closes the open sequence: at the end of a page, and before another opens. */
  leave(): void {
    if (!this.current) return;
    this.pdf.endMarkedContent();
    this.current = null;
  }
}
