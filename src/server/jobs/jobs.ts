import { type ConstructorOptions, fromPglite, type JobResult, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Driver } from '../db/client.js';
import type { JobWorker } from './define-job.js';
import { relayJobRequests } from './relay-job-requests.js';
import { jobRequestChannel } from './request-job.js';

/**
 * The job queue: pg-boss in its own schema (`pgboss`, created and migrated by pg-boss at start), on the
 * same database as the application. Jobs are claimed with `FOR UPDATE SKIP LOCKED`, so any number of
 * server processes can run workers; retries, backoff and delays are pg-boss's.
 */
export type Jobs = {
  /** Hands the committed job requests to the queue now; otherwise done on their notification. */
  relay(): Promise<number>;
  /**
   * Stops taking jobs, lets running ones finish (up to 7 s; then they fail and are retried as their queue
   * allows) and closes the queue's connections.
   */
  stop(): Promise<void>;
};

export type JobsOptions = {
  log: Logger;
  workers: readonly JobWorker[];
  /**
   * How often an idle worker looks for jobs. New jobs wake the workers at once (LISTEN/NOTIFY), so this
   * only bounds how late a delayed job (startAfter) starts, and the wait when notifications are down.
   */
  pollingIntervalSeconds?: number;
  /** A sweep for job requests whose notification was missed (a dropped connection, say). */
  relayIntervalMs?: number;
};

/** Inside the server's shutdown budget (main.ts): 10 s in all, with the HTTP drain alongside. */
const stopTimeoutMs = 7_000;

function bossOptions(driver: Driver): ConstructorOptions {
  const common: ConstructorOptions = {
    schema: 'pgboss',
    schedule: false,
    instanceName: 'partnerskap',
    // A job inserted on a queue with `notify` wakes the workers of every process when it commits.
    useListenNotify: true,
  };
  if (driver.engine === 'pglite') return { ...common, db: fromPglite(driver.client), backend: 'pglite' };
  // pg-boss keeps a small pool of its own beside the application's, and one connection to LISTEN on.
  return { ...common, connectionString: driver.url, max: 4, application_name: 'partnerskap-jobs' };
}

/**
 * Starts the queue on a migrated database: installs or migrates pg-boss's schema (it takes a lock, so
 * processes starting together do not collide), creates a queue per worker with the job's rules, starts
 * the workers, and relays the job requests committed while no queue ran (the demo loader's, say).
 */
export async function startJobs(database: Database, options: JobsOptions): Promise<Jobs> {
  const { log, workers } = options;
  const names = workers.map((w) => w.job.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`two workers for the job ${twice}`);

  const boss = new PgBoss(bossOptions(database.driver));
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'job queue warning'));
  await boss.start();

  try {
    for (const worker of workers) await startWorker(boss, worker, database, options);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }

  const relay = serialised(() => relayJobRequests(database.db, boss, names, log));
  const kick = () => {
    relay().catch((err: unknown) => log.error({ err }, 'job request relay failed'));
  };
  let listener: { close(): Promise<void> } | undefined;
  try {
    // NOTIFY is delivered on commit: a request is relayed as soon as the change that made it is visible.
    // `onReconnect` sweeps too, for notifications sent while the connection was down.
    listener = await boss.getDb().listen?.(jobRequestChannel, kick, kick);
  } catch (err) {
    log.warn({ err }, 'job requests: no notifications; relaying on the interval only');
  }
  const sweep = setInterval(kick, options.relayIntervalMs ?? 10_000);
  sweep.unref();
  await relay();

  let stopping: Promise<void> | undefined;
  return {
    relay,
    stop() {
      stopping ??= (async () => {
        clearInterval(sweep);
        await listener?.close();
        await relay.idle();
        await boss.stop({ graceful: true, timeout: stopTimeoutMs });
      })();
      return stopping;
    },
  };
}

async function startWorker(boss: PgBoss, worker: JobWorker, database: Database, options: JobsOptions) {
  const { name, policy } = worker.job;
  const rules = { ...worker.job.queue, ...worker.queue, notify: true };
  await boss.createQueue(name, { ...rules, policy });
  // createQueue leaves an existing queue as it was: bring its rules in step with the code.
  await boss.updateQueue(name, rules);
  const polling = options.pollingIntervalSeconds ?? 15;
  await boss.work(
    name,
    {
      includeMetadata: true,
      // Each job of a batch succeeds or fails on its own: one failure must not retry the others.
      perJobResults: true,
      batchSize: worker.batchSize ?? 5,
      // A full batch means more are waiting: fetch again at once instead of after the polling interval.
      burstWhenBatchFull: true,
      localConcurrency: worker.concurrency ?? 1,
      pollingIntervalSeconds: Math.min(polling, 2),
      notifyPollingIntervalSeconds: polling,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        const log = options.log.child({ job: name, jobId: job.id });
        try {
          await worker.handle(job.data, {
            db: database.db,
            log,
            jobId: job.id,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          });
          results.push({ id: job.id, status: 'completed' });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.warn({ retryCount: job.retryCount, retryLimit: job.retryLimit, error: message }, 'job failed');
          results.push({ id: job.id, status: 'failed', output: { message } });
        }
      }
      return results;
    },
  );
}

/**
 * One run at a time. A call during a run asks for one more run after it (the caller's request may have
 * committed after the running one read the table) and gets the promise that covers it.
 */
function serialised(run: () => Promise<number>): (() => Promise<number>) & { idle(): Promise<void> } {
  let current: Promise<number> | undefined;
  let again = false;
  const start = (): Promise<number> => {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await run();
        } while (again);
        return total;
      } finally {
        // In the same step as the last look at `again`, so no call falls between the two.
        current = undefined;
      }
    })();
    return current;
  };
  return Object.assign(start, {
    idle: async () => {
      await current?.catch(() => undefined);
    },
  });
}
