import { pageAfterKey } from './cursor.js';
import { fieldError } from './errors.js';

/**
 * The order of a table sorted in memory by a column (the overview, the agreements table): text the Norwegian
 * way (æ, ø, å last), numbers in text by value, case ignored, as the web's tables always sorted.
 */
export const tableCollator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Two values of a column: numbers as numbers, anything else as text. */
export const compareColumnValues = (x: string | number, y: string | number): number =>
  typeof x === 'number' && typeof y === 'number' ? x - y : tableCollator.compare(String(x), String(y));

export type SortDir = 'asc' | 'desc';

/**
 * A page of a table sorted in memory: the rows that passed its filters, put in the column's order (`compare`
 * turns the values round for `desc`), and the `limit` after the cursor's row. A cursor is the sort, the
 * direction and the last row's key; one made for another order would start the page at an arbitrary row,
 * so it is refused (400 on `cursor`). `decode` checks a cursor's shape (platform/cursor.ts).
 */
export function pageInOrder<Key extends (string | number)[], Row>(
  passing: { key: Key; row: Row }[],
  query: { sort: string; dir: SortDir; limit: number; cursor?: string | undefined },
  decode: (cursor: string) => [string, string, ...Key],
  compare: (a: Key, b: Key, dir: SortDir) => number,
): { rows: Row[]; nextCursor: string | null } {
  passing.sort((a, b) => compare(a.key, b.key, query.dir));
  let after: Key | null = null;
  if (query.cursor) {
    const [sort, dir, ...key] = decode(query.cursor);
    if (sort !== query.sort || dir !== query.dir) throw fieldError('cursor', 'validation.invalid');
    after = key as Key;
  }
  return pageAfterKey(
    passing,
    after,
    query.limit,
    (a, b) => compare(a, b, query.dir),
    (key) => [query.sort, query.dir, ...key],
  );
}
