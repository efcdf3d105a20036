import { z } from 'zod';
import { type HearingInput, type InputListQuery, inputFilterKeys } from '../../shared/contracts/hearings.js';
import { decodeCursor, pageAfterKey } from '../platform/cursor.js';
import { tableCollator } from '../platform/table-order.js';
import type { SectionRef } from './input-reads.js';

/** An input's place in the document's order: its section's position (-1: the whole document), region, time, id. */
type InputKey = [number, string, string, string];

export type OrderedInputs = { key: InputKey; row: HearingInput }[];

const InputCursor = z.tuple([
  z.number().int().min(-1).max(1e9),
  z.string().max(400),
  z.string().max(40),
  z.string().max(40),
]);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const compareInputKeys = (a: InputKey, b: InputKey) =>
  a[0] - b[0] || tableCollator.compare(a[1], b[1]) || byText(a[2], b[2]) || byText(a[3], b[3]);

/**
 * Inputs in the document's order, as the hearing screen groups them: on the whole document first, then
 * section by section as the version on hearing has them, each section's regions by name, then as they came
 * in. Inputs on the same section sit together, so answering several with one disposition is one selection.
 */
export function inDocumentOrder(
  inputs: readonly HearingInput[],
  sections: readonly SectionRef[],
): OrderedInputs {
  const position = new Map(sections.map((s) => [s.key, s.position]));
  const place = (key: string | null) => (key === null ? -1 : (position.get(key) ?? 1e9));
  return inputs
    .map((row) => ({
      key: [place(row.sectionKey), row.region.name, row.submittedAt, row.id] satisfies InputKey,
      row,
    }))
    .sort((a, b) => compareInputKeys(a.key, b.key));
}

/**
 * The page a query asks for of inputs in the document's order: every one without `limit`, else `limit` of
 * them after the `cursor`'s input (the key of the last input of the page before, so inputs given or
 * withdrawn meanwhile move no page). A cursor that is not one of ours is a 400 on `cursor`.
 */
export function pageOfInputs(
  ordered: OrderedInputs,
  query: Pick<InputListQuery, 'limit' | 'cursor'>,
): { items: HearingInput[]; nextCursor: string | null } {
  const after = query.cursor ? decodeCursor(InputCursor, query.cursor) : null;
  const limit = query.limit ?? ordered.length;
  const { rows, nextCursor } = pageAfterKey(ordered, after, limit, compareInputKeys, (key) => key);
  return { items: rows, nextCursor: query.limit === undefined ? null : nextCursor };
}

/** The filters of a query, without its page: the key of what a read cache keeps for every page of it. */
export const filtersOf = (query: InputListQuery) =>
  Object.fromEntries(inputFilterKeys.flatMap((k) => (query[k] === undefined ? [] : [[k, query[k]]])));

/** Which page of a kept list a query asks for (platform/read-cache.ts `derivedValue`). */
export const pageKey = (query: Pick<InputListQuery, 'limit' | 'cursor'>) =>
  JSON.stringify([query.limit ?? null, query.cursor ?? null]);
