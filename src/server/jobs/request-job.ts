import { sql } from 'drizzle-orm';
import type { ZodType, z } from 'zod';
import type { Tx } from '../db/client.js';
import type { JobDef } from './define-job.js';
import { jobRequests } from './job.table.js';

/** The channel a committed job request is announced on, so that the relay picks it up at once. */
export const jobRequestChannel = 'partnerskap_job_requests';

export type JobRequestOptions = {
  /** Not before this time (a reminder seven days before a deadline, say). */
  startAfter?: Date;
  /** Limits the queue by key, according to the job's policy (`exclusive`: one waiting or running per key). */
  singletonKey?: string;
  /**
   * With `singletonKey`: replace the job still waiting under that key (its data and time) instead of
   * adding one; a new job if none is waiting. For rescheduling, e.g. when a deadline moves.
   */
  replace?: boolean;
};

/**
 * Asks for a job inside the caller's transaction. The job is queued only if the transaction commits: the
 * request is a row in the same transaction, which the relay hands to the queue after the commit (a
 * notification wakes it; NOTIFY is delivered on commit only, and never for a rollback).
 */
export async function requestJob<S extends ZodType<object>>(
  tx: Tx,
  job: JobDef<S>,
  data: z.input<S>,
  options: JobRequestOptions = {},
): Promise<void> {
  if (options.replace && !options.singletonKey) throw new Error('replace needs a singletonKey');
  await tx.insert(jobRequests).values({
    queue: job.name,
    data: job.data.parse(data),
    startAfter: options.startAfter ?? null,
    singletonKey: options.singletonKey ?? null,
    replace: options.replace ?? false,
  });
  await tx.execute(sql`select pg_notify(${jobRequestChannel}, ${job.name})`);
}
