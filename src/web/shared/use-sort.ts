import { useUrlParams } from './url-state';

export type SortDir = 'asc' | 'desc';

/** Text the Norwegian way (æ, ø, å last), numbers in text by value ("9" before "10"), case ignored. */
const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** The column a list is sorted by and the direction, read from `sort` and `dir`; an unknown column falls back. */
export function readSort<K extends string>(
  params: URLSearchParams,
  keys: readonly K[],
  fallback: K,
): { key: K; dir: SortDir } {
  const raw = params.get('sort');
  return {
    key: keys.find((k) => k === raw) ?? fallback,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** Clicking the sorted column turns its direction around; another column starts ascending. */
export function nextSort<K extends string>(current: { key: K; dir: SortDir }, clicked: K) {
  return { sort: clicked, dir: clicked === current.key && current.dir === 'asc' ? 'desc' : 'asc' };
}

/** The rows in the order of one column: numbers as numbers, text as `collator` compares it. */
export function sortRows<T, K>(
  rows: readonly T[],
  key: K,
  dir: SortDir,
  sortValue: (row: T, key: K) => string | number,
): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * c;
  });
}

/**
 * Sorting a table by one column, kept in the URL (`sort`, `dir`) like every filter, so a shared link shows
 * the same order. `header(key)` gives a Table.HeaderCell its `sort` state and the click that changes it.
 */
export function useSort<K extends string>(keys: readonly K[], fallback: K) {
  const { params, change, current: address } = useUrlParams();
  const current = readSort(params, keys, fallback);

  const header = (k: K) => ({
    sort:
      k === current.key
        ? current.dir === 'asc'
          ? ('ascending' as const)
          : ('descending' as const)
        : ('none' as const),
    // The click reads the address again: a filter changed just before is kept.
    onClick: () => change(nextSort(readSort(address(), keys, fallback), k)),
  });

  const sorted = <T>(rows: readonly T[], sortValue: (row: T, key: K) => string | number): T[] =>
    sortRows(rows, current.key, current.dir, sortValue);

  return { key: current.key, dir: current.dir, header, sorted };
}
