import { z } from 'zod';
import { agreementPhases } from '../../shared/contracts/milestones.js';
import {
  type Overview,
  type OverviewEntry,
  type OverviewQuery,
  type OverviewSortKey,
  overviewEntries,
  overviewSortKeys,
} from '../../shared/contracts/overview.js';
import { decodeCursor } from '../platform/cursor.js';
import { compareColumnValues, pageInOrder, tableCollator } from '../platform/table-order.js';

/** What a row is sorted by in a column: numbers as numbers, text and days as text. */
export function overviewSortValue(r: OverviewEntry, key: OverviewSortKey): string | number {
  switch (key) {
    case 'region':
      return r.regionName;
    case 'phase':
      return agreementPhases.indexOf(r.phase);
    case 'days':
      return r.daysInPhase;
    case 'ready':
      return r.regionReady ? 1 : 0;
    case 'nextMilestone':
      // Those without a planned day last, going up.
      return r.nextMilestone?.plannedDate ?? '9999';
    case 'contributions':
      return r.contributions.total;
    case 'actions':
      return r.openActions;
    case 'lastMeeting':
      return r.lastMeeting?.startsAt ?? '';
    case 'nextMeeting':
      return r.nextMeeting?.startsAt ?? '9999';
  }
}

/** A row's place in the order: the column's value, then the region's name and the agreement's id. */
type Key = [value: string | number, regionName: string, id: string];

const Cursor = z.tuple([
  z.enum(overviewSortKeys),
  z.enum(['asc', 'desc']),
  z.union([z.string().max(400), z.number()]),
  z.string().max(400),
  z.string().max(40),
]);

/**
 * The column's direction turns the values around; rows with the same value stay by region name, then by
 * id, so the order is total and a cursor can say where a page ended.
 */
function compareKeys(a: Key, b: Key, dir: 'asc' | 'desc'): number {
  return (
    (dir === 'asc' ? 1 : -1) * compareColumnValues(a[0], b[0]) ||
    tableCollator.compare(a[1], b[1]) ||
    (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)
  );
}

/**
 * One page of the overview as the table asks for it: the rows that pass the filters (the phase, whether the
 * region is ready, text in the region's name), in the column's order, from the row after the cursor. Made
 * from the whole overview already read, and kept with it (get-overview.ts), so a page costs its making
 * once per change. The dictionaries are the whole overview's: a page's rows point into them as they are.
 */
export function overviewPage(full: Overview, query: OverviewQuery): Overview {
  const entries = overviewEntries(full);
  const q = query.q ? query.q.toLocaleLowerCase('nb') : '';
  const passing: { key: Key; row: number }[] = [];
  entries.forEach((e, index) => {
    if (query.phase && e.phase !== query.phase) return;
    if (query.ready && (query.ready === 'yes') !== e.regionReady) return;
    if (q && !e.regionName.toLocaleLowerCase('nb').includes(q)) return;
    passing.push({
      key: [overviewSortValue(e, query.sort), e.regionName, full.rows[index]?.[0] ?? ''],
      row: index,
    });
  });
  const page = pageInOrder(passing, query, (cursor) => decodeCursor(Cursor, cursor), compareKeys);
  return {
    ...full,
    rows: page.rows.flatMap((index) => {
      const row = full.rows[index];
      return row ? [row] : [];
    }),
    total: full.rows.length,
    matching: passing.length,
    nextCursor: page.nextCursor,
  };
}
