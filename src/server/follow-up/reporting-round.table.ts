import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { cycles } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { users } from '../users/user.table.js';
import { commitmentIndicators, commitments } from './commitment.table.js';

/**
 * A reporting round of a cycle ("Årsrapport 2021"): open until admin closes it, with a deadline the
 * reminders count down to; its report is public once `published_at` is set, which only a closed round has.
 */
export const reportingRounds = pgTable(
  'reporting_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'restrict' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reporting_rounds_name_unique').on(t.cycleId, sql`lower(${t.name})`),
    check('reporting_rounds_name', sql`length(trim(${t.name})) > 0`),
    check('reporting_rounds_state', sql`${t.state} in ('open', 'closed')`),
    check('reporting_rounds_closed', sql`(${t.state} = 'closed') = (${t.closedAt} is not null)`),
    check('reporting_rounds_published', sql`${t.publishedAt} is null or ${t.state} = 'closed'`),
  ],
);

/** The commitments a round covers. */
export const reportingRoundCommitments = pgTable(
  'reporting_round_commitments',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => reportingRounds.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.commitmentId] }),
    index('reporting_round_commitments_commitment').on(t.commitmentId),
  ],
);

/**
 * An owner's report on one commitment in one round: a draft until submitted; admin may reopen a submitted
 * report with a reason, which makes it a draft again. A submitted report has its status and progress.
 */
export const commitmentReports = pgTable(
  'commitment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    commitmentId: uuid('commitment_id').notNull(),
    status: text('status'),
    progress: integer('progress'),
    done: jsonb('done').$type<RichTextDoc>(),
    next: jsonb('next').$type<RichTextDoc>(),
    /** Whole kroner spent so far; null when not given. */
    spentNok: bigint('spent_nok', { mode: 'number' }),
    state: text('state').notNull().default('draft'),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'restrict' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'restrict' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reopenedReason: text('reopened_reason'),
    reopenedBy: uuid('reopened_by').references(() => users.id, { onDelete: 'restrict' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'commitment_reports_round_commitment_fk',
      columns: [t.roundId, t.commitmentId],
      foreignColumns: [reportingRoundCommitments.roundId, reportingRoundCommitments.commitmentId],
    }).onDelete('cascade'),
    uniqueIndex('commitment_reports_unique').on(t.roundId, t.commitmentId),
    index('commitment_reports_commitment').on(t.commitmentId),
    check(
      'commitment_reports_status',
      sql`${t.status} is null or ${t.status} in ('on_track', 'at_risk', 'delayed', 'done', 'dropped')`,
    ),
    check('commitment_reports_progress', sql`${t.progress} is null or ${t.progress} between 0 and 100`),
    check('commitment_reports_spent', sql`${t.spentNok} is null or ${t.spentNok} >= 0`),
    check('commitment_reports_state', sql`${t.state} in ('draft', 'submitted')`),
    check(
      'commitment_reports_submitted',
      sql`(${t.state} = 'submitted') = (${t.submittedAt} is not null) and (${t.state} = 'draft' or (${t.status} is not null and ${t.progress} is not null))`,
    ),
    check(
      'commitment_reports_reopened',
      sql`(${t.reopenedAt} is null) = (${t.reopenedReason} is null) and (${t.reopenedReason} is null or length(trim(${t.reopenedReason})) > 0)`,
    ),
  ],
);

/**
 * A value of an indicator in a report, with the date it was measured. Its unit is its indicator's, held by
 * the composite key: a value in another unit cannot be stored.
 */
export const reportIndicatorValues = pgTable(
  'report_indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => commitmentReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').notNull(),
    unit: text('unit').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'report_indicator_values_indicator_fk',
      columns: [t.indicatorId, t.unit],
      foreignColumns: [commitmentIndicators.id, commitmentIndicators.unit],
    }).onDelete('cascade'),
    uniqueIndex('report_indicator_values_unique').on(t.reportId, t.indicatorId, t.measuredOn),
    index('report_indicator_values_indicator').on(t.indicatorId, t.measuredOn),
  ],
);
