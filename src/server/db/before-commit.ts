import type { Db, Tx } from './client.js';

/**
 * Starts the text of a transaction's last statement before its commit: the PostgreSQL connections send the
 * COMMIT with it, in the same round trip (db/named-statements.ts). An SQL comment, so that any other
 * connection runs the statement as it is. Only the last work `runBeforeCommit` queued may use it, when told
 * it is the last, since nothing may follow it in the transaction.
 */
export const thenCommit = '/* then commit */ ';

/** The work each transaction opened through a Db from `openDatabase` runs last, before it commits. */
const queued = new WeakMap<Tx, ((last: boolean) => Promise<void>)[]>();

/**
 * Queues `work` to run as the last statements of `tx`, after the use case's own, so that the locks it takes
 * are held only while the transaction commits (audit/append-audit.ts raises the read caches' versions
 * there). `work` is told whether it runs last, when its last statement may be sent with the commit
 * (`thenCommit`). False when `tx` queues nothing (a savepoint, or a Db not made by `openDatabase`): the
 * caller then does the work at once, which is as correct, only holds its locks longer.
 */
export function runBeforeCommit(tx: Tx, work: (last: boolean) => Promise<void>): boolean {
  const queue = queued.get(tx);
  if (!queue) return false;
  queue.push(work);
  return true;
}

/** The database handle with its transactions running their queued work before they commit. */
export function withWorkBeforeCommit(db: Db): Db {
  const transaction = db.transaction.bind(db);
  const queueing: Db['transaction'] = (run, config) =>
    transaction(async (tx) => {
      const work: ((last: boolean) => Promise<void>)[] = [];
      queued.set(tx, work);
      const result = await run(tx);
      for (let i = 0; i < work.length; i += 1) await work[i]?.(i === work.length - 1);
      // Nothing more is queued: what was queued last may have committed the transaction with it.
      queued.delete(tx);
      return result;
    }, config);
  db.transaction = queueing;
  return db;
}
