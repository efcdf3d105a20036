import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';

/**
 * The database's clock, read once per use case: every server process agrees on it, and it is the clock
 * that stamps the rows (`submitted_at`, say), so "was this before the deadline" is asked of one clock only.
 */
export async function databaseNow(db: Db | Tx): Promise<Date> {
  const result = (await db.execute(sql`select (extract(epoch from now()) * 1000)::float8 as ms`)) as {
    rows: { ms: number | string }[];
  };
  const ms = Number(result.rows[0]?.ms);
  if (!Number.isFinite(ms)) throw new Error('the database gave no time');
  return new Date(ms);
}
