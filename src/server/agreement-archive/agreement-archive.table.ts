import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cycles } from '../general-part/general-part.table.js';
import { bytea } from '../platform/files.js';
import { users } from '../users/user.table.js';

/**
 * All agreements of a cycle as one ZIP, made in the background. The worker counts `done` up to `total`
 * as it renders, which is what the progress bar shows; the finished archive is kept here until replaced.
 */
export const agreementArchives = pgTable(
  'agreement_archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    state: text('state').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    filename: text('filename'),
    size: integer('size'),
    sha256: text('sha256'),
    content: bytea('content'),
    failure: text('failure'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'restrict' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('agreement_archives_cycle').on(t.cycleId, t.requestedAt),
    check('agreement_archives_state', sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
    check('agreement_archives_progress', sql`${t.done} >= 0 and ${t.done} <= ${t.total}`),
    check(
      'agreement_archives_done',
      sql`(${t.state} = 'done') = (${t.content} is not null and ${t.filename} is not null and ${t.size} is not null and ${t.sha256} is not null)`,
    ),
  ],
);
