import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { politicalCases } from '../cases/case.table.js';
import { reportingRounds } from '../follow-up/reporting-round.table.js';

/**
 * A political case made from a reporting round's annual report: the case that brings the report to the
 * executive board. A round has at most one open case at a time (create-round-case.ts checks it under a
 * lock); a case decided or withdrawn lets a new one be made.
 */
export const reportingRoundCases = pgTable(
  'reporting_round_cases',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => politicalCases.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reportingRounds.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reporting_round_cases_round').on(t.roundId)],
);
