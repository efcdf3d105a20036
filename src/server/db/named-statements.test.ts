import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import { regions } from '../registry/registry.table.js';
import { thenCommit } from './before-commit.js';
import { type Database, type Db, openDatabase } from './client.js';
import { namingClient, statementNames } from './named-statements.js';

/** The statements prepared on the one connection of a pool of one. */
async function prepared(db: Db): Promise<string[]> {
  const result = (await db.execute(
    sql`select statement from pg_prepared_statements order by statement`,
  )) as unknown as { rows: { statement: string }[] };
  return result.rows.map((r) => r.statement);
}

/** A connection of the pool's client class alone, with Drizzle on it, counting its round trips. */
async function oneNamingClient(url: string) {
  const client = new (namingClient(statementNames(100)))({ connectionString: url });
  await client.connect();
  let roundTrips = 0;
  // Each round trip ends with ReadyForQuery.
  (client as unknown as { connection: pg.Connection }).connection.on('readyForQuery', () => {
    roundTrips += 1;
  });
  const counted = async (run: () => Promise<unknown>) => {
    const before = roundTrips;
    await run();
    return roundTrips - before;
  };
  return { client, db: drizzle(client), counted };
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
    const { client, db, counted } = await oneNamingClient(url);
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

  it('send the statement marked last before the commit with the COMMIT, and fail the transaction with either', async () => {
    const { client, db, counted } = await oneNamingClient(url);
    const last = (query: ReturnType<typeof sql>) => sql`${sql.raw(thenCommit)}${query}`;
    const rows = async (query: ReturnType<typeof sql>) =>
      ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
    try {
      await db.execute(sql`create temp table pipelined (
        id int primary key,
        parent int references pipelined (id) deferrable initially deferred)`);
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into pipelined (id) values (${1})`);
      });
      // BEGIN with the insert, the marked statement with the COMMIT: two round trips, and it is kept.
      let answer: unknown;
      const trips = await counted(async () => {
        answer = await db.transaction(async (tx) => {
          await tx.execute(sql`insert into pipelined (id) values (${2})`);
          return rows(last(sql`select count(*)::int as n from pipelined where id <= ${2}`));
        });
      });
      expect(trips).toBe(2);
      expect(answer).toEqual([{ n: 2 }]);
      expect(await rows(sql`select id from pipelined order by id`)).toEqual([{ id: 1 }, { id: 2 }]);

      // The marked statement fails: nothing of the transaction is kept.
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into pipelined (id) values (${3})`);
          await tx.execute(last(sql`select 1 / ${0}::int`));
        }),
      ).rejects.toMatchObject({ cause: { code: '22012' } });
      // The COMMIT fails (a deferred check): the error is the transaction's, and nothing is kept.
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into pipelined (id, parent) values (${4}, ${99})`);
          await tx.execute(last(sql`select ${1}::int as one`));
        }),
      ).rejects.toMatchObject({ cause: { code: '23503' } });
      expect(await rows(sql`select id from pipelined order by id`)).toEqual([{ id: 1 }, { id: 2 }]);

      // A statement after the one that committed is refused, not run outside the transaction.
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(last(sql`insert into pipelined (id) values (${5})`));
          await tx.execute(sql`insert into pipelined (id) values (${6})`);
        }),
      ).rejects.toMatchObject({
        cause: { message: expect.stringContaining('a statement after its transaction committed') },
      });
      expect(await rows(sql`select id from pipelined order by id`)).toEqual([
        { id: 1 },
        { id: 2 },
        { id: 5 },
      ]);
      // The connection goes on as before.
      await db.transaction(async (tx) => {
        await tx.execute(last(sql`insert into pipelined (id) values (${7})`));
      });
      expect(await rows(sql`select count(*)::int as n from pipelined`)).toEqual([{ n: 4 }]);
    } finally {
      await client.end();
    }
  });
});
