import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase } from '../../../test/support/database.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { type Database, openDatabase } from '../db/client.js';
import { defineJob, defineWorker, type JobContext } from './define-job.js';
import { jobRequests } from './job.table.js';
import { type Jobs, startJobs } from './jobs.js';
import { requestJob } from './request-job.js';

const log = pino({ level: 'silent' });
const Data = z.object({ n: z.number().int() });

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

type Run = { n: number; at: number; retryCount: number; retryLimit: number; instance: string };

/** A queue of its own per test, and a worker that writes down every run. */
function recorder(name: string, options: { policy?: 'standard' | 'exclusive'; failFirst?: boolean } = {}) {
  const job = defineJob({
    name,
    data: Data,
    policy: options.policy,
    queue: { retryLimit: 2, retryDelay: 0 },
  });
  const runs: Run[] = [];
  const worker = (instance = 'a') =>
    defineWorker(job, async ({ n }, ctx: JobContext) => {
      runs.push({ n, at: Date.now(), retryCount: ctx.retryCount, retryLimit: ctx.retryLimit, instance });
      if (options.failFirst && ctx.retryCount === 0) throw new Error('first try fails');
    });
  return { job, runs, worker };
}

const start = (...workers: ReturnType<ReturnType<typeof recorder>['worker']>[]) =>
  startJobs(database, { log, workers, pollingIntervalSeconds: 0.5 });

async function jobsIn(queue: string): Promise<{ n: number; singletonKey: string | null }[]> {
  const result = (await database.db.execute(
    sql`select (data->>'n')::int as n, singleton_key as "singletonKey" from pgboss.job where name = ${queue} order by created_on`,
  )) as { rows: { n: number; singletonKey: string | null }[] };
  return result.rows;
}

/**
 * A new, unmigrated database opened by `count` server processes (each its own pool) on PostgreSQL. PGlite
 * belongs to one process (its folder is locked), so there it is opened once.
 */
async function freshDatabase(count: number): Promise<{ handles: Database[]; close(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const only = await openDatabase({ kind: 'pglite' });
    return { handles: [only], close: () => only.close() };
  }
  const name = `partnerskap_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handles = await Promise.all(
    Array.from({ length: count }, () =>
      openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 3 }),
    ),
  );
  return {
    handles,
    async close() {
      await Promise.all(handles.map((h) => h.close()));
      // A closed pool's connections say goodbye after it resolves: drop the database once they have.
      await waitFor('the connections to close', async () => {
        const left = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
          name,
        ]);
        return left.rows[0]?.n === 0;
      });
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

async function waitingRequests(queue: string): Promise<number> {
  return (await database.db.select().from(jobRequests).where(eq(jobRequests.queue, queue))).length;
}

describe('job queue', () => {
  it('runs a job asked for in a committed transaction, and never one from a transaction that rolled back', async () => {
    const { job, runs, worker } = recorder('test.commit');
    const jobs = await start(worker());
    try {
      await database.db.transaction(async (tx) => requestJob(tx, job, { n: 1 }));
      await expect(
        database.db.transaction(async (tx) => {
          await requestJob(tx, job, { n: 2 });
          throw new Error('the change fails');
        }),
      ).rejects.toThrow('the change fails');

      await waitFor('the committed job to run', () => runs.length === 1);
      await jobs.relay();
      expect(await jobsIn('test.commit')).toEqual([{ n: 1, singletonKey: null }]);
      expect(await waitingRequests('test.commit')).toBe(0);
      expect(runs.map((r) => r.n)).toEqual([1]);
    } finally {
      await jobs.stop();
    }
  });

  it('hands over the requests made while no queue ran when it starts', async () => {
    const { job, runs, worker } = recorder('test.backlog');
    await database.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) await requestJob(tx, job, { n });
    });
    expect(await waitingRequests('test.backlog')).toBe(3);
    const jobs = await start(worker());
    try {
      expect(await waitingRequests('test.backlog')).toBe(0);
      await waitFor('three runs', () => runs.length === 3);
      expect(runs.map((r) => r.n).sort()).toEqual([1, 2, 3]);
    } finally {
      await jobs.stop();
    }
  });

  it('leaves a request for a queue this process has no worker for to a process that has one', async () => {
    const other = recorder('test.elsewhere');
    const mine = recorder('test.here');
    const jobs = await start(mine.worker());
    try {
      await database.db.transaction(async (tx) => requestJob(tx, other.job, { n: 7 }));
      await jobs.relay();
      expect(await waitingRequests('test.elsewhere')).toBe(1);
    } finally {
      await jobs.stop();
    }
    const elsewhere = await start(other.worker());
    try {
      await waitFor('the other queue to run it', () => other.runs.length === 1);
      expect(await waitingRequests('test.elsewhere')).toBe(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('does not start a job before its startAfter', async () => {
    const { job, runs, worker } = recorder('test.later');
    const jobs = await start(worker());
    try {
      const startAfter = new Date(Date.now() + 2_500);
      await database.db.transaction(async (tx) => requestJob(tx, job, { n: 1 }, { startAfter }));
      await jobs.relay();
      expect(await jobsIn('test.later')).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(runs).toHaveLength(0);
      const [run] = await waitFor('the delayed job', () => (runs.length ? runs : undefined));
      expect(run?.at).toBeGreaterThanOrEqual(startAfter.getTime());
    } finally {
      await jobs.stop();
    }
  });

  it('keeps one waiting job per singleton key, and replaces it to move it', async () => {
    const { job, runs, worker } = recorder('test.reminder', { policy: 'exclusive' });
    const jobs = await start(worker());
    try {
      const inAnHour = new Date(Date.now() + 3_600_000);
      for (const n of [1, 2]) {
        await database.db.transaction(async (tx) =>
          requestJob(tx, job, { n }, { startAfter: inAnHour, singletonKey: 'hearing-1:7' }),
        );
      }
      await database.db.transaction(async (tx) =>
        requestJob(tx, job, { n: 3 }, { startAfter: inAnHour, singletonKey: 'hearing-2:7' }),
      );
      await jobs.relay();
      expect(await jobsIn('test.reminder')).toEqual([
        { n: 1, singletonKey: 'hearing-1:7' },
        { n: 3, singletonKey: 'hearing-2:7' },
      ]);

      // The deadline moved: the reminder is due now, with new data, and still only one.
      await database.db.transaction(async (tx) =>
        requestJob(tx, job, { n: 4 }, { startAfter: new Date(), singletonKey: 'hearing-1:7', replace: true }),
      );
      await jobs.relay();
      await waitFor('the moved reminder', () => runs.length === 1);
      expect(runs.map((r) => r.n)).toEqual([4]);
      expect((await jobsIn('test.reminder')).map((j) => j.n).sort()).toEqual([3, 4]);
    } finally {
      await jobs.stop();
    }
  });

  it('retries a job that fails, telling the handler which try it is', async () => {
    const { job, runs, worker } = recorder('test.retry', { failFirst: true });
    const jobs = await start(worker());
    try {
      await database.db.transaction(async (tx) => requestJob(tx, job, { n: 1 }));
      await waitFor('the second try', () => runs.length === 2);
      expect(runs.map((r) => [r.retryCount, r.retryLimit])).toEqual([
        [0, 2],
        [1, 2],
      ]);
    } finally {
      await jobs.stop();
    }
  });

  it('runs each job once when several processes work the same queue', async () => {
    const { job, runs, worker } = recorder('test.shared');
    const [a, b] = await Promise.all([start(worker('a')), start(worker('b'))]);
    try {
      for (let n = 0; n < 30; n++) {
        await database.db.transaction(async (tx) => requestJob(tx, job, { n }));
      }
      await Promise.all([a.relay(), b.relay()]);
      await waitFor('thirty runs', () => runs.length >= 30);
      // A little longer, to see a second run of any job if there were one.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(runs.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, n) => n));
      expect(await jobsIn('test.shared')).toHaveLength(30);
      expect(await waitingRequests('test.shared')).toBe(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('starts when several processes migrate and start the queue on a new database at once (three on PostgreSQL; PGlite has one)', async () => {
    const fresh = await freshDatabase(3);
    const { job, runs, worker } = recorder('test.start');
    const started: Jobs[] = [];
    try {
      const [first] = fresh.handles;
      if (!first) throw new Error('no database');
      await Promise.all(fresh.handles.map((h) => h.migrate()));
      const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
        entries: unknown[];
      };
      const applied = (await first.db.execute(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      )) as { rows: { n: number }[] };
      expect(applied.rows[0]?.n).toBe(journal.entries.length);

      started.push(
        ...(await Promise.all(
          fresh.handles.map((h, i) =>
            startJobs(h, { log, workers: [worker(`p${i}`)], pollingIntervalSeconds: 0.5 }),
          ),
        )),
      );
      await first.db.transaction(async (tx) => requestJob(tx, job, { n: 1 }));
      await waitFor('the job', () => runs.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(runs.map((r) => r.n)).toEqual([1]);
    } finally {
      await Promise.all(started.map((j) => j.stop()));
      await fresh.close();
    }
  });

  it('refuses two workers for the same job', async () => {
    const { worker } = recorder('test.twice');
    await expect(start(worker('a'), worker('b'))).rejects.toThrow('two workers for the job test.twice');
  });

  it('refuses data that does not fit the job, inside the caller’s transaction', async () => {
    const { job } = recorder('test.shape');
    await expect(database.db.transaction(async (tx) => requestJob(tx, job, { n: 1.5 }))).rejects.toThrow();
    expect(await waitingRequests('test.shape')).toBe(0);
  });
});
