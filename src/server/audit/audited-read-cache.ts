import { createStampedReadCache, type ReadCache, type VersionSource } from '../platform/read-cache.js';
import { everyReadScope } from './cache-scopes.js';
import { cacheVersions } from './cache-version.table.js';

/** The versions that appendAudit raises with every write, in this process or any other on the same database. */
export const auditedVersions: VersionSource = {
  table: cacheVersions,
  scope: cacheVersions.scope,
  version: cacheVersions.version,
  everyRead: everyReadScope,
};

/**
 * A read cache stamped by the versions of the scopes each read names (audit/cache-scopes.ts): every use case
 * that writes appends an audit event in the same transaction (appendAudit), which raises the versions of
 * the scopes the write names. How the versions keep a cached value correct is in platform/read-cache.ts.
 */
export function createReadCache<T>(options: { maxEntries: number }): ReadCache<T> {
  return createStampedReadCache<T>({ ...options, versions: auditedVersions });
}
