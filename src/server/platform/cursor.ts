import { type ZodType, z } from 'zod';
import { fieldError } from './errors.js';
import { isId } from './ids.js';

/**
 * Keyset pagination: a cursor is the sort key of the last row of a page, so the next page starts right
 * after it however many rows were added or removed meanwhile (unlike an offset), and an index can seek to
 * it. It is opaque to clients (base64url JSON) and checked with a schema when it comes back, since clients
 * can send anything: anything else is a 400 on `cursor`.
 */
export function encodeCursor(key: Record<string, unknown> | readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<S extends ZodType>(schema: S, cursor: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fieldError('cursor', 'validation.invalid');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw fieldError('cursor', 'validation.invalid');
  return result.data;
}

const keyOf = (length: number) => z.array(z.string().max(400)).length(length);

/**
 * The `cursor` of a list whose key holds a name of up to 200 characters: base64url-encoded JSON makes it
 * longer than ListQuery's 200, so these lists accept longer cursors.
 */
export const LongCursor = z.string().max(2000).optional();

/** A cursor whose key is a list of `length` strings (the sort columns, last the row id); none is null. */
export function decodeKeyCursor(cursor: string | undefined, length: number): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  return decodeCursor(keyOf(length), cursor);
}

/** Same as `decodeKeyCursor`, for keys that end in a row id (which must then be a uuid the database accepts). */
export function decodeKeyCursorWithId(cursor: string | undefined, length: number): string[] | null {
  const key = decodeKeyCursor(cursor, length);
  if (key && !isId(key[length - 1])) throw fieldError('cursor', 'validation.invalid');
  return key;
}

/**
 * Cuts the `limit + 1` rows a query fetched into a page: the extra row only tells that there is more, and
 * the cursor is the key of the last row shown.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  keyOfRow: (row: Row) => string[],
): { items: Item[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOfRow(last)) : null,
  };
}

/**
 * The same for a list already made in full and sorted in memory (a cached answer cut into pages): the
 * `limit` entries after the key `after` by `compare`, and the cursor (`cursorOf` the last key shown) of the
 * page after them, null on the last page. An entry removed since the cursor was made is no matter: the page
 * starts at the first key after it.
 */
export function pageAfterKey<Key, Row>(
  sorted: readonly { key: Key; row: Row }[],
  after: Key | null,
  limit: number,
  compare: (a: Key, b: Key) => number,
  cursorOf: (key: Key) => Record<string, unknown> | readonly (string | number)[],
): { rows: Row[]; nextCursor: string | null } {
  const found = after === null ? 0 : sorted.findIndex((r) => compare(r.key, after) > 0);
  const start = found === -1 ? sorted.length : found;
  const shown = sorted.slice(start, start + limit);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => r.row),
    nextCursor: start + limit < sorted.length && last ? encodeCursor(cursorOf(last.key)) : null,
  };
}
