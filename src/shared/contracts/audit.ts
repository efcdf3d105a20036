import { z } from 'zod';
import { Id, IsoDate, ListQuery, safeString } from './common.js';

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = ListQuery.extend({
  actorId: Id.optional(),
  action: safeString().trim().max(100).optional(),
  entityType: safeString().trim().max(100).optional(),
  entityId: safeString().trim().max(100).optional(),
  /** Calendar dates in Europe/Oslo, both inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The action names that occur in the log, for a filter's choices. */
export const AuditActions = z.object({ items: z.array(z.string()) });
export type AuditActions = z.infer<typeof AuditActions>;
