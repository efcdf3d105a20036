import type { Db, Tx } from './client.js';

/** The work each transaction opened through a Db from `openDatabase` runs last, before it commits. */
const queued = new WeakMap<Tx, (() => Promise<void>)[]>();

/**
 * Queues `work` to run as the last statements of `tx`, after the use case's own, so that the locks it takes
 * are held only while the transaction commits (audit/append-audit.ts raises the read caches' versions
 * there). False when `tx` queues nothing (a savepoint, or a Db not made by `openDatabase`): the caller then
 * does the work at once, which is as correct, only holds its locks longer.
 */
export function runBeforeCommit(tx: Tx, work: () => Promise<void>): boolean {
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
      const work: (() => Promise<void>)[] = [];
      queued.set(tx, work);
      const result = await run(tx);
      for (let i = 0; i < work.length; i += 1) await work[i]?.();
      return result;
    }, config);
  db.transaction = queueing;
  return db;
}
