import { Alert, Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/**
 * The admin's ordered lists (a cycle's subject areas, its milestone template) are edited the same way: each
 * row has Opp and Ned (so the order is changed with the keyboard as easily as with a mouse), Endre and a
 * delete button; a move is saved at once, said in the page's notice, and a refused move is said above the
 * list. The texts come from the list's own part of the catalogue (`prefix`): up, down, upLabel, downLabel,
 * edit, editLabel, delete, deleteLabel, movedUp and movedDown.
 */
export type OrderedListTexts = 'agreements.subjectAreas' | 'milestones.template';

type Orderable = { id: string; name: string; version: number };

type Direction = 'up' | 'down';

/** Moves a row to a position (0-based) with `save`, and tells the notice where it went or the error. */
export function useOrderedMoves<T extends Orderable>(
  prefix: OrderedListTexts,
  save: (item: T, position: number) => Promise<unknown>,
  setNotice: (text: string) => void,
) {
  const { t } = useTranslation();
  const [moveError, setMoveError] = useState<string | null>(null);
  const move = async (item: T, position: number, direction: Direction) => {
    setMoveError(null);
    try {
      await save(item, position);
      setNotice(
        t(direction === 'up' ? `${prefix}.movedUp` : `${prefix}.movedDown`, {
          name: item.name,
          position: position + 1,
        }),
      );
    } catch (e) {
      setMoveError(e instanceof ApiError ? e.problem.title || t('errors.internal') : t('errors.internal'));
    }
  };
  return { move, moveError };
}

/** A refused move, said as an alert above the list. */
export function MoveError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      {error}
    </Alert>
  );
}

/** One row's buttons: Opp, Ned, Endre and delete, each named with the row's name. */
export function OrderedRowActions<T extends Orderable>({
  prefix,
  item,
  index,
  count,
  pending,
  onMove,
  onEdit,
  onDelete,
}: {
  prefix: OrderedListTexts;
  item: T;
  index: number;
  count: number;
  /** A move is being saved: the buttons wait for it. */
  pending: boolean;
  onMove: (item: T, position: number, direction: Direction) => void;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row agreements-actions">
      <Button
        data-size="sm"
        variant="tertiary"
        // aria-disabled, not disabled: the button keeps the focus when it reaches the top.
        aria-disabled={index === 0 || undefined}
        onClick={() => index > 0 && !pending && onMove(item, index - 1, 'up')}
        aria-label={t(`${prefix}.upLabel`, { name: item.name })}
      >
        {t(`${prefix}.up`)}
      </Button>
      <Button
        data-size="sm"
        variant="tertiary"
        aria-disabled={index === count - 1 || undefined}
        onClick={() => index < count - 1 && !pending && onMove(item, index + 1, 'down')}
        aria-label={t(`${prefix}.downLabel`, { name: item.name })}
      >
        {t(`${prefix}.down`)}
      </Button>
      <Button
        data-size="sm"
        variant="secondary"
        onClick={() => onEdit(item)}
        aria-label={t(`${prefix}.editLabel`, { name: item.name })}
      >
        {t(`${prefix}.edit`)}
      </Button>
      <Button
        data-size="sm"
        variant="tertiary"
        data-color="danger"
        onClick={() => onDelete(item)}
        aria-label={t(`${prefix}.deleteLabel`, { name: item.name })}
      >
        {t(`${prefix}.delete`)}
      </Button>
    </div>
  );
}
