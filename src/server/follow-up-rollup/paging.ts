import { z } from 'zod';
import { decodeCursor, pageAfterKey } from '../platform/cursor.js';

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

/** The `limit` rows after `after` of rows sorted by `compareKeys`, and the cursor of the page after them. */
export const pageAfter = <T>(
  sorted: readonly { key: SortKey; row: T }[],
  after: SortKey | null,
  limit: number,
) => pageAfterKey(sorted, after, limit, compareKeys, (key) => key);
