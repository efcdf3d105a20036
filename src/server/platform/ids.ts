import { Id } from '../../shared/contracts/common.js';
import { notFound } from './errors.js';

/** Whether a value is an id the database accepts (a uuid). */
export const isId = (value: unknown): value is string => Id.safeParse(value).success;

/**
 * Use cases are called from HTTP (where the route has checked the id), from the command line and from tests:
 * an id that cannot be one is simply not found, before a query would fail on it.
 */
export function assertId(id: string): void {
  if (!isId(id)) throw notFound();
}

/** The nil uuid: never a row's id, for a comparison that must match nothing. */
export const noId = '00000000-0000-0000-0000-000000000000';
