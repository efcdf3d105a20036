import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { origin, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Region } from '../../shared/contracts/registry.js';
import { buildApp } from '../app.js';
import { appendAudit } from '../audit/append-audit.js';
import { auditedVersions, createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { cacheVersions } from '../audit/cache-version.table.js';
import { type Database, type Db, openDatabase } from '../db/client.js';
import * as schema from '../db/schema.js';
import { systemActor } from './context.js';
import { derivedValue, isCachedValue, type ReadFrom, type Scopes, stampOf } from './read-cache.js';

let t: TestApp;
/** A second handle on the same database, as a second server process has: its own connections, its own cache. */
let other: { db: Db; close(): Promise<void> };
let admin: string;
const secret = 'test-secret-test-secret-test-secret';

async function secondHandle(database: Database): Promise<{ db: Db; close(): Promise<void> }> {
  if (database.driver.engine === 'pglite') {
    // PGlite is one connection in this process; a second Drizzle instance on it is a second cache owner.
    return { db: drizzlePglite(database.driver.client, { schema }) as unknown as Db, close: async () => {} };
  }
  const handle = await openDatabase({ kind: 'postgresql', url: database.driver.url, poolSize: 3 });
  return { db: handle.db, close: () => handle.close() };
}

beforeAll(async () => {
  t = await startTestApp();
  other = await secondHandle(t.database);
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => {
  await other.close();
  await t.close();
});

/**
 * A write that names no scopes, as a use case whose scopes were forgotten: every use case appends an audit
 * event in its transaction, and appendAudit raises the versions the cache looks at.
 */
const write = (db: Db, scopes?: readonly string[]) =>
  db.transaction((tx) =>
    appendAudit(
      tx,
      { actor: systemActor, requestId: 'read-cache-test' },
      {
        action: 'county.update',
        entityType: 'county',
        entityId: 'county',
        before: null,
        after: null,
        scopes,
      },
    ),
  );

/** A cache whose loads are counted, each answering with the number of loads so far. */
function countingCache(maxEntries = 8, scopes: Scopes = 'every scope') {
  const cache = createReadCache<{ load: number; key: string }>({ maxEntries });
  let loads = 0;
  const read = (from: ReadFrom, key: string) =>
    cache.read(from, scopes, key, async () => {
      loads += 1;
      return { load: loads, key };
    });
  return { read, loads: () => loads };
}

/**
 * The database handle with the statements and transactions it is asked for counted: the versions' query is
 * one `execute`, a fill one `transaction`.
 */
function counting(db: Db): { db: Db; count: () => number; reset: () => void } {
  let calls = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if ((property === 'execute' || property === 'transaction') && typeof value === 'function')
        return (...args: unknown[]) => {
          calls += 1;
          return value.apply(target, args);
        };
      return value;
    },
  });
  return { db: counted, count: () => calls, reset: () => (calls = 0) };
}

describe('read cache', () => {
  it('serves the value it read while nothing was written, without loading it again', async () => {
    const cache = countingCache();
    const first = await cache.read(t.database.db, 'a');
    const second = await cache.read(t.database.db, 'a');
    expect(first).toEqual({ load: 1, key: 'a' });
    expect(second).toBe(first);
    expect(cache.loads()).toBe(1);
  });

  it('loads again after a write, made in this process or through another connection', async () => {
    const cache = countingCache();
    await cache.read(t.database.db, 'a');
    await write(t.database.db);
    expect(await cache.read(t.database.db, 'a')).toEqual({ load: 2, key: 'a' });
    await write(other.db);
    expect(await cache.read(t.database.db, 'a')).toEqual({ load: 3, key: 'a' });
    expect(await cache.read(t.database.db, 'a')).toEqual({ load: 3, key: 'a' });
  });

  it('takes the stamp its request already read, and asks the database only when it has none', async () => {
    const cache = countingCache();
    let queries = 0;
    // The database handle, with its statements counted: a stamp query is one `execute`.
    const counted = new Proxy(t.database.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property === 'execute' && typeof value === 'function')
          return (...args: unknown[]) => {
            queries += 1;
            return value.apply(target, args);
          };
        return value;
      },
    });
    await cache.read(counted, 'a');
    const { authenticateSession } = await import('../auth/sessions.js');
    const { readStamp } = await authenticateSession(t.database.db, { secret, ttlHours: 1 }, 'no such token');
    queries = 0;
    expect(await cache.read({ db: counted, readStamp }, 'a')).toEqual({ load: 1, key: 'a' });
    expect(queries).toBe(0);
    expect(await cache.read(counted, 'a')).toEqual({ load: 1, key: 'a' });
    expect(queries).toBe(1);

    // A stamp read before a write is not taken for the state after it: the cache loads again.
    await write(t.database.db);
    const after = await authenticateSession(t.database.db, { secret, ttlHours: 1 }, 'no such token');
    const sum = (stamp: typeof readStamp) =>
      stampOf(stamp.versions, 'every scope', auditedVersions.everyRead);
    expect(sum(after.readStamp)).toBeGreaterThan(sum(readStamp));
    expect(await cache.read({ db: counted, readStamp: after.readStamp }, 'a')).toEqual({ load: 2, key: 'a' });
  });

  it('keeps each key apart, and each database handle apart', async () => {
    const cache = countingCache();
    expect(await cache.read(t.database.db, 'a')).toEqual({ load: 1, key: 'a' });
    expect(await cache.read(t.database.db, 'b')).toEqual({ load: 2, key: 'b' });
    expect(await cache.read(other.db, 'a')).toEqual({ load: 3, key: 'a' });
    expect(await cache.read(t.database.db, 'a')).toEqual({ load: 1, key: 'a' });
  });

  it('keeps at most its number of entries, dropping the one used longest ago', async () => {
    const cache = countingCache(2);
    await cache.read(t.database.db, 'a'); // load 1
    await cache.read(t.database.db, 'b'); // load 2
    await cache.read(t.database.db, 'a'); // kept: a is now the most recently used
    await cache.read(t.database.db, 'c'); // load 3, drops b
    expect(await cache.read(t.database.db, 'a')).toEqual({ load: 1, key: 'a' });
    expect(await cache.read(t.database.db, 'c')).toEqual({ load: 3, key: 'c' });
    expect(await cache.read(t.database.db, 'b')).toEqual({ load: 4, key: 'b' });
    expect(cache.loads()).toBe(4);
  });

  it('keeps nothing when the load fails, and loads again on the next read', async () => {
    const cache = createReadCache<string>({ maxEntries: 2 });
    await expect(
      cache.read(t.database.db, 'every scope', 'a', async () => {
        throw new Error('the read failed');
      }),
    ).rejects.toThrow('the read failed');
    expect(await cache.read(t.database.db, 'every scope', 'a', async () => 'read again')).toBe('read again');
  });

  it('hands out a frozen value, so that no caller can change what the next one gets', async () => {
    const cache = createReadCache<{ items: { name: string }[] }>({ maxEntries: 2 });
    const value = await cache.read(t.database.db, 'every scope', 'a', async () => ({
      items: [{ name: 'Halden' }],
    }));
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.items[0])).toBe(true);
    expect(() => {
      (value.items as { name: string }[]).push({ name: 'Moss' });
    }).toThrow(TypeError);
  });

  it('loads once for requests that miss the same key together', async () => {
    let loads = 0;
    const cache = createReadCache<{ load: number }>({ maxEntries: 2 });
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { load: loads };
    };
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => cache.read(t.database.db, 'every scope', 'a', load)),
    );
    expect(loads).toBe(1);
    for (const answer of answers) expect(answer).toBe(answers[0]);
  });

  it('gives every request waiting for a failed load its error, and keeps nothing', async () => {
    const cache = createReadCache<string>({ maxEntries: 2 });
    let loads = 0;
    const failing = async (): Promise<string> => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('the read failed');
    };
    const answers = await Promise.allSettled(
      [1, 2, 3].map(() => cache.read(t.database.db, 'every scope', 'a', failing)),
    );
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(loads).toBe(1);
    expect(await cache.read(t.database.db, 'every scope', 'a', async () => 'read again')).toBe('read again');
  });

  it('gives a value that depends on the time the database clock, and keys it by what the caller names', async () => {
    const databaseMs = async () => {
      const result = (await t.database.db.execute(
        sql`select (extract(epoch from now()) * 1000)::float8 as ms`,
      )) as { rows: { ms: number | string }[] };
      return Number(result.rows[0]?.ms);
    };
    const cache = createReadCache<{ ms: number }>({ maxEntries: 4 });
    let keyedAt: Date | null = null;
    const before = await databaseMs();
    const value = await cache.read(
      t.database.db,
      'every scope',
      (now) => {
        keyedAt = now;
        return 'today';
      },
      async (_reader, now) => ({ ms: now.getTime() }),
    );
    const after = await databaseMs();
    expect(value.ms).toBe((keyedAt as Date | null)?.getTime());
    expect(value.ms).toBeGreaterThanOrEqual(Math.floor(before));
    expect(value.ms).toBeLessThanOrEqual(Math.ceil(after));
    expect(
      await cache.read(
        t.database.db,
        'every scope',
        () => 'today',
        async () => ({ ms: -1 }),
      ),
    ).toBe(value);
    expect(
      await cache.read(
        t.database.db,
        'every scope',
        () => 'tomorrow',
        async () => ({ ms: -1 }),
      ),
    ).toEqual({ ms: -1 });
  });

  it('refuses a size below one entry', () => {
    expect(() => createReadCache({ maxEntries: 0 })).toThrow('at least one entry');
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, keeps what it reads where the app may only append to the audit trail and raise the versions',
    async () => {
      if (t.database.driver.engine !== 'postgresql') throw new Error('a PostgreSQL test database');
      const role = `partnerskap_appender_${randomBytes(4).toString('hex')}`;
      await t.database.db.execute(sql.raw(`create role ${role}`));
      await t.database.db.execute(sql.raw(`grant select, insert on audit_events to ${role}`));
      await t.database.db.execute(sql.raw(`grant usage on sequence audit_events_id_seq to ${role}`));
      await t.database.db.execute(sql.raw(`grant select, insert, update on cache_versions to ${role}`));
      const pool = new pg.Pool({ connectionString: t.database.driver.url, max: 2 });
      // Queued on the new connection before any query it is handed out for.
      pool.on('connect', (client) => void client.query(`set role ${role}`));
      try {
        const appender = drizzlePg(pool, { schema }) as unknown as Db;
        const cache = countingCache();
        expect(await cache.read(appender, 'a')).toEqual({ load: 1, key: 'a' });
        expect(await cache.read(appender, 'a')).toEqual({ load: 1, key: 'a' });
        await write(appender);
        expect(await cache.read(appender, 'a')).toEqual({ load: 2, key: 'a' });
      } finally {
        await pool.end();
        await t.database.db.execute(sql.raw(`revoke all on audit_events from ${role}`));
        await t.database.db.execute(sql.raw(`revoke all on sequence audit_events_id_seq from ${role}`));
        await t.database.db.execute(sql.raw(`revoke all on cache_versions from ${role}`));
        await t.database.db.execute(sql.raw(`drop role ${role}`));
      }
    },
  );

  // Only a server has several connections: on PGlite a transaction holds the one connection, so no read can
  // run while a write is in flight.
  it.runIf(process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, fills and keeps values while a write is in flight, and loads again when it commits',
    async () => {
      const scope = cacheScope.cycle(randomUUID());
      const cache = countingCache(8, [scope]);
      await cache.read(t.database.db, 'a');
      let commit = () => {};
      const released = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let inFlight = () => {};
      const appended = new Promise<void>((resolve) => {
        inFlight = resolve;
      });
      // The slow write has changed its scope and not committed.
      const slow = other.db.transaction(async (tx) => {
        await appendAudit(
          tx,
          { actor: systemActor, requestId: 'slow' },
          {
            action: 'county.update',
            entityType: 'county',
            entityId: 'county',
            before: null,
            after: null,
            scopes: [scope],
          },
        );
        inFlight();
        await released;
      });
      await appended;
      await write(t.database.db, [cacheScope.cycle(randomUUID())]); // another scope, committed meanwhile

      expect(await cache.read(t.database.db, 'a')).toEqual({ load: 1, key: 'a' });
      expect(await cache.read(t.database.db, 'b')).toEqual({ load: 2, key: 'b' });
      expect(await cache.read(t.database.db, 'b')).toEqual({ load: 2, key: 'b' }); // kept
      commit();
      await slow;
      expect(await cache.read(t.database.db, 'a')).toEqual({ load: 3, key: 'a' });
      expect(await cache.read(t.database.db, 'b')).toEqual({ load: 4, key: 'b' });
      expect(await cache.read(t.database.db, 'b')).toEqual({ load: 4, key: 'b' });
    },
  );
});

describe('scoped versions', () => {
  const cycleA = cacheScope.cycle(randomUUID());
  const cycleB = cacheScope.cycle(randomUUID());
  const versionOf = async (scope: string) => {
    const [row] = await t.database.db
      .select({ version: cacheVersions.version })
      .from(cacheVersions)
      .where(eq(cacheVersions.scope, scope));
    return row?.version ?? 0;
  };

  it("a write in one cycle loads that cycle's reads again and keeps the other cycle's and the registry's", async () => {
    const a = countingCache(8, [cycleA, cacheScope.registry]);
    const b = countingCache(8, [cycleB, cacheScope.registry]);
    const registry = countingCache(8, [cacheScope.registry]);
    expect(await a.read(t.database.db, 'overview')).toEqual({ load: 1, key: 'overview' });
    expect(await b.read(t.database.db, 'overview')).toEqual({ load: 1, key: 'overview' });
    expect(await registry.read(t.database.db, 'regions')).toEqual({ load: 1, key: 'regions' });

    await write(t.database.db, [cycleA]);
    expect(await a.read(t.database.db, 'overview')).toEqual({ load: 2, key: 'overview' });
    expect(await b.read(t.database.db, 'overview')).toEqual({ load: 1, key: 'overview' });
    expect(await registry.read(t.database.db, 'regions')).toEqual({ load: 1, key: 'regions' });

    // A write to a scope both depend on loads both again.
    await write(t.database.db, [cacheScope.registry]);
    expect(await a.read(t.database.db, 'overview')).toEqual({ load: 3, key: 'overview' });
    expect(await b.read(t.database.db, 'overview')).toEqual({ load: 2, key: 'overview' });
    expect(await registry.read(t.database.db, 'regions')).toEqual({ load: 2, key: 'regions' });
  });

  it('a write that names no scope loads every read again; one that no read shows, only the audit log', async () => {
    const a = countingCache(8, [cycleA]);
    const auditLog = countingCache(8, 'every scope');
    await a.read(t.database.db, 'x');
    await auditLog.read(t.database.db, 'page');

    await write(t.database.db, []);
    expect(await a.read(t.database.db, 'x')).toEqual({ load: 1, key: 'x' });
    expect(await auditLog.read(t.database.db, 'page')).toEqual({ load: 2, key: 'page' });

    await write(t.database.db);
    expect(await a.read(t.database.db, 'x')).toEqual({ load: 2, key: 'x' });
    expect(await auditLog.read(t.database.db, 'page')).toEqual({ load: 3, key: 'page' });
  });

  it('a write through a second database handle, as a second server process makes it, is seen the same way', async () => {
    const a = countingCache(8, [cycleA]);
    const b = countingCache(8, [cycleB]);
    for (const db of [t.database.db, other.db]) {
      await a.read(db, 'x');
      await b.read(db, 'x');
    }
    await write(other.db, [cycleA]);
    expect(await a.read(t.database.db, 'x')).toEqual({ load: 3, key: 'x' });
    expect(await a.read(other.db, 'x')).toEqual({ load: 4, key: 'x' });
    expect(await b.read(t.database.db, 'x')).toEqual({ load: 1, key: 'x' });
    expect(await b.read(other.db, 'x')).toEqual({ load: 2, key: 'x' });
  });

  it('serves a scoped read with the versions the session lookup read, asking nothing more, until its scope is written', async () => {
    const a = countingCache(8, [cycleA]);
    const { db: counted, count: queries, reset } = counting(t.database.db);
    const { authenticateSession } = await import('../auth/sessions.js');
    const session = () => authenticateSession(t.database.db, { secret, ttlHours: 1 }, 'no such token');
    await a.read(counted, 'x');
    await write(t.database.db, [cycleB]);
    reset();
    expect(await a.read({ db: counted, readStamp: (await session()).readStamp }, 'x')).toEqual({
      load: 1,
      key: 'x',
    });
    expect(queries()).toBe(0);

    await write(t.database.db, [cycleA]);
    expect(await a.read({ db: counted, readStamp: (await session()).readStamp }, 'x')).toEqual({
      load: 2,
      key: 'x',
    });
    expect(queries()).toBe(1); // the fill: one transaction, the versions and the load in one snapshot
  });

  it('reads a value that one query gives in the statement that reads the versions: one statement per miss', async () => {
    const cache = createReadCache<{ version: number; parsed: number }>({ maxEntries: 4 });
    let parsed = 0;
    const { db: counted, count: statements } = counting(t.database.db);
    // The value is cycle A's own version, so it shows which snapshot it was read in.
    const read = async () =>
      cache.readJson(
        { db: counted, readStamp: (await session()).readStamp },
        [cycleA],
        'version of A',
        sql`(select json_build_object('version', coalesce(max(${cacheVersions.version}), 0))
               from ${cacheVersions} where ${cacheVersions.scope} = ${cycleA})`,
        (json) => {
          parsed += 1;
          return { version: Number((json as { version: number }).version), parsed };
        },
      );
    const { authenticateSession } = await import('../auth/sessions.js');
    const session = () => authenticateSession(t.database.db, { secret, ttlHours: 1 }, 'no such token');

    await write(t.database.db, [cycleA]);
    const first = await read();
    expect(statements()).toBe(1);
    expect(first.version).toBe(Number(await versionOf(cycleA)));
    expect(Object.isFrozen(first)).toBe(true);

    // Kept through a write to another scope; read again, in one statement, after a write to its own.
    await write(t.database.db, [cycleB]);
    expect(await read()).toBe(first);
    expect(statements()).toBe(1);
    await write(other.db, [cycleA]);
    const second = await read();
    expect(statements()).toBe(2);
    expect(second).toEqual({ version: first.version + 1, parsed: 2 });
    expect(await read()).toBe(second);

    // A value the parser refuses is not kept: the next read asks again.
    const refusing = createReadCache<never>({ maxEntries: 4 });
    const refused = () =>
      refusing.readJson(t.database.db, [cycleA], 'x', sql`(select json_build_object('n', 1))`, () => {
        throw new Error('not the shape asked for');
      });
    await expect(refused()).rejects.toThrow('not the shape asked for');
    await expect(refused()).rejects.toThrow('not the shape asked for');
  });

  it('raises each scope once per transaction, however many events name it', async () => {
    const before = await versionOf(cycleA);
    await t.database.db.transaction(async (tx) => {
      for (const entityId of ['one', 'two', 'three'])
        await appendAudit(
          tx,
          { actor: systemActor, requestId: 'read-cache-test' },
          {
            action: 'county.update',
            entityType: 'county',
            entityId,
            before: null,
            after: null,
            scopes: [cycleA],
          },
        );
    });
    expect(await versionOf(cycleA)).toBe(before + 1);
  });

  it('raises the versions as the last statement of the transaction, or at once inside a savepoint', async () => {
    const before = await versionOf(cycleA);
    const seen = await t.database.db.transaction(async (tx) => {
      await appendAudit(
        tx,
        { actor: systemActor, requestId: 'read-cache-test' },
        {
          action: 'county.update',
          entityType: 'county',
          entityId: 'x',
          before: null,
          after: null,
          scopes: [cycleA],
        },
      );
      const [row] = await tx
        .select({ version: cacheVersions.version })
        .from(cacheVersions)
        .where(eq(cacheVersions.scope, cycleA));
      const inSavepoint = await tx.transaction(async (savepoint) => {
        await appendAudit(
          savepoint,
          { actor: systemActor, requestId: 'read-cache-test' },
          {
            action: 'county.update',
            entityType: 'county',
            entityId: 'y',
            before: null,
            after: null,
            scopes: [cycleB],
          },
        );
        const [raised] = await savepoint
          .select({ version: cacheVersions.version })
          .from(cacheVersions)
          .where(eq(cacheVersions.scope, cycleB));
        return raised?.version ?? 0;
      });
      return { inTransaction: row?.version ?? 0, inSavepoint };
    });
    expect(seen.inTransaction).toBe(before);
    expect(seen.inSavepoint).toBeGreaterThan(0);
    expect(await versionOf(cycleA)).toBe(before + 1);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, a write to a scope does not wait for another transaction that wrote to it and has not ended',
    async () => {
      const before = await versionOf(cycleA);
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      let appended = () => {};
      const inFlight = new Promise<void>((resolve) => {
        appended = resolve;
      });
      const slow = other.db.transaction(async (tx) => {
        await appendAudit(
          tx,
          { actor: systemActor, requestId: 'slow' },
          {
            action: 'county.update',
            entityType: 'county',
            entityId: 'x',
            before: null,
            after: null,
            scopes: [cycleA],
          },
        );
        appended();
        await ended;
      });
      await inFlight;
      const quick = write(t.database.db, [cycleA]).then(() => 'committed');
      const waited = new Promise((resolve) => setTimeout(() => resolve('waited'), 2_000));
      try {
        expect(await Promise.race([quick, waited])).toBe('committed');
      } finally {
        end();
        await slow;
        await quick;
      }
      expect(await versionOf(cycleA)).toBe(before + 2);
    },
  );

  it('raises nothing when the write rolls back', async () => {
    const before = await versionOf(cycleA);
    await expect(
      t.database.db.transaction(async (tx) => {
        await appendAudit(
          tx,
          { actor: systemActor, requestId: 'read-cache-test' },
          {
            action: 'county.update',
            entityType: 'county',
            entityId: 'x',
            before: null,
            after: null,
            scopes: [cycleA],
          },
        );
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await versionOf(cycleA)).toBe(before);
  });
});

describe('cached registry reads', () => {
  let second: FastifyInstance;
  beforeAll(async () => {
    second = await buildApp({
      db: other.db,
      engine: t.database.engine,
      keys: { secret, ttlHours: 1 },
      logger: false,
    });
    await second.ready();
  });
  afterAll(async () => second.close());

  const get = async (app: FastifyInstance, url: string) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { host: 'partnerskap.test', cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const regions = async (app: FastifyInstance): Promise<Region[]> =>
    (await get(app, '/api/v1/regions')).items;

  it('show a rename at once, in the process that made it and in a second app on the same database', async () => {
    const before = await regions(t.app);
    expect(await regions(second)).toEqual(before);
    const halden = before.find((r) => r.name === 'Haldenregionen');
    if (!halden) throw new Error('no Haldenregionen in the demo');
    expect(await get(second, `/api/v1/regions/${halden.id}`)).toEqual(halden);

    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${halden.id}`,
      cookie: admin,
      payload: { name: 'Haldenregionen IPR', version: halden.version },
    });
    expect(renamed.statusCode).toBe(200);

    for (const app of [t.app, second]) {
      const names = (await regions(app)).map((r) => r.name);
      expect(names).toContain('Haldenregionen IPR');
      expect(names).not.toContain('Haldenregionen');
      expect((await get(app, `/api/v1/regions/${halden.id}`)).name).toBe('Haldenregionen IPR');
    }
  });

  it('show a member added through the second app in the first', async () => {
    const [hallingdal] = (await get(t.app, '/api/v1/regions?q=Hallingdal')).items as Region[];
    if (!hallingdal) throw new Error('no Hallingdal in the demo');
    const outsider = (await get(t.app, '/api/v1/municipalities?limit=500')).items.find(
      (m: { id: string }) => !hallingdal.members.some((member) => member.municipalityId === m.id),
    );
    const added = await second.inject({
      method: 'POST',
      url: `/api/v1/regions/${hallingdal.id}/members`,
      headers: { host: 'partnerskap.test', origin, cookie: admin },
      payload: { municipalityId: outsider.id, validFrom: '2026-01-01' },
    });
    expect(added.statusCode).toBe(201);

    const after: Region = await get(t.app, `/api/v1/regions/${hallingdal.id}`);
    expect(after.members).toHaveLength(hallingdal.members.length + 1);
    expect(after.members.map((m) => m.municipalityId)).toContain(outsider.id);
    const [listed] = (await get(t.app, '/api/v1/regions?q=Hallingdal')).items as Region[];
    expect(listed).toEqual(after);
  });
});

describe('a value derived from a cached value', () => {
  it('is made once per key while its parent is current, kept with it and served as a cached value; a new parent makes it anew', async () => {
    const { read } = countingCache();
    const parent = await read(t.database.db, 'derived-parent');
    let made = 0;
    const page = (key: string) =>
      derivedValue(parent, key, () => {
        made += 1;
        return { key, made };
      });
    const first = page('page 1');
    expect(page('page 1')).toBe(first);
    expect(made).toBe(1);
    expect(isCachedValue(first)).toBe(true);
    expect(Object.isFrozen(first)).toBe(true);
    expect(page('page 2')).not.toBe(first);
    expect(made).toBe(2);

    // After a write the cache hands out a new parent, whose values are made from it.
    await write(t.database.db);
    const next = await read(t.database.db, 'derived-parent');
    expect(next).not.toBe(parent);
    const again = derivedValue(next, 'page 1', () => ({ key: 'page 1', made: -1 }));
    expect(again).toEqual({ key: 'page 1', made: -1 });
  });

  it('keeps at most its bound per parent, the least recently used going first, and nothing for a value not cached', async () => {
    const { read } = countingCache();
    const parent = await read(t.database.db, 'derived-bounded');
    let made = 0;
    const make = (key: string) => () => {
      made += 1;
      return { key };
    };
    derivedValue(parent, 'a', make('a'), 2);
    derivedValue(parent, 'b', make('b'), 2);
    derivedValue(parent, 'a', make('a'), 2); // used again: now the most recent
    derivedValue(parent, 'c', make('c'), 2); // 'b' goes
    expect(made).toBe(3);
    derivedValue(parent, 'a', make('a'), 2);
    expect(made).toBe(3);
    derivedValue(parent, 'b', make('b'), 2);
    expect(made).toBe(4);

    const plain = { not: 'cached' };
    const once = derivedValue(plain, 'x', () => ({ x: 1 }));
    expect(derivedValue(plain, 'x', () => ({ x: 1 }))).not.toBe(once);
    expect(isCachedValue(once)).toBe(false);
  });
});
