import { createStampedReadCache, type ReadCache } from '../platform/read-cache.js';
import { auditEvents } from './audit.table.js';

/**
 * A read cache stamped by the audit trail: every use case that writes appends an audit event in the same
 * transaction (appendAudit), so the trail's highest id changes with every write, in this process or any
 * other on the same database. How the stamp keeps a cached value correct is in platform/read-cache.ts.
 */
export function createReadCache<T>(options: { maxEntries: number }): ReadCache<T> {
  return createStampedReadCache<T>({ ...options, stamp: { table: auditEvents, id: auditEvents.id } });
}
