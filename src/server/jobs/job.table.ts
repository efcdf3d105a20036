import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Jobs asked for inside a use case's transaction, waiting to be handed to the queue (pg-boss). A row
 * exists only if the change that asked for it committed; the relay moves it into pg-boss and deletes it
 * in one transaction, so every committed request becomes exactly one queued job.
 */
export const jobRequests = pgTable(
  'job_requests',
  {
    /** Increasing, so that requests are handed over in the order they were made. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    data: jsonb('data').notNull(),
    startAfter: timestamp('start_after', { withTimezone: true }),
    singletonKey: text('singleton_key'),
    /** Replace the job still waiting under the same singleton key (a new time for a reminder, say). */
    replace: boolean('replace').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_requests_queue').on(t.queue, t.id),
    check('job_requests_replace_by_key', sql`not ${t.replace} or ${t.singletonKey} is not null`),
  ],
);
