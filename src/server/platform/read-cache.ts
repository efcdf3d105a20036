import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.js';

/**
 * What stamps the cache: a table of counters, one row per scope (a part of the data that cached reads depend
 * on), each raised in the transaction of every write to that scope. The platform does not know which table
 * that is or which scopes exist; the audit trail supplies them (audit/audited-read-cache.ts, and appendAudit
 * raises them), so the platform never imports a feature. `everyRead` is the scope that every read depends on
 * whatever it names: a write that does not say what it changes raises it.
 */
export type VersionSource = {
  table: AnyPgTable;
  scope: AnyPgColumn;
  version: AnyPgColumn;
  everyRead: string;
};

/** The scopes a cached value depends on, or every scope (the audit log, which every write changes). */
export type Scopes = readonly string[] | 'every scope';

/**
 * The versions already read in this request, in the same statement as something else it needed (the session
 * lookup reads every scope's version and the database's clock with the session: auth/sessions.ts), so a
 * request served from the cache costs one query, not two. Only a request that writes nothing may carry them
 * (the access hook gives them to GET and HEAD): after a write in the same request they would be out of date.
 */
export type KnownStamp = { table: AnyPgTable; versions: ReadonlyMap<string, bigint>; now: Date };

/** Where a cached read reads from: the database, or a use case's context with the stamp its request read. */
export type ReadFrom = Db | { db: Db; readStamp?: KnownStamp | null | undefined };

const isDb = (from: ReadFrom): from is Db => typeof (from as { select?: unknown }).select === 'function';

/**
 * A per-process cache of read models that is never stale, for reads that many people repeat and few
 * writes change (the registry's regions, a hearing's input, a comparison of two versions).
 *
 * Scopes: every write raises, in its own transaction, a counter for each part of the data it changes
 * (`cycle:<id>`, `hearing:<id>`, `registry`…; appendAudit), and each cached read names the scopes its value
 * depends on. A value is stamped with the sum of its scopes' versions at the moment it was read, and served
 * only while that sum is unchanged. Each counter only grows, so the sum grows whenever any of them does, and
 * a write in one cycle leaves the reads of every other cycle cached. A write that does not name its scopes
 * raises one that every read counts (`everyRead`), so a forgotten scope costs speed, never correctness. A
 * read of 'every scope' sums every counter and changes with every write.
 *
 * Why it can be trusted: a fill reads the versions and then the value in one REPEATABLE READ transaction,
 * so both come from one snapshot: the value is exactly the data of the writes that had committed when the
 * versions were read. A write commits its data and its raised counters together, so any write that
 * committed later and changes the value has raised a counter the value depends on; a reader that asks
 * afterwards sees a higher sum and loads again. A write still in flight is in neither the versions nor the
 * value, so a fill need not wait for it or avoid it (the audit trail's ids, which are handed out before
 * commit and commit out of order, are not what is compared). Raising a counter is an update of its row,
 * which the row lock serializes, so two writes to one scope never give it the same version. Several server
 * processes behind a load balancer each keep their own cache and stay correct, because each asks the
 * database, not its neighbours. A change made outside the use cases (SQL typed by hand) raises nothing and
 * is seen from the next write to the same scope.
 */

type Entry<T> = { stamp: bigint; value: T };

export type ReadCache<T> = {
  /**
   * The value for `key`: from this process's cache while no write to its `scopes` committed since it was
   * filled, otherwise from `load`, which is given the connection to read through. The scopes must cover
   * everything the value reads from the database, and the key everything else it depends on (the parsed
   * query, the id, the kind of reader); the same key must always come with the same scopes. A value that
   * depends on the time (a deadline passed, days left) gets the database's clock, read in the same query
   * as the versions: `key` is then a function of it and must name the time as coarsely as the value
   * changes with it (the Oslo date, say). `from` is the database, or a use case's context: a context
   * whose request already read the versions (`readStamp`) saves that query. Whether the caller may read at
   * all is decided before, or by `load` throwing, which keeps nothing.
   */
  read(
    from: ReadFrom,
    scopes: Scopes,
    key: string | ((now: Date) => string),
    load: (reader: Db | Tx, now: Date) => Promise<T>,
  ): Promise<T>;

  /**
   * As `read`, for a value that one query gives: `query` is a scalar subquery whose single value is JSON
   * text, and `parse` makes the value of what it parsed to. A miss reads it in the same statement as the
   * versions, and one statement sees one snapshot, so the value and its stamp agree as a fill's transaction
   * makes them: one round trip to the database, where `read` makes four (begin, versions, value, commit).
   * For values missed often and loaded cheaply, such as counts that every comment changes.
   */
  readJson(from: ReadFrom, scopes: Scopes, key: string, query: SQL, parse: (json: unknown) => T): Promise<T>;
};

/** The versions of every scope, as sessions.ts also reads them, in the shape the query gives. */
export function versionsQuery(source: Pick<VersionSource, 'table' | 'scope' | 'version'>): SQL {
  return sql`(select coalesce(json_object_agg(${source.scope}, ${source.version}::text), '{}'::json)::text
                from ${source.table})`;
}

/** The versions as `versionsQuery` answers them: a JSON object of scopes to decimal strings. */
export function parseVersions(text: string): ReadonlyMap<string, bigint> {
  const parsed = JSON.parse(text) as Record<string, string>;
  return new Map(Object.entries(parsed).map(([scope, version]) => [scope, BigInt(version)]));
}

/** Every scope's version and the database's clock. */
async function currentVersions(
  db: Db | Tx,
  source: VersionSource,
): Promise<{ versions: ReadonlyMap<string, bigint>; now: Date }> {
  const query: SQL = sql`select ${versionsQuery(source)} as versions,
               (extract(epoch from now()) * 1000)::float8 as ms`;
  const result = (await db.execute(query)) as { rows: { versions: string; ms: number | string }[] };
  const row = result.rows[0];
  const ms = Number(row?.ms);
  if (!row || !Number.isFinite(ms)) throw new Error('the database gave no versions and time');
  return { versions: parseVersions(row.versions), now: new Date(ms) };
}

/** The stamp of a value that depends on `scopes`: the sum of their versions and of `everyRead`'s. */
export function stampOf(versions: ReadonlyMap<string, bigint>, scopes: Scopes, everyRead: string): bigint {
  let sum = 0n;
  if (scopes === 'every scope') {
    for (const version of versions.values()) sum += version;
    return sum;
  }
  for (const scope of new Set([...scopes, everyRead])) sum += versions.get(scope) ?? 0n;
  return sum;
}

/**
 * Values this module handed out: deeply frozen, so what is serialized once is what every reader gets. Bytes
 * (a Buffer: an answer already serialized) cannot be frozen; they are kept as they are, and no caller
 * writes into them.
 */
const cachedValues = new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (ArrayBuffer.isView(value)) return;
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
 * Loads the value together with the versions it belongs to, in one snapshot (see the module comment). Read
 * only: a load that wrote would raise the versions it was stamped with.
 */
async function fill<T>(
  db: Db,
  source: VersionSource,
  scopes: Scopes,
  now: Date,
  load: (reader: Db | Tx, now: Date) => Promise<T>,
): Promise<Entry<T>> {
  return db.transaction(
    async (tx) => {
      const { versions } = await currentVersions(tx, source);
      return { stamp: stampOf(versions, scopes, source.everyRead), value: markCached(await load(tx, now)) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The value of `query` (JSON text) together with the versions, in one statement: one snapshot. */
async function fillInOne<T>(
  db: Db,
  source: VersionSource,
  scopes: Scopes,
  query: SQL,
  parse: (json: unknown) => T,
): Promise<Entry<T>> {
  const result = (await db.execute(
    sql`select ${versionsQuery(source)} as versions, (${query})::text as value`,
  )) as { rows: { versions: string; value: string | null }[] };
  const row = result.rows[0];
  if (!row) throw new Error('the database gave no versions');
  const value = parse(row.value === null ? null : JSON.parse(row.value));
  return { stamp: stampOf(parseVersions(row.versions), scopes, source.everyRead), value: markCached(value) };
}

/** One database's entries, and the fills running for them (by key, with the stamp they started at). */
type Store<T> = {
  entries: Map<string, Entry<T>>;
  filling: Map<string, { stamp: bigint; filled: Promise<Entry<T>> }>;
};

/**
 * A bounded least-recently-used cache; each database (each Db object) has its own entries, so two apps in
 * one process on different databases never share a value. Requests that miss the same key at the same
 * stamp wait for one fill instead of each reading the same thing (after a write, fifty readers of a
 * hearing would otherwise run fifty loads of it at once).
 */
export function createStampedReadCache<T>(options: {
  maxEntries: number;
  versions: VersionSource;
}): ReadCache<T> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1)
    throw new Error('a read cache holds at least one entry');
  const source = options.versions;
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

  const read = async (
    from: ReadFrom,
    scopes: Scopes,
    keyOf: string | ((now: Date) => string),
    fillFor: (db: Db, now: Date) => Promise<Entry<T>>,
  ): Promise<T> => {
    const db = isDb(from) ? from : from.db;
    const known = isDb(from) ? null : from.readStamp;
    let store = stores.get(db);
    if (!store) {
      store = { entries: new Map(), filling: new Map() };
      stores.set(db, store);
    }
    const { entries, filling } = store;
    const { versions, now } =
      known && known.table === source.table ? known : await currentVersions(db, source);
    const stamp = stampOf(versions, scopes, source.everyRead);
    const key = typeof keyOf === 'string' ? keyOf : keyOf(now);
    const cached = entries.get(key);
    if (cached && cached.stamp === stamp) {
      // Most recently used last: a Map iterates in insertion order, so the first key is the one to evict.
      entries.delete(key);
      entries.set(key, cached);
      return cached.value;
    }

    // A fill that started at this stamp reads a snapshot taken after it started, so the state this request
    // saw or a later one: its value is taken over.
    const running = filling.get(key);
    if (running && running.stamp === stamp) return (await running.filled).value;
    const filled = fillFor(db, now);
    filling.set(key, { stamp, filled });
    try {
      const result = await filled;
      keep(entries, key, result);
      return result.value;
    } finally {
      if (filling.get(key)?.filled === filled) filling.delete(key);
    }
  };

  return {
    read: (from, scopes, keyOf, load) =>
      read(from, scopes, keyOf, (db, now) => fill(db, source, scopes, now, load)),
    readJson: (from, scopes, key, query, parse) =>
      read(from, scopes, key, (db) => fillInOne(db, source, scopes, query, parse)),
  };
}
