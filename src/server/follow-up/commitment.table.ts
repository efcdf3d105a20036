import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import { timestamps } from '../platform/columns.js';
import { departments } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

/**
 * What one party of an agreement in force owes: one agreed contribution, or something agreed elsewhere
 * (admin adds it with a reference to where). Its owner is a county department, or the agreement's region
 * when `owner_department_id` is null, as for contributions. `cycle_id` repeats the agreement's cycle (held
 * by the composite key) so a cycle's commitments read one index.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    subjectAreaId: uuid('subject_area_id').notNull(),
    ownerDepartmentId: uuid('owner_department_id').references(() => departments.id, { onDelete: 'restrict' }),
    /** The agreed contribution it came from; null when it was agreed elsewhere. */
    sourceContributionId: uuid('source_contribution_id').references(() => contributions.id, {
      onDelete: 'restrict',
    }),
    /** Where it was agreed when not among the contributions (a decision, a letter, a meeting's minutes). */
    agreedElsewhere: text('agreed_elsewhere'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'restrict' }),
    /** The responsible person's name when they have no user (or as the contribution named them). */
    responsibleName: text('responsible_name'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Whole kroner over the time frame; null when no budget is given. */
    budgetNok: bigint('budget_nok', { mode: 'number' }),
    /** The money still needs a decision of its own, which the county takes apart from the agreement. */
    needsSeparateDecision: boolean('needs_separate_decision').notNull().default(false),
    /** `withdrawn` when a change after the agreement came into force took it out (with a recorded reason). */
    state: text('state').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'commitments_agreement_fk',
      columns: [t.agreementId, t.cycleId],
      foreignColumns: [agreements.id, agreements.cycleId],
    }).onDelete('restrict'),
    foreignKey({
      name: 'commitments_subject_area_fk',
      columns: [t.subjectAreaId, t.cycleId],
      foreignColumns: [subjectAreas.id, subjectAreas.cycleId],
    }).onDelete('restrict'),
    uniqueIndex('commitments_source_unique').on(t.sourceContributionId),
    index('commitments_agreement').on(t.agreementId, t.subjectAreaId),
    index('commitments_cycle_owner').on(t.cycleId, t.ownerDepartmentId),
    check(
      'commitments_origin',
      sql`(${t.sourceContributionId} is null) <> (${t.agreedElsewhere} is null) and (${t.agreedElsewhere} is null or length(trim(${t.agreedElsewhere})) > 0)`,
    ),
    check('commitments_title', sql`length(trim(${t.title})) > 0`),
    check('commitments_budget', sql`${t.budgetNok} is null or ${t.budgetNok} >= 0`),
    check(
      'commitments_period',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
    check('commitments_state', sql`${t.state} in ('active', 'withdrawn')`),
  ],
);

/** The fields of a commitment as they were before and after a change. */
export type CommitmentChangeFields = Record<string, unknown>;

/**
 * A change to a commitment's substance after its agreement came into force: why, the decision it rests on,
 * who made it when, and the fields before and after.
 */
export const commitmentChanges = pgTable(
  'commitment_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    decisionReference: text('decision_reference').notNull(),
    before: jsonb('before').$type<CommitmentChangeFields>().notNull(),
    after: jsonb('after').$type<CommitmentChangeFields>().notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'restrict' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('commitment_changes_commitment').on(t.commitmentId, t.changedAt),
    check('commitment_changes_reason', sql`length(trim(${t.reason})) > 0`),
    check('commitment_changes_decision', sql`length(trim(${t.decisionReference})) > 0`),
  ],
);

/**
 * A measurable indicator of a commitment: its unit, whether higher or lower is better, the baseline with
 * its date and the target with its date (never before the baseline). The unit is part of a unique key so
 * that a reported value's unit is held to its indicator's by a foreign key.
 */
export const commitmentIndicators = pgTable(
  'commitment_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction').notNull(),
    baselineValue: doublePrecision('baseline_value').notNull(),
    baselineOn: date('baseline_on', { mode: 'string' }).notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    targetOn: date('target_on', { mode: 'string' }).notNull(),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('commitment_indicators_id_unit_unique').on(t.id, t.unit),
    index('commitment_indicators_commitment').on(t.commitmentId, t.position),
    check('commitment_indicators_name', sql`length(trim(${t.name})) > 0`),
    check('commitment_indicators_unit', sql`length(trim(${t.unit})) > 0`),
    check('commitment_indicators_direction', sql`${t.direction} in ('higher', 'lower')`),
    check('commitment_indicators_dates', sql`${t.targetOn} >= ${t.baselineOn}`),
  ],
);

/** An intermediate goal of an indicator: the value it should have reached by a date. */
export const indicatorGoals = pgTable(
  'indicator_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => commitmentIndicators.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('indicator_goals_unique').on(t.indicatorId, t.dueOn)],
);
