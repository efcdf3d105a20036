import { useSearchParams } from 'react-router';

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * The search parameters as they are now. React Router hands an updater the parameters of the last render,
 * so two changes before the next render (a quick second filter while a long table renders) would lose the
 * first; the address bar already has it.
 */
const latest = () => new URLSearchParams(window.location.search);

/**
 * Filters kept in the URL, so a filtered list can be shared as a link and survives going back. Changing a
 * filter replaces the history entry rather than adding one per change.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k)?.trim() ?? ''])) as Record<K, string>;
  const set = (key: K, value: string) =>
    setParams(
      () => {
        const next = latest();
        if (value.trim()) next.set(key, value.trim());
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const clear = () =>
    setParams(
      () => {
        const next = latest();
        for (const k of keys) next.delete(k);
        return next;
      },
      { replace: true },
    );
  /** The filters that are set, as the API's query parameters. */
  const active = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
  return { values, set, clear, active, any: Object.keys(active).length > 0 };
}

/**
 * Sorting a table by one column, kept in the URL (`sort`, `dir`). `header(key)` gives a Table.HeaderCell its
 * `sort` state and the click that changes it.
 */
export function useSort<K extends string>(keys: readonly K[], fallback: K) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('sort');
  const key = keys.find((k) => k === raw) ?? fallback;
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';

  const header = (k: K) => ({
    sort: k === key ? (dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : ('none' as const),
    onClick: () =>
      setParams(
        () => {
          const next = latest();
          next.set('sort', k);
          next.set('dir', k === key && dir === 'asc' ? 'desc' : 'asc');
          return next;
        },
        { replace: true },
      ),
  });

  function sorted<T>(rows: readonly T[], textOf: (row: T, key: K) => string): T[] {
    const sign = dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => sign * collator.compare(textOf(a, key), textOf(b, key)));
  }

  return { header, sorted };
}
