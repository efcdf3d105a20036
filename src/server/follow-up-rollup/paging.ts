import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';

/**
 * The order the roll-up's groups and equal treatment's regions are shown and paged in, and so the key a
 * cursor holds: a rank (a subject area's position; by department, the regions' own commitments after every
 * department; else 0), the name as Norwegian sorts it (Æ, Ø, Å last, as the public list sorts regions), and
 * the id, so that no two keys are equal. Both answers are made in full and cut into pages here, since the
 * county's figures and the fences are made over every group anyway.
 */
export const SortKey = z.object({
  rank: z.number().int(),
  name: z.string().max(400),
  id: z.string().max(400),
});
export type SortKey = z.infer<typeof SortKey>;

const byName = new Intl.Collator('nb', { sensitivity: 'variant' });

export const compareKeys = (a: SortKey, b: SortKey): number =>
  a.rank - b.rank || byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The key a page's cursor holds, checked (anything else is a 400 on `cursor`); null for the first page. */
export const afterKey = (cursor: string | undefined): SortKey | null =>
  cursor ? decodeCursor(SortKey, cursor) : null;

/**
 * The `limit` rows after `after` of rows sorted by `compareKeys`, and the cursor of the page after them
 * (null on the last page). A row that was removed since the cursor was made is no matter: the page starts at
 * the first key after it.
 */
export function pageAfter<T>(
  sorted: readonly { key: SortKey; row: T }[],
  after: SortKey | null,
  limit: number,
): { rows: T[]; nextCursor: string | null } {
  const start = after === null ? 0 : sorted.findIndex((r) => compareKeys(r.key, after) > 0);
  const rest = start < 0 ? [] : sorted.slice(start);
  const shown = rest.slice(0, limit);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => r.row),
    nextCursor: rest.length > limit && last ? encodeCursor(last.key) : null,
  };
}
