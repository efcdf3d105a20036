import { asc, inArray, type SQL, sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Db, Tx } from '../db/client.js';
import { jobRequests } from './job.table.js';

const batchSize = 100;

/**
 * Hands committed job requests to pg-boss. Each batch is one transaction: the jobs are inserted through
 * that transaction and the requests deleted in it, so a request becomes exactly one job even when the
 * process dies halfway. `SKIP LOCKED` lets several processes relay at once without taking the same rows.
 * Only queues this process has workers for are relayed: another process may know a queue this one does not.
 */
export async function relayJobRequests(
  db: Db,
  boss: PgBoss,
  queues: readonly string[],
  log: Logger,
): Promise<number> {
  if (queues.length === 0) return 0;
  let relayed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(jobRequests)
        .where(inArray(jobRequests.queue, [...queues]))
        .orderBy(asc(jobRequests.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const done: number[] = [];
      for (const row of rows) {
        try {
          // A savepoint per request: one the queue refuses is logged and kept, and does not hold up the rest.
          await tx.transaction(async (savepoint) => {
            const options = {
              db: fromDrizzle(statementsOf(savepoint), sql),
              ...(row.startAfter ? { startAfter: row.startAfter } : {}),
              ...(row.singletonKey ? { singletonKey: row.singletonKey } : {}),
            };
            const data = row.data as object;
            if (row.replace) await boss.upsert(row.queue, data, options);
            else await boss.send(row.queue, data, options);
          });
          done.push(row.id);
        } catch (error) {
          log.error({ err: error, queue: row.queue, requestId: row.id }, 'job request refused by the queue');
        }
      }
      if (done.length > 0) await tx.delete(jobRequests).where(inArray(jobRequests.id, done));
      return { read: rows.length, done: done.length };
    });
    relayed += batch.done;
    if (batch.read < batchSize || batch.done === 0) return relayed;
  }
}

/**
 * pg-boss's Drizzle adapter runs its statements through the transaction. Both drivers answer `execute`
 * with the rows under `rows`; our `Db` type leaves the result untyped, so it is named here.
 */
function statementsOf(tx: Tx): DrizzleTransactionLike {
  return { execute: async (query) => (await tx.execute(query as SQL)) as { rows: unknown[] } };
}
