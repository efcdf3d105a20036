import { AppError } from '../platform/errors.js';

/** A 409 that says why (a catalogue key), as the general part and hearings do. */
export const conflict = (reason: string) =>
  new AppError('conflict', [{ field: '_', code: reason, params: {} }]);
