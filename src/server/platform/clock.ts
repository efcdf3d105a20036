import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';

/**
 * The database's clock, read once per use case: every server process agrees on it, and it is the clock
 * that stamps the rows (`submitted_at`, say), so "was this before the deadline" is asked of one clock only.
 */
export async function databaseNow(db: Db | Tx): Promise<Date> {
  const result = (await db.execute(sql`select ${databaseNowMs} as ms`)) as {
    rows: { ms: number | string }[];
  };
  return dateOfMs(result.rows[0]?.ms);
}

/**
 * The same clock as a column of a query the use case makes anyway, a round trip less: `now()` is when the
 * transaction began, whichever of its statements reads it. `dateOfMs` makes the Date of it.
 */
export const databaseNowMs = sql<number | string>`(extract(epoch from now()) * 1000)::float8`;

export function dateOfMs(ms: number | string | undefined): Date {
  const n = Number(ms);
  if (ms === undefined || !Number.isFinite(n)) throw new Error('the database gave no time');
  return new Date(n);
}
