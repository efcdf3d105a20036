import { useSearchParams } from 'react-router';

/** New values for some search parameters: text sets one (trimmed), empty or null removes it. */
export type ParamChanges = Readonly<Record<string, string | null | undefined>>;

/** The parameters of `search` with `changes` applied; the others are kept as they are. */
export function withChanges(search: string | URLSearchParams, changes: ParamChanges): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    const text = value?.trim();
    if (text) next.set(key, text);
    else next.delete(key);
  }
  return next;
}

/**
 * Changes to the address that start from the address as it is when the change is made, not as it was at
 * the last render. React Router hands `setSearchParams((p) => …)` the parameters of the last render, so a
 * second change made before the next render (a quick second filter while a long table renders) would start
 * from the old address and lose the first. The router writes the address during the navigation: at once
 * for routes without loaders (all of this app's), only after the loaders for routes with them. So changes
 * made in the same turn build on the one asked for just before, and from the next turn on the address
 * itself is read again.
 */
export function addressChanger(read: () => string) {
  let askedThisTurn: string | null = null;
  /** The parameters as they are, or will be once the router has written what was asked for. */
  const current = () => new URLSearchParams(askedThisTurn ?? read());
  const change = (changes: ParamChanges, write: (next: URLSearchParams) => void) => {
    const next = withChanges(current(), changes);
    if (askedThisTurn === null)
      setTimeout(() => {
        askedThisTurn = null;
      }, 0);
    askedThisTurn = `?${next}`;
    write(next);
  };
  return { current, change };
}

/** The browser's address: one for the whole page, like the address bar it stands for. */
const windowAddress = addressChanger(() => window.location.search);

/**
 * The search parameters, and a way to change some of them that keeps the rest. A change replaces the
 * history entry rather than adding one per keystroke or click.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const change = (changes: ParamChanges) =>
    windowAddress.change(changes, (next) => setParams(next, { replace: true }));
  return { params, change, current: windowAddress.current };
}

/**
 * Filters kept in the URL, so a filtered list can be shared as a link and survives going back. `active` is
 * the filters that are set, as the API's query parameters.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const { params, change } = useUrlParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k)?.trim() ?? ''])) as Record<K, string>;
  const active: Record<string, string> = Object.fromEntries(
    Object.entries<string>(values).filter(([, v]) => v),
  );
  return {
    values,
    active,
    any: Object.keys(active).length > 0,
    set: (key: K, value: string) => change({ [key]: value }),
    clear: () => change(Object.fromEntries(keys.map((k) => [k, null]))),
  };
}
