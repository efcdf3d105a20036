import type { ReactNode } from 'react';
import {
  isSafeHref,
  type RichTextBlock,
  type RichTextCell,
  type RichTextDoc,
  type RichTextInline,
} from '../../../shared/contracts/rich-text';
import { each } from '../each';
import './rich-text.css';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * The stored rich text (Tiptap JSON) as React elements. Built node by node from the allowed types, never
 * as HTML, so nothing in the text can become markup; a link whose address is not http(s) or mailto is shown
 * as plain text. `headingOffset` puts the text's headings under the heading of the section that holds it.
 */
export function RichText({ doc, headingOffset = 1 }: { doc: RichTextDoc; headingOffset?: number }) {
  return <div className="rich-text">{blocks(doc.content, headingOffset)}</div>;
}

function blocks(content: readonly RichTextBlock[], offset: number): ReactNode[] {
  return each(content, (block) => blockElement(block, offset));
}

function blockElement(block: RichTextBlock, offset: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p>{inlines(block.content)}</p>;
    case 'heading': {
      const Tag = `h${Math.min(block.attrs.level + offset, 6)}` as HeadingTag;
      return <Tag>{inlines(block.content)}</Tag>;
    }
    case 'bulletList':
      return (
        <ul>
          {each(block.content, (item) => (
            <li>{blocks(item.content, offset)}</li>
          ))}
        </ul>
      );
    case 'orderedList':
      return (
        <ol start={block.attrs?.start}>
          {each(block.content, (item) => (
            <li>{blocks(item.content, offset)}</li>
          ))}
        </ol>
      );
    case 'table':
      return (
        <div className="table-wrap">
          <table className="rich-table">
            <tbody>
              {each(block.content, (row, r) => (
                <tr>{each(row.content, (cell) => tableCell(cell, r, offset))}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function tableCell(cell: RichTextCell, row: number, offset: number): ReactNode {
  const span = { colSpan: cell.attrs?.colspan, rowSpan: cell.attrs?.rowspan };
  if (cell.type === 'tableHeader') {
    // A header in the first row heads its column; one further down heads its row.
    return (
      <th scope={row === 0 ? 'col' : 'row'} {...span}>
        {blocks(cell.content, offset)}
      </th>
    );
  }
  return <td {...span}>{blocks(cell.content, offset)}</td>;
}

function inlines(content: readonly RichTextInline[] | undefined): ReactNode[] {
  return each(content ?? [], (node) => {
    if (node.type === 'hardBreak') return <br />;
    let out: ReactNode = node.text;
    const marks = node.marks ?? [];
    if (marks.some((m) => m.type === 'italic')) out = <em>{out}</em>;
    if (marks.some((m) => m.type === 'bold')) out = <strong>{out}</strong>;
    const link = marks.find((m) => m.type === 'link');
    if (link?.type === 'link' && isSafeHref(link.attrs.href)) out = <a href={link.attrs.href}>{out}</a>;
    return out;
  });
}
