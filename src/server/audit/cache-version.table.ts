import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One counter per part of the data that cached reads depend on (`registry`, `cycle:<id>`, `hearing:<id>`…),
 * raised in the transaction of every audited write to that part (appendAudit). A row is made by the first
 * write to its scope; a scope without a row is at version 0. A row is never deleted nor its version lowered:
 * a counter that went back could repeat a sum that a stale value was stamped with. How the counters keep a
 * cached read correct is in platform/read-cache.ts.
 */
export const cacheVersions = pgTable('cache_versions', {
  scope: text('scope').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
