import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import { regions } from '../registry/registry.table.js';
import { type Database, type Db, openDatabase } from './client.js';
import { namingClient, statementNames } from './named-statements.js';

/** The statements prepared on the one connection of a pool of one. */
async function prepared(db: Db): Promise<string[]> {
  const result = (await db.execute(
    sql`select statement from pg_prepared_statements order by statement`,
  )) as unknown as { rows: { statement: string }[] };
  return result.rows.map((r) => r.statement);
}

describe.runIf(process.env.TEST_DATABASE_URL)('statements named on PostgreSQL', () => {
  let database: Database;
  let url: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    if (database.driver.engine !== 'postgresql') throw new Error('PostgreSQL is asked for');
    url = database.driver.url;
  });
  afterAll(async () => {
    await database.close();
  });

  it('are parsed once per connection from their second run, and answer as unnamed ones do', async () => {
    const one = await openDatabase({ kind: 'postgresql', url, poolSize: 1 });
    try {
      const byId = (id: string) =>
        one.db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, id));
      const [created] = await one.db.insert(regions).values({ name: 'Navngitt region' }).returning();
      if (!created) throw new Error('no region made');
      expect(await byId(created.id)).toEqual([{ id: created.id, name: 'Navngitt region' }]);
      expect((await prepared(one.db)).filter((s) => s.includes('"regions"'))).toEqual([]);
      for (let run = 0; run < 3; run++)
        expect(await byId(created.id)).toEqual([{ id: created.id, name: 'Navngitt region' }]);
      const named = (await prepared(one.db)).filter((s) => s.includes('"regions"'));
      expect(named).toHaveLength(1);
      expect(named[0]).toContain('where "regions"."id" = $1');

      // In a transaction, on the same connection, and after a rollback, as well.
      await expect(
        one.db.transaction(async (tx) => {
          await tx.update(regions).set({ name: 'Omdøpt' }).where(eq(regions.id, created.id));
          expect(
            await tx.select({ name: regions.name }).from(regions).where(eq(regions.id, created.id)),
          ).toEqual([{ name: 'Omdøpt' }]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await byId(created.id)).toEqual([{ id: created.id, name: 'Navngitt region' }]);
    } finally {
      await one.close();
    }
  });

  it('are not named when the deployment turns it off', async () => {
    const off = await openDatabase({ kind: 'postgresql', url, poolSize: 1, preparedStatements: false });
    try {
      for (let run = 0; run < 3; run++)
        await off.db.select({ id: regions.id }).from(regions).where(eq(regions.name, 'Ingen'));
      expect(await prepared(off.db)).toEqual([]);
    } finally {
      await off.close();
    }
  });

  it("send a transaction's BEGIN with its first statement, one round trip less, and keep what it means", async () => {
    const client = new (namingClient(statementNames(100)))({ connectionString: url });
    await client.connect();
    let roundTrips = 0;
    (client as unknown as { connection: pg.Connection }).connection.on('readyForQuery', () => {
      roundTrips += 1;
    });
    const db = drizzle(client);
    const counted = async (run: () => Promise<unknown>) => {
      const before = roundTrips;
      await run();
      return roundTrips - before;
    };
    const named = (name: string) => db.select({ id: regions.id }).from(regions).where(eq(regions.name, name));
    try {
      const insert = (name: string) =>
        db.transaction(async (tx) => {
          await tx.insert(regions).values({ name });
        });
      // The connection's first transaction prepares its BEGIN: begin, insert, commit.
      expect(await counted(() => insert('Første transaksjon'))).toBe(3);
      // From then on the BEGIN goes with the insert: two.
      expect(await counted(() => insert('Andre transaksjon'))).toBe(2);
      expect(await named('Andre transaksjon')).toHaveLength(1);

      // The first statement runs in the transaction: a rollback takes it back.
      await expect(
        db.transaction(async (tx) => {
          await tx.insert(regions).values({ name: 'Angret' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await named('Angret')).toEqual([]);

      // A first statement that fails fails the transaction, and the connection goes on.
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`select 1 / ${0}::int`);
        }),
      ).rejects.toMatchObject({ cause: { code: '22012' } });
      expect(await counted(() => insert('Etter feilen'))).toBe(2);

      // Its isolation level holds from the first statement; one without parameters comes after the BEGIN.
      const level = (first: 'with' | 'without') =>
        db.transaction(
          async (tx) => {
            const setting =
              first === 'with'
                ? sql`select current_setting(${'transaction_isolation'}) as level`
                : sql`select current_setting('transaction_isolation') as level`;
            return ((await tx.execute(setting)) as unknown as { rows: { level: string }[] }).rows[0]?.level;
          },
          { isolationLevel: 'repeatable read' },
        );
      expect(await level('with')).toBe('repeatable read');
      expect(await level('without')).toBe('repeatable read');
      expect(await counted(() => level('with'))).toBe(2);
      expect(await counted(() => level('without'))).toBe(3);

      // A transaction that ends before any statement sends nothing; a savepoint first works as before.
      expect(await counted(() => db.transaction(async () => {}))).toBe(0);
      await expect(
        db.transaction(async () => {
          throw new Error('nothing done');
        }),
      ).rejects.toThrow('nothing done');
      await db.transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await inner.insert(regions).values({ name: 'I et lagringspunkt' });
        });
      });
      expect(await named('I et lagringspunkt')).toHaveLength(1);
    } finally {
      await client.end();
    }
  });
});
