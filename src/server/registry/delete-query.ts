import { z } from 'zod';

/**
 * The query of a DELETE: it may name the version the caller saw, and if it does and the row has changed
 * since, the delete is refused with 409 like any other stale write. Without it the delete is unconditional.
 */
export const DeleteQuery = z.object({
  version: z.coerce.number({ error: 'validation.version' }).int().min(1).optional(),
});
