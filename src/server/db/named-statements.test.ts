import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import { regions } from '../registry/registry.table.js';
import { type Database, type Db, openDatabase } from './client.js';

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
});
