import { useSearchParams } from 'react-router';
import { collator } from './membership';

type Dir = 'asc' | 'desc';

/**
 * Sorting a table by one column, kept in the URL (`sort`, `dir`) like every filter, so a shared link shows
 * the same order. `header(key)` gives a Table.HeaderCell its `sort` state and the click that changes it.
 */
export function useSort<K extends string>(keys: readonly K[], fallback: K) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('sort');
  const key = keys.find((k) => k === raw) ?? fallback;
  const dir: Dir = params.get('dir') === 'desc' ? 'desc' : 'asc';

  const header = (k: K) => ({
    sort: k === key ? (dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : ('none' as const),
    onClick: () =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('sort', k);
          next.set('dir', k === key && dir === 'asc' ? 'desc' : 'asc');
          return next;
        },
        { replace: true },
      ),
  });

  function sorted<T>(rows: readonly T[], keyOf: (row: T, key: K) => string | number): T[] {
    const sign = dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = keyOf(a, key);
      const y = keyOf(b, key);
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * c;
    });
  }

  return { key, dir, header, sorted };
}
