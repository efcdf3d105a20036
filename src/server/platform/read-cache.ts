import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.js';

/**
 * What stamps the cache: an append-only table that every write adds a row to in its own transaction, and its
 * increasing id. The platform does not know which table that is; the audit trail supplies it
 * (audit/audited-read-cache.ts), so the platform never imports a feature.
 */
export type StampSource = { table: AnyPgTable; id: AnyPgColumn };

/**
 * A stamp already read in this request, in the same statement as something else it needed (the session
 * lookup reads the audit trail's highest id and the database's clock with the session: auth/sessions.ts),
 * so a request served from the cache costs one query, not two. Only a request that writes nothing may carry
 * one (the access hook gives it to GET and HEAD): after a write in the same request it would be out of date.
 */
export type KnownStamp = { table: AnyPgTable; stamp: bigint; now: Date };

/** Where a cached read reads from: the database, or a use case's context with the stamp its request read. */
export type ReadFrom = Db | { db: Db; readStamp?: KnownStamp | null | undefined };

const isDb = (from: ReadFrom): from is Db => typeof (from as { select?: unknown }).select === 'function';

/**
 * A per-process cache of read models that is never stale, for reads that many people repeat and few
 * writes change (the registry's regions, a hearing's input, a comparison of two versions).
 *
 * Why it can be trusted: every write appends an audit event in its own transaction (appendAudit), so the
 * highest audit id changes whenever anything was written, by this process or any other on the same
 * database. Each read first asks the database for that id, one index-only read of the primary key's last
 * entry, and serves the cached value only when it was filled at exactly that id; otherwise it loads the
 * value again. Several server processes behind a load balancer each keep their own cache and stay
 * correct, because each asks the database, not its neighbours. A change made outside the use cases (SQL
 * typed by hand) appends no audit event and is seen from the next write on.
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
   * the value depends on besides the database (the parsed query, the id, the kind of reader). A value that
   * depends on the time (a deadline passed, days left) gets the database's clock, read in the same query
   * as the audit id: `key` is then a function of it and must name the time as coarsely as the value
   * changes with it (the Oslo date, say). `from` is the database, or a use case's context: a context
   * whose request already read the stamp (`readStamp`) saves the stamp query. Whether the caller may read at all is decided before, or by
   * `load` throwing, which keeps nothing.
   */
  read(
    from: ReadFrom,
    key: string | ((now: Date) => string),
    load: (reader: Db | Tx, now: Date) => Promise<T>,
  ): Promise<T>;
};

/** The stamp table's highest id, the version of everything written to the database, and its clock. */
async function currentStamp(db: Db | Tx, source: StampSource): Promise<{ stamp: bigint; now: Date }> {
  const query: SQL = sql`select coalesce(max(${source.id}), 0)::text as stamp,
               (extract(epoch from now()) * 1000)::float8 as ms
        from ${source.table}`;
  const result = (await db.execute(query)) as { rows: { stamp: string; ms: number | string }[] };
  const row = result.rows[0];
  const ms = Number(row?.ms);
  if (!row || !Number.isFinite(ms)) throw new Error('the database gave no audit id and time');
  return { stamp: BigInt(row.stamp), now: new Date(ms) };
}

/**
 * Why a fill could not take its lock: lock_not_available (a write in flight, LOCK … NOWAIT), or
 * insufficient_privilege (SHARE needs UPDATE, DELETE or TRUNCATE on audit_events, which an append-only
 * grant to the app's role would withhold: reads then stay correct, uncached). Drizzle wraps the driver's
 * error in `cause`.
 */
function isLockRefused(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '55P03' || code === '42501') return true;
  }
  return false;
}

/** Values this module handed out: deeply frozen, so what is serialized once is what every reader gets. */
const cachedValues = new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
}

/**
 * Whether a value came from a read cache: deeply frozen and shared by every request that reads it, so its
 * serialization can be kept with it (platform/http/cached-responses.ts).
 */
export const isCachedValue = (value: object): boolean => cachedValues.has(value);

/** Cached values are shared by every request that reads them: freezing makes a change throw, not leak. */
function markCached<T>(value: T): T {
  deepFreeze(value);
  if (typeof value === 'object' && value !== null) cachedValues.add(value);
  return value;
}

/** The values made from each cached value, by key: they go when it goes (a WeakMap). */
const derivedValues = new WeakMap<object, Map<string, unknown>>();

/**
 * A value made from a cached value (a page of it, a filtered view of it), kept with that value: it is as
 * current as its parent, since a write makes the cache hand out a new parent and this one's values go with
 * the old. It is marked cached too, so its JSON and compressed copies are made once
 * (platform/http/cached-responses.ts). At most `maxEntries` per parent, the least recently used going
 * first. A parent that is not a cached value gets its value made afresh, and nothing kept.
 */
export function derivedValue<T>(parent: object, key: string, make: () => T, maxEntries = 32): T {
  if (!isCachedValue(parent)) return make();
  let values = derivedValues.get(parent);
  if (!values) {
    values = new Map();
    derivedValues.set(parent, values);
  }
  if (values.has(key)) {
    const value = values.get(key) as T;
    values.delete(key);
    values.set(key, value);
    return value;
  }
  const value = markCached(make());
  values.set(key, value);
  while (values.size > maxEntries) {
    const oldest = values.keys().next();
    if (oldest.done) break;
    values.delete(oldest.value);
  }
  return value;
}

/**
 * Loads the value together with the stamp it belongs to, or without a stamp when a write is in flight
 * (see the module comment): such a value is served once and not kept.
 */
async function fill<T>(
  db: Db,
  source: StampSource,
  now: Date,
  load: (reader: Db | Tx, now: Date) => Promise<T>,
): Promise<Entry<T> | { value: T }> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${source.table} in share mode nowait`);
      const { stamp } = await currentStamp(tx, source);
      return { stamp, value: markCached(await load(tx, now)) };
    });
  } catch (error) {
    if (!isLockRefused(error)) throw error;
    return { value: markCached(await load(db, now)) };
  }
}

type Filled<T> = Entry<T> | { value: T };

/** One database's entries, and the fills running for them (by key, with the stamp they started at). */
type Store<T> = {
  entries: Map<string, Entry<T>>;
  filling: Map<string, { stamp: bigint; filled: Promise<Filled<T>> }>;
};

/**
 * A bounded least-recently-used cache; each database (each Db object) has its own entries, so two apps in
 * one process on different databases never share a value. Requests that miss the same key at the same
 * stamp wait for one fill instead of each reading the same thing (after a write, fifty readers of a
 * hearing would otherwise run fifty loads of it at once).
 */
export function createStampedReadCache<T>(options: { maxEntries: number; stamp: StampSource }): ReadCache<T> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1)
    throw new Error('a read cache holds at least one entry');
  const stores = new WeakMap<Db, Store<T>>();

  const keep = (entries: Map<string, Entry<T>>, key: string, entry: Entry<T>) => {
    // A fill that raced a newer one keeps the newer: it is current for longer.
    const newest = entries.get(key);
    if (newest && newest.stamp > entry.stamp) return;
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };

  return {
    async read(from, keyOf, load) {
      const db = isDb(from) ? from : from.db;
      const known = isDb(from) ? null : from.readStamp;
      let store = stores.get(db);
      if (!store) {
        store = { entries: new Map(), filling: new Map() };
        stores.set(db, store);
      }
      const { entries, filling } = store;
      const { stamp, now } =
        known && known.table === options.stamp.table ? known : await currentStamp(db, options.stamp);
      const key = typeof keyOf === 'string' ? keyOf : keyOf(now);
      const cached = entries.get(key);
      if (cached && cached.stamp === stamp) {
        // Most recently used last: a Map iterates in insertion order, so the first key is the one to evict.
        entries.delete(key);
        entries.set(key, cached);
        return cached.value;
      }

      // A fill that started at this stamp and holds the lock reads the state this request saw or a later
      // one. One that could not lock read while a write was in flight, perhaps before this request began:
      // its value is not taken over, this request reads for itself.
      const running = filling.get(key);
      if (running && running.stamp === stamp) {
        const shared = await running.filled;
        if ('stamp' in shared) return shared.value;
      }
      const filled = fill(db, options.stamp, now, load);
      filling.set(key, { stamp, filled });
      try {
        const result = await filled;
        if ('stamp' in result) keep(entries, key, result);
        return result.value;
      } finally {
        if (filling.get(key)?.filled === filled) filling.delete(key);
      }
    },
  };
}
