import type { Content, Node, NodeQueries, Table } from 'pdfmake/interfaces';

/**
 * How the PDF's content flows over pages: a heading stays with what follows it, the page header and footer
 * are told apart from the body, and the document does not end on an empty page. (Word does the first with
 * the heading styles' "keep with next"; pdfmake has no such setting.)
 *
 * A heading is kept with what follows in two ways. When what follows is short enough that heading and all
 * of it surely fit on one page, they are laid out as one unbreakable block: that costs nothing. Otherwise
 * (a long table, a long paragraph) pdfmake's pageBreakBefore moves a heading left alone at the foot of a
 * page to the next one, which costs a new layout of the whole document per heading moved; so the cheap
 * way is taken wherever it is safe. (An unbreakable block taller than a page would lose what does not fit,
 * so "surely fits" is estimated generously: narrow lines, and at most half a page.)
 */

/** Estimated lines of body text (about 15 pt each) that a block kept with its heading may take. */
const keptLinesBudget = 25;
/** Characters per line of the body's width, set low so that an estimate is never short. */
const charsPerLine = 60;

type Flow = {
  text?: unknown;
  stack?: unknown[];
  ul?: unknown[];
  ol?: unknown[];
  table?: { body: unknown[][]; widths?: unknown[] };
  headlineLevel?: number;
  pageBreak?: string;
  unbreakable?: boolean;
  marginBottom?: number;
};

const asFlow = (node: unknown): Flow | null =>
  typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Flow) : null;

const isHeading = (node: unknown) => (asFlow(node)?.headlineLevel ?? 0) > 0;

/** Joins each heading with the block after it into one unbreakable block, where both surely fit a page. */
export function keepHeadingsWithNext(items: Content[]): Content[] {
  const out: Content[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as Content;
    const next = out[0];
    const heading = asFlow(item);
    if (!heading || !isHeading(item) || next === undefined) {
      out.unshift(item);
      continue;
    }
    const nextFlow = asFlow(next);
    const following = nextFlow?.unbreakable && nextFlow.stack ? nextFlow.stack : [next];
    if (
      estimateLines(item) + following.reduce((sum: number, n) => sum + estimateLines(n), 0) >
      keptLinesBudget
    ) {
      out.unshift(item);
      continue;
    }
    // A page break asked of the heading is the block's, or it would happen inside it.
    const { pageBreak, ...rest } = heading;
    out[0] = {
      stack: [rest as Content, ...(following as Content[])],
      unbreakable: true,
      ...(pageBreak ? { pageBreak } : {}),
    } as Content;
  }
  return out;
}

/** A generous estimate of a block's height in lines; a kind of block not known here counts as too tall. */
export function estimateLines(node: unknown, width = charsPerLine): number {
  if (typeof node === 'string' || typeof node === 'number') return textLines(String(node), width);
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + estimateLines(n, width), 0);
  const flow = asFlow(node);
  if (!flow) return 0;
  if (flow.text !== undefined) {
    // Headings are set larger: fewer characters to a line, and space around them.
    return flow.headlineLevel
      ? 2 * textLines(plainText(flow.text), 40) + 1
      : textLines(plainText(flow.text), width) + 0.5;
  }
  if (flow.stack) return estimateLines(flow.stack, width);
  const items = flow.ul ?? flow.ol;
  if (items) return estimateLines(items, width - 4) + 0.5;
  if (flow.table) {
    const columns = flow.table.body[0]?.length ?? 1;
    return flow.table.body.reduce<number>((sum, row) => {
      const tallest = Math.max(
        0,
        ...row.map((cell) => estimateLines(cell, Math.max(6, Math.floor(width / columns)))),
      );
      return sum + tallest + 0.5;
    }, 0.5);
  }
  return Number.POSITIVE_INFINITY;
}

function textLines(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / width)), 0);
}

function plainText(text: unknown): string {
  if (typeof text === 'string' || typeof text === 'number') return String(text);
  if (Array.isArray(text)) return text.map(plainText).join('');
  return plainText(asFlow(text)?.text ?? '');
}

/**
 * pageBreakBefore: a heading never ends a page. When what follows it starts on the next page, it moves there
 * too. What follows is the next node of the body on the page: pdfmake lists the page header and footer among
 * a page's nodes (with positions that say nothing), so their nodes carry a headline level of 0 to be told
 * apart. A table whose first rows do not fit is moved whole to the next page, but its header cells keep the
 * positions of the page it was first tried on, so for a table what counts is where its first body row went.
 */
export function movesLoneHeadings(node: Node, queries: NodeQueries): boolean {
  if (!node.headlineLevel) return false;
  const page = node.pageNumbers?.[0] ?? 0;
  const inBody = (other: Node) => other.headlineLevel !== furnitureLevel;
  const next = queries.getFollowingNodesOnPage().find((other) => inBody(other) && !other.stack);
  if (!next) return queries.getNodesOnNextPage().some(inBody);
  return next.table ? firstBodyRowPage(next.table, page) > page : false;
}

type Placed = { nodeInfo?: { pageNumbers?: number[] } };

/** The page the first row after a table's header rows starts on (laid-out cells carry where they went). */
function firstBodyRowPage(table: Table, fallback: number): number {
  const row = table.body[table.headerRows ?? 0] ?? [];
  const pages = row.flatMap((cell) => (cell as Placed).nodeInfo?.pageNumbers?.slice(0, 1) ?? []);
  return pages.length > 0 ? Math.min(...pages) : fallback;
}

const furnitureLevel = 0;

/** Marks every node of a page header or footer as such (see movesLoneHeadings). */
export function furniture(content: Content): Content {
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const flow = asFlow(node) as (Flow & { columns?: unknown }) | null;
    if (!flow) return;
    flow.headlineLevel = furnitureLevel;
    visit(flow.stack);
    visit(flow.columns);
  };
  visit(content);
  return content;
}

/**
 * pdfmake starts a new page when a node's space below does not fit on the page, even after the last node,
 * which would leave an empty last page. The last node, and the last node inside it, get no space below.
 */
export function endWithoutSpace(content: Content[]): Content[] {
  let last: unknown = content.at(-1);
  for (let flow = asFlow(last); flow; flow = asFlow(last)) {
    flow.marginBottom = 0;
    last = (flow.stack ?? flow.ul ?? flow.ol)?.at(-1);
  }
  return content;
}
