import { useTranslation } from 'react-i18next';
import type { BlockDiff, DiffOp } from '../../../shared/contracts/document-versions';
import { each } from '../each';

/**
 * Words that were inserted or deleted, marked three ways: <ins>/<del> (which a screen reader may announce),
 * underline or strike-through with a colour, and words for screen readers at the start and end of each
 * change, so the difference never rests on colour alone and survives printing in black and white.
 */
export function DiffText({ ops }: { ops: readonly DiffOp[] }) {
  const { t } = useTranslation();
  return (
    <>
      {each(ops, (op) => {
        if (op.op === 'insert') {
          return (
            <ins>
              <span className="visually-hidden">{t('generalPart.compare.insertStart')} </span>
              {op.text}
              <span className="visually-hidden"> {t('generalPart.compare.insertEnd')}</span>
            </ins>
          );
        }
        if (op.op === 'delete') {
          return (
            <del>
              <span className="visually-hidden">{t('generalPart.compare.deleteStart')} </span>
              {op.text}
              <span className="visually-hidden"> {t('generalPart.compare.deleteEnd')}</span>
            </del>
          );
        }
        return op.text;
      })}
    </>
  );
}

type HeadingTag = 'h4' | 'h5' | 'h6';

/** One block of a compared section, laid out as it reads: heading, paragraph, list item or table cell. */
export function DiffBlock({ block }: { block: BlockDiff }) {
  const { t } = useTranslation();
  const className = `diff-block diff-block--${block.status}`;
  const text = <DiffText ops={block.ops} />;
  switch (block.type) {
    case 'heading': {
      // Under the section's own heading (h3): the text's level 2 becomes h4.
      const Tag = `h${Math.min((block.level ?? 2) + 2, 6)}` as HeadingTag;
      return <Tag className={className}>{text}</Tag>;
    }
    case 'listItem':
      return (
        <p
          className={`${className} diff-block--list`}
          style={{ marginInlineStart: `${(block.depth ?? 0) * 1.5 + 1.5}rem` }}
        >
          {block.marker && <span className="diff-marker">{block.marker} </span>}
          {text}
        </p>
      );
    case 'tableCell':
      return (
        <p className={`${className} diff-block--cell`}>
          <span className="visually-hidden">{t('generalPart.compare.tableCell')} </span>
          {text}
        </p>
      );
    default:
      return <p className={className}>{text}</p>;
  }
}
