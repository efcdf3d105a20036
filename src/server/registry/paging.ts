import { z } from 'zod';
import { fieldError } from '../platform/errors.js';
import { isId } from '../platform/ids.js';

/**
 * Keyset pagination. A cursor is the sort key of the last row a page showed, as base64url JSON: opaque to
 * clients, stable while rows are added or removed (unlike an offset), and cheap for an index to seek to.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const keyOf = (length: number) => z.array(z.string().max(400)).length(length);

/**
 * The `cursor` of a list query. A key holds a name of up to 200 characters, which base64url-encoded JSON
 * makes longer than ListQuery's 200, so the registry's lists accept longer cursors.
 */
export const LongCursor = z.string().max(2000).optional();

/** Reads a cursor made by `encodeCursor` with a key of `length` parts; anything else is a 400 on `cursor`. */
export function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed = keyOf(length).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not base64url JSON: the same answer as a well-formed cursor of the wrong shape.
  }
  throw fieldError('cursor', 'validation.invalid');
}

/** Same as `decodeCursor`, for keys that end in a row id (which must then be a uuid the database accepts). */
export function decodeCursorWithId(cursor: string | undefined, length: number): string[] | null {
  const key = decodeCursor(cursor, length);
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

/** A LIKE pattern that finds `text` anywhere, with the user's own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Use cases are called from HTTP (where the route checked the id) and from code; a malformed id is unknown. */
export function assertId(id: string): void {
  assertId(id);
}
