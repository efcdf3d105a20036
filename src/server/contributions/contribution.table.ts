import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { timestamps } from '../platform/columns.js';
import { departments } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

/** One measurable indicator of a contribution. */
export type IndicatorRow = {
  name: string;
  baseline: string | null;
  target: string | null;
  unit: string | null;
};

/**
 * An item of a special part. Its owner is one county department, or the region itself when
 * `owner_department_id` is null. `cycle_id` repeats the agreement's cycle (held by the composite key) so
 * the departments × regions matrix of a cycle reads one index instead of joining every agreement.
 */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    subjectAreaId: uuid('subject_area_id').notNull(),
    kind: text('kind').notNull(),
    ownerDepartmentId: uuid('owner_department_id').references(() => departments.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    responsible: text('responsible'),
    /** Whole kroner per year; null when no budget is given. */
    budgetNokPerYear: bigint('budget_nok_per_year', { mode: 'number' }),
    timeFrame: text('time_frame'),
    indicators: jsonb('indicators').$type<IndicatorRow[]>().notNull().default([]),
    status: text('status').notNull().default('proposed'),
    /** Order within the agreement's subject area, 0 first. */
    position: integer('position').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'contributions_agreement_fk',
      columns: [t.agreementId, t.cycleId],
      foreignColumns: [agreements.id, agreements.cycleId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'contributions_subject_area_fk',
      columns: [t.subjectAreaId, t.cycleId],
      foreignColumns: [subjectAreas.id, subjectAreas.cycleId],
    }).onDelete('restrict'),
    index('contributions_agreement').on(t.agreementId, t.subjectAreaId, t.position),
    index('contributions_matrix').on(
      t.cycleId,
      t.ownerDepartmentId,
      t.agreementId,
      t.status,
      t.subjectAreaId,
    ),
    index('contributions_subject_area').on(t.subjectAreaId),
    check('contributions_kind', sql`${t.kind} in ('measure', 'project', 'instrument', 'commitment')`),
    check('contributions_status', sql`${t.status} in ('proposed', 'discussed', 'agreed', 'dropped')`),
    check('contributions_budget', sql`${t.budgetNokPerYear} is null or ${t.budgetNokPerYear} >= 0`),
    check('contributions_position', sql`${t.position} >= 0`),
    check('contributions_title', sql`length(trim(${t.title})) > 0`),
  ],
);

/** The dated history of a contribution's negotiation status: who changed it, from what, to what, and why. */
export const contributionStatusChanges = pgTable(
  'contribution_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    /** Null for the first entry, when the contribution was proposed. */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'restrict' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contribution_status_changes_contribution').on(t.contributionId, t.changedAt),
    check(
      'contribution_status_changes_to',
      sql`${t.toStatus} in ('proposed', 'discussed', 'agreed', 'dropped')`,
    ),
  ],
);

/** A comment on a contribution; a reply points at the comment it answers. Mentioned users are notified. */
export const contributionComments = pgTable(
  'contribution_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => contributionComments.id, {
      onDelete: 'cascade',
    }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contribution_comments_contribution').on(t.contributionId, t.createdAt),
    check('contribution_comments_body', sql`length(trim(${t.body})) > 0`),
  ],
);
