import { sql } from 'drizzle-orm';
import { auditEvents } from '../audit/audit.table.js';
import type { Db, Tx } from '../db/client.js';

/**
 * A per-process cache of read models that is never stale, for reads that many people repeat and few
 * writes change (the registry's regions with their members).
 *
 * Why it can be trusted: every write appends an audit event in its own transaction (appendAudit), so the
 * highest audit id changes whenever anything was written, by this process or any other on the same
 * database. Each read first asks the database for that id, one index-only read of the primary key's last
 * entry, and serves the cached value only when it was filled at exactly that id; otherwise it loads the
 * value again. Several server processes behind a load balancer each keep their own cache and stay
 * correct, because each asks the database, not its neighbours.
 *
 * Why a fill locks: ids are handed out when a row is inserted, not when it commits, so a transaction
 * holding id 100 can commit after another committed 101. A value read between those two commits would be
 * stamped 101 and look current after 100 committed. A fill therefore reads the id and the value while
 * holding `SHARE` on audit_events: it can have that lock only when no transaction has an uncommitted
 * audit event (they hold `ROW EXCLUSIVE` until they end), and while it holds it no audit event can be
 * inserted, so the value is exactly the state at that id. It asks with NOWAIT: when a write is in flight
 * the value is read without being cached rather than making the reader wait, and a write waits for a fill
 * at most as long as the fill's own queries take.
 */

type Entry<T> = { stamp: bigint; value: T };

export type ReadCache<T> = {
  /**
   * The value for `key`: from this process's cache while no audit event was appended since it was filled,
   * otherwise from `load`, which is given the connection to read through. The key must name everything
   * the value depends on (the parsed query, the id); authorisation is the caller's, before reading.
   */
  read(db: Db, key: string, load: (reader: Db | Tx) => Promise<T>): Promise<T>;
};

/** The audit trail's highest id: the version of everything written to the database. */
async function currentStamp(db: Db | Tx): Promise<bigint> {
  const result = (await db.execute(
    sql`select coalesce(max(${auditEvents.id}), 0)::text as stamp from ${auditEvents}`,
  )) as { rows: { stamp: string }[] };
  return BigInt(result.rows[0]?.stamp ?? '0');
}

/** PostgreSQL's lock_not_available, raised by LOCK … NOWAIT; drizzle wraps the driver's error in `cause`. */
function isLockNotAvailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '55P03') return true;
  }
  return false;
}

/** Cached values are shared by every request that reads them: freezing makes a change throw, not leak. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Loads the value together with the stamp it belongs to, or without a stamp when a write is in flight
 * (see the module comment): such a value is served once and not kept.
 */
async function fill<T>(db: Db, load: (reader: Db | Tx) => Promise<T>): Promise<Entry<T> | { value: T }> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${auditEvents} in share mode nowait`);
      const stamp = await currentStamp(tx);
      return { stamp, value: deepFreeze(await load(tx)) };
    });
  } catch (error) {
    if (!isLockNotAvailable(error)) throw error;
    return { value: deepFreeze(await load(db)) };
  }
}

/**
 * A bounded least-recently-used cache; each database (each Db object) has its own entries, so two apps in
 * one process on different databases never share a value.
 */
export function createReadCache<T>(options: { maxEntries: number }): ReadCache<T> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1)
    throw new Error('a read cache holds at least one entry');
  const byDatabase = new WeakMap<Db, Map<string, Entry<T>>>();

  return {
    async read(db, key, load) {
      let entries = byDatabase.get(db);
      if (!entries) {
        entries = new Map();
        byDatabase.set(db, entries);
      }
      const stamp = await currentStamp(db);
      const cached = entries.get(key);
      if (cached && cached.stamp === stamp) {
        // Most recently used last: a Map iterates in insertion order, so the first key is the one to evict.
        entries.delete(key);
        entries.set(key, cached);
        return cached.value;
      }

      const filled = await fill(db, load);
      if ('stamp' in filled) {
        // A fill that raced a newer one keeps the newer: it is current for longer.
        const newest = entries.get(key);
        if (!newest || newest.stamp <= filled.stamp) {
          entries.delete(key);
          entries.set(key, filled);
          while (entries.size > options.maxEntries) {
            const oldest = entries.keys().next();
            if (oldest.done) break;
            entries.delete(oldest.value);
          }
        }
      }
      return filled.value;
    },
  };
}
