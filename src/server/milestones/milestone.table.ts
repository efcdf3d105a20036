import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreement.table.js';
import { cycles } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { users } from '../users/user.table.js';

/**
 * One milestone of a cycle's template: the checklist every agreement of the cycle gets. A new cycle starts
 * with the county's process (default-milestone-template.ts); the admin renames, adds, moves and marks items
 * optional, and applies the template to the agreements already under way.
 */
export const milestoneTemplateItems = pgTable(
  'milestone_template_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    stage: text('stage').notNull(),
    /** What completes the milestone by itself (contracts/milestones.ts, evidenceKinds); null: by hand only. */
    evidence: text('evidence'),
    optional: boolean('optional').notNull().default(false),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('milestone_template_items_name_unique').on(t.cycleId, sql`lower(${t.name})`),
    index('milestone_template_items_order').on(t.cycleId, t.position),
    check('milestone_template_items_name', sql`length(trim(${t.name})) > 0`),
    check(
      'milestone_template_items_stage',
      sql`${t.stage} in ('county_internal', 'region_internal', 'joint', 'political')`,
    ),
    check(
      'milestone_template_items_evidence',
      sql`${t.evidence} is null or ${t.evidence} in ('kickoff_held', 'department_proposals', 'summary_held', 'wanted_subject_areas', 'region_commitments', 'collaboration_held', 'bilateral_held', 'final_held', 'special_part_agreed')`,
    ),
    check('milestone_template_items_position', sql`${t.position} >= 0`),
  ],
);

/**
 * One agreement's milestone, copied from its cycle's template when the agreement was made (or when the
 * template was applied), so that a template change reaches an agreement under way only when the admin
 * applies it. The state is what was recorded by hand; a milestone whose evidence is in Partnerskap is done
 * when the evidence is, which is derived on reading, never stored. Done by hand needs the reason.
 */
export const agreementMilestones = pgTable(
  'agreement_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** Null once the item has left the template: the milestone is kept if anything was recorded on it. */
    templateItemId: uuid('template_item_id').references(() => milestoneTemplateItems.id, {
      onDelete: 'set null',
    }),
    name: text('name').notNull(),
    stage: text('stage').notNull(),
    evidence: text('evidence'),
    optional: boolean('optional').notNull().default(false),
    position: integer('position').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }),
    actualDate: date('actual_date', { mode: 'string' }),
    state: text('state').notNull().default('not_started'),
    note: text('note'),
    doneReason: text('done_reason'),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'restrict' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agreement_milestones_template_item_unique').on(t.agreementId, t.templateItemId),
    index('agreement_milestones_order').on(t.agreementId, t.position),
    index('agreement_milestones_template_item').on(t.templateItemId),
    check('agreement_milestones_name', sql`length(trim(${t.name})) > 0`),
    check(
      'agreement_milestones_stage',
      sql`${t.stage} in ('county_internal', 'region_internal', 'joint', 'political')`,
    ),
    check(
      'agreement_milestones_evidence',
      sql`${t.evidence} is null or ${t.evidence} in ('kickoff_held', 'department_proposals', 'summary_held', 'wanted_subject_areas', 'region_commitments', 'collaboration_held', 'bilateral_held', 'final_held', 'special_part_agreed')`,
    ),
    check(
      'agreement_milestones_state',
      sql`${t.state} in ('not_started', 'in_progress', 'done', 'not_applicable')`,
    ),
    // Done by hand always says why; any other state has no reason to keep.
    check(
      'agreement_milestones_done_reason',
      sql`(${t.state} = 'done') = (${t.doneReason} is not null and length(trim(${t.doneReason})) > 0)`,
    ),
    check('agreement_milestones_position', sql`${t.position} >= 0`),
  ],
);
