import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionPoint } from '../../../shared/contracts/cases';
import { TemplateMark } from './TemplateMark';

/** A decision point as it is being edited: `id` for a point the server has, `original` its saved text. */
export type PointDraft = {
  key: string;
  id?: string;
  text: string;
  original: string | null;
  fromTemplate: boolean;
};

let counter = 0;
const newKey = () => `new-${++counter}`;

export const pointsOf = (points: readonly DecisionPoint[]): PointDraft[] =>
  points.map((p) => ({ key: p.id, id: p.id, text: p.text, original: p.text, fromTemplate: p.fromTemplate }));

/** Whether the points differ from the saved ones: a text, the order, one added or removed. */
export const pointsChanged = (drafts: readonly PointDraft[], saved: readonly DecisionPoint[]) =>
  drafts.length !== saved.length || drafts.some((d, i) => d.id !== saved[i]?.id || d.text !== saved[i]?.text);

type Focus = { key: string; what: 'text' | 'up' | 'down' | 'add' };

/**
 * The proposed decision as a numbered list: each point's text, moved up and down and removed with buttons
 * (named after the point's number, so they are found and used from the keyboard), and a point added at the
 * end. The focus follows the point that was moved, and goes to a new point's text.
 */
export function DecisionPointsEditor({
  points,
  onChange,
  errors,
}: {
  points: PointDraft[];
  onChange: (next: PointDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const helpId = useId();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<Focus | null>(null);

  useEffect(() => {
    if (!focus) return;
    setFocus(null);
    if (focus.what === 'add') {
      addButton.current?.focus();
      return;
    }
    const item = list.current?.querySelector<HTMLElement>(`[data-point="${focus.key}"]`);
    if (!item) return;
    const wanted = item.querySelector<HTMLElement>(`[data-focus="${focus.what}"]:not([disabled])`);
    const other = focus.what === 'up' ? 'down' : 'up';
    (
      wanted ??
      item.querySelector<HTMLElement>(`[data-focus="${other}"]:not([disabled])`) ??
      item.querySelector<HTMLElement>('[data-focus="text"]')
    )?.focus();
  }, [focus]);

  const move = (index: number, by: -1 | 1) => {
    const next = [...points];
    const [point] = next.splice(index, 1);
    if (!point) return;
    next.splice(index + by, 0, point);
    onChange(next);
    setFocus({ key: point.key, what: by < 0 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    const next = points.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(neighbour ? { key: neighbour.key, what: 'text' } : { key: '', what: 'add' });
  };
  const add = () => {
    const key = newKey();
    onChange([...points, { key, text: '', original: null, fromTemplate: false }]);
    setFocus({ key, what: 'text' });
  };

  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('political.points.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted" id={helpId}>
        {t('political.points.help')}
      </Paragraph>
      {errors.points && (
        <Paragraph data-size="sm" className="political-error">
          {errors.points}
        </Paragraph>
      )}
      <ol className="political-points" ref={list} aria-labelledby={headingId}>
        {points.map((p, i) => {
          const number = i + 1;
          const marked = p.fromTemplate && p.text === p.original;
          return (
            <li key={p.key} data-point={p.key} className="political-point">
              <Textfield
                label={t('political.points.label', { number })}
                description={marked ? <TemplateMark /> : undefined}
                multiline
                rows={2}
                value={p.text}
                data-focus="text"
                error={errors[p.key]}
                onChange={(e) =>
                  onChange(points.map((q) => (q.key === p.key ? { ...q, text: e.target.value } : q)))
                }
              />
              <div className="row political-point__buttons">
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  data-focus="up"
                  disabled={i === 0}
                  aria-label={t('political.points.moveUpLabel', { number })}
                  onClick={() => move(i, -1)}
                >
                  {t('political.points.moveUp')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  data-focus="down"
                  disabled={i === points.length - 1}
                  aria-label={t('political.points.moveDownLabel', { number })}
                  onClick={() => move(i, 1)}
                >
                  {t('political.points.moveDown')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-color="danger"
                  data-size="sm"
                  aria-label={t('political.points.removeLabel', { number })}
                  onClick={() => remove(i)}
                >
                  {t('political.points.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button ref={addButton} type="button" variant="secondary" onClick={add}>
          {t('political.points.add')}
        </Button>
      </div>
    </section>
  );
}
