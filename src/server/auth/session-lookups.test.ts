import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Db } from '../db/client.js';
import { users } from '../users/user.table.js';
import { sessions } from './session.table.js';
import { authenticateSession, createSession, sessionId } from './sessions.js';

const keys = { secret: 'session-lookups-test-secret-0123456789', ttlHours: 1 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 300_000);
afterAll(async () => t.close());

/**
 * The database as the lookups see it, counting their queries; with a gate, each query's answer waits for
 * it after the query has run, so a lookup can be held in flight while the test writes.
 */
function watchedDb(db: Db, gate?: Promise<void>) {
  const watched = { queries: 0, db: db };
  watched.db = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'execute') return Reflect.get(target, prop);
      return async (query: Parameters<Db['execute']>[0]) => {
        watched.queries++;
        const result = await target.execute(query);
        if (gate) await gate;
        return result;
      };
    },
  });
  return watched;
}

const raise = (scope: string) =>
  t.database.db.execute(
    sql`insert into cache_versions (scope, version) values (${scope}, 1)
        on conflict (scope) do update set version = cache_versions.version + 1`,
  );

describe('session lookups', () => {
  it('answers each of many lookups at once with its own session, in far fewer queries', async () => {
    const db = t.database.db;
    const admin = await createSession(db, keys, t.actors.admin.id);
    const region = await createSession(db, keys, t.actors.region.id);
    const inactiveUser = t.actors.viewer.id;
    const inactive = await createSession(db, keys, inactiveUser);
    await db.update(users).set({ active: false }).where(eq(users.id, inactiveUser));
    const expired = 'expired-token';
    await db.insert(sessions).values({
      id: sessionId(keys.secret, expired),
      userId: t.actors.admin.id,
      expiresAt: new Date(Date.now() - 60_000),
    });
    try {
      const watched = watchedDb(db);
      const tokens = Array.from({ length: 10 }, () => [admin, region, inactive, expired, 'unknown']).flat();
      const found = await Promise.all(tokens.map((token) => authenticateSession(watched.db, keys, token)));
      expect(found.map((f) => f.actor?.email ?? null)).toEqual(
        tokens.map((token) =>
          token === admin ? t.actors.admin.email : token === region ? t.actors.region.email : null,
        ),
      );
      expect(found.find((f) => f.actor?.id === t.actors.region.id)?.actor).toMatchObject({
        role: 'region',
        regionId: t.actors.region.regionId,
      });
      // The first lookup goes alone; the 49 asked for while it was in flight share the next query.
      expect(watched.queries).toBe(2);
      for (const f of found) expect(f.readStamp.versions).toBeInstanceOf(Map);
    } finally {
      await db.update(users).set({ active: true }).where(eq(users.id, inactiveUser));
    }
  });

  it('gives a lookup asked for while another is in flight the versions written before it was asked', async () => {
    const db = t.database.db;
    const token = await createSession(db, keys, t.actors.admin.id);
    const scope = 'test:session-lookups';
    await raise(scope);
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const watched = watchedDb(db, gate);
    // The first lookup's query has run, and its answer is held: it is in flight while the write commits.
    const first = authenticateSession(watched.db, keys, token);
    await expect.poll(() => watched.queries).toBe(1);
    await raise(scope);
    const second = authenticateSession(watched.db, keys, token);
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(watched.queries).toBe(2);
    const before = a.readStamp.versions.get(scope) ?? 0n;
    expect(b.readStamp.versions.get(scope)).toBe(before + 1n);
    expect(a.actor?.id).toBe(t.actors.admin.id);
    expect(b.actor?.id).toBe(t.actors.admin.id);
  });

  it('refuses every lookup of a batch whose query fails, and the next batch works again', async () => {
    const db = t.database.db;
    const token = await createSession(db, keys, t.actors.admin.id);
    let failing = true;
    const flaky = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'execute') return Reflect.get(target, prop);
        return async (query: Parameters<Db['execute']>[0]) => {
          if (failing) throw new Error('the database went away');
          return target.execute(query);
        };
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map(() => authenticateSession(flaky, keys, token)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    failing = false;
    expect((await authenticateSession(flaky, keys, token)).actor?.id).toBe(t.actors.admin.id);
  });
});
