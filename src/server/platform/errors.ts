import type { FieldIssue } from '../../shared/contracts/field-errors.js';

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'crossSite'
  | 'notFound'
  | 'stale'
  | 'duplicate'
  | 'conflict'
  | 'inUse'
  | 'badJson'
  | 'tooLarge'
  | 'rateLimited'
  | 'busy'
  | 'invalidCredentials'
  | 'accountInactive'
  | 'unsupportedMediaType'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  badJson: 400,
  unauthenticated: 401,
  invalidCredentials: 401,
  accountInactive: 401,
  forbidden: 403,
  crossSite: 403,
  notFound: 404,
  stale: 409,
  duplicate: 409,
  conflict: 409,
  inUse: 409,
  tooLarge: 413,
  unsupportedMediaType: 415,
  rateLimited: 429,
  busy: 429,
  internal: 500,
};

/**
 * The one error type of the application. Its code is stable (clients and tests rely on it) and is the
 * catalogue key of the message the user sees; it is mapped to HTTP in one place, the error handler.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldIssue[] = [],
  ) {
    super(code);
    this.status = statusOf[code];
  }
}

export const notFound = () => new AppError('notFound');
export const forbidden = () => new AppError('forbidden');
export const stale = () => new AppError('stale');
/** A write that the state of things does not allow now; `reason` is the catalogue key of why. */
export const conflict = (reason: string) =>
  new AppError('conflict', [{ field: '_', code: reason, params: {} }]);
export const fieldError = (field: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError('validation', [{ field, code, params }]);

/** The SQLSTATE and constraint of a database error, which Drizzle wraps in `cause`. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const c = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
      const constraint = typeof c.constraint === 'string' ? c.constraint : undefined;
      return { code: c.code, constraint };
    }
    current = c.cause;
  }
  return {};
}

/** Maps a unique-constraint violation to a field error the user can act on; rethrows anything else. */
export function rethrowUnique(
  error: unknown,
  byConstraint: Record<string, [field: string, code: string]>,
): never {
  const pg = pgErrorOf(error);
  if (pg.code === '23505') {
    const hit = pg.constraint ? byConstraint[pg.constraint] : undefined;
    if (hit) throw fieldError(hit[0], hit[1]);
    throw new AppError('duplicate');
  }
  throw error;
}
