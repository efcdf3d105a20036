import { z } from 'zod';
import {
  type AgreementList,
  type AgreementListQuery,
  type AgreementSortKey,
  type AgreementSummary,
  agreementSortKeys,
} from '../../shared/contracts/agreements.js';
import { decodeCursor } from '../platform/cursor.js';
import { compareColumnValues, pageInOrder, tableCollator } from '../platform/table-order.js';

/** What an agreement is sorted by in a column of the agreements table. */
export function agreementSortValue(a: AgreementSummary, key: AgreementSortKey): string | number {
  switch (key) {
    case 'region':
      return a.region.name;
    case 'period':
      return a.periodFrom;
    case 'generalPart':
      return a.generalPartVersion.number;
    case 'wanted':
      return a.counts?.wantedSubjectAreas ?? 0;
    case 'contributions':
      return a.counts?.contributions ?? 0;
    case 'agreed':
      return a.counts?.agreedContributions ?? 0;
  }
}

/**
 * An agreement's place in the table: the caller's own region first (0) and the others after (1), then the
 * column's value, the region's name and the agreement's id, so the order is total and a cursor can say
 * where a page ended.
 */
type Key = [own: number, value: string | number, regionName: string, id: string];

const Cursor = z.tuple([
  z.enum(agreementSortKeys),
  z.enum(['asc', 'desc']),
  z.union([z.literal(0), z.literal(1)]),
  z.union([z.string().max(400), z.number()]),
  z.string().max(400),
  z.string().max(40),
]);

function compareKeys(a: Key, b: Key, dir: 'asc' | 'desc'): number {
  return (
    a[0] - b[0] ||
    (dir === 'asc' ? 1 : -1) * compareColumnValues(a[1], b[1]) ||
    tableCollator.compare(a[2], b[2]) ||
    (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0)
  );
}

/**
 * One page of the agreements table, made from the cycle's whole list already read (list-agreements.ts):
 * the agreements whose region's name holds `q`, in the column's order with `ownRegionId`'s first, the
 * `limit` after the cursor's row.
 */
export function agreementListPage(
  all: readonly AgreementSummary[],
  query: AgreementListQuery & { limit: number },
  ownRegionId: string | null,
): AgreementList {
  const q = query.q ? query.q.toLocaleLowerCase('nb') : '';
  const passing: { key: Key; row: AgreementSummary }[] = [];
  for (const a of all) {
    if (q && !a.region.name.toLocaleLowerCase('nb').includes(q)) continue;
    passing.push({
      key: [a.region.id === ownRegionId ? 0 : 1, agreementSortValue(a, query.sort), a.region.name, a.id],
      row: a,
    });
  }
  const page = pageInOrder(passing, query, (cursor) => decodeCursor(Cursor, cursor), compareKeys);
  return { items: page.rows, nextCursor: page.nextCursor, total: all.length, matching: passing.length };
}
