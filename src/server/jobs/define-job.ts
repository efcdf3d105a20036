import type { QueueOptions, QueuePolicy } from 'pg-boss';
import type { Logger } from 'pino';
import type { ZodType, z } from 'zod';
import type { Db } from '../db/client.js';

/**
 * A kind of job: its queue's name, the shape of its data (checked when it is asked for and again when it
 * runs, since it has been stored meanwhile), and the queue's retry and expiry rules.
 */
export type JobDef<S extends ZodType<object> = ZodType<object>> = {
  name: string;
  data: S;
  /**
   * How a singleton key limits the queue (pg-boss policies): `standard` ignores the key, `exclusive`
   * keeps one job per key waiting or running, `stately` one waiting and one running.
   */
  policy: QueuePolicy;
  queue: QueueOptions;
};

export function defineJob<S extends ZodType<object>>(def: {
  name: string;
  data: S;
  policy?: QueuePolicy;
  queue?: QueueOptions;
}): JobDef<S> {
  if (!/^[a-z][a-z0-9.-]*$/.test(def.name)) throw new Error(`job name "${def.name}" must be lowercase`);
  return { name: def.name, data: def.data, policy: def.policy ?? 'standard', queue: def.queue ?? {} };
}

/** What a handler gets besides the job's data. */
export type JobContext = {
  db: Db;
  log: Logger;
  jobId: string;
  /** 0 on the first run; the handler is on its last try when it equals `retryLimit`. */
  retryCount: number;
  retryLimit: number;
};

/** A handler for one kind of job, as the job queue runs it: the data is parsed before `handle` sees it. */
export type JobWorker = {
  job: JobDef;
  handle(data: unknown, ctx: JobContext): Promise<void>;
  /** Overrides the job's queue rules, e.g. short retry delays in tests. */
  queue?: QueueOptions;
  /** How many of these jobs one process runs at once (each takes a batch and runs it in turn). */
  concurrency?: number;
  /** How many jobs a worker takes at a time. */
  batchSize?: number;
};

export function defineWorker<S extends ZodType<object>>(
  job: JobDef<S>,
  handle: (data: z.output<S>, ctx: JobContext) => Promise<void>,
  options: Pick<JobWorker, 'queue' | 'concurrency' | 'batchSize'> = {},
): JobWorker {
  return {
    job,
    handle: (data, ctx) => handle(job.data.parse(data), ctx),
    ...options,
  };
}
