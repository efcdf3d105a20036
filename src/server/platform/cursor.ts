import type { ZodType, z } from 'zod';
import { fieldError } from './errors.js';

/**
 * Keyset pagination: a cursor is the sort key of the last row of a page, so the next page starts right
 * after it however many rows were added meanwhile. It is opaque to clients (base64url JSON) and checked
 * with a schema when it comes back, since clients can send anything.
 */
export function encodeCursor(key: Record<string, unknown>): string {
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

/** Escapes LIKE's wildcards so that a search for `50%` finds the text `50%`. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
