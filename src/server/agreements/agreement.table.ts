import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { cycles, documentVersions } from '../general-part/general-part.table.js';
import { bytea } from '../platform/files.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A subject area of a cycle (samferdsel, næring, kultur …) that contributions are grouped by and that a
 * region can say it wants. Admin keeps the list; its order is the order documents and the matrix use.
 */
export const subjectAreas = pgTable(
  'subject_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('subject_areas_name_unique').on(t.cycleId, sql`lower(${t.name})`),
    // The target of the contributions' composite key: a contribution's subject area is of its cycle.
    unique('subject_areas_id_cycle_unique').on(t.id, t.cycleId),
    index('subject_areas_order').on(t.cycleId, t.position),
    check('subject_areas_position', sql`${t.position} >= 0`),
  ],
);

/**
 * One region's agreement in one cycle. It pins the general part version it uses (moving it to a newer
 * approved version is a recorded act with a reason); its parties are derived from the region's
 * memberships on `period_from`, never stored twice.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'restrict' }),
    generalPartVersionId: uuid('general_part_version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'restrict' }),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agreements_cycle_region_unique').on(t.cycleId, t.regionId),
    // The target of the composite keys below: a contribution's cycle is its agreement's cycle.
    unique('agreements_id_cycle_unique').on(t.id, t.cycleId),
    index('agreements_region').on(t.regionId),
    check('agreements_period', sql`${t.periodTo} > ${t.periodFrom}`),
  ],
);

/** Each time an agreement was moved to another general part version, from which, by whom and why. */
export const agreementGeneralPartMoves = pgTable(
  'agreement_general_part_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    fromVersionId: uuid('from_version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'restrict' }),
    toVersionId: uuid('to_version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull(),
    movedBy: uuid('moved_by').references(() => users.id, { onDelete: 'restrict' }),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreement_general_part_moves_agreement').on(t.agreementId, t.movedAt),
    check('agreement_general_part_moves_changed', sql`${t.fromVersionId} <> ${t.toVersionId}`),
    check('agreement_general_part_moves_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);

/** A subject area the region wants in its agreement, with the region's short justification. */
export const agreementSubjectAreas = pgTable(
  'agreement_subject_areas',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    subjectAreaId: uuid('subject_area_id')
      .notNull()
      .references(() => subjectAreas.id, { onDelete: 'restrict' }),
    justification: text('justification').notNull(),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'restrict' }),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.subjectAreaId] }),
    index('agreement_subject_areas_subject_area').on(t.subjectAreaId),
  ],
);

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

/**
 * A version of an agreement's special part: ordered sections like the general part's, draft → sent →
 * agreed (an agreed version is superseded when a later one is agreed). The contributions section is not
 * written by hand: it is generated from the agreed contributions, and frozen into `contributions_snapshot`
 * when the version is sent or agreed, so a frozen version never changes under its readers.
 */
export const specialPartVersions = pgTable(
  'special_part_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    state: text('state').notNull().default('draft'),
    basedOnVersionId: uuid('based_on_version_id').references((): AnyPgColumn => specialPartVersions.id, {
      onDelete: 'restrict',
    }),
    contributionsSnapshot: jsonb('contributions_snapshot'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'restrict' }),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    agreedBy: uuid('agreed_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('special_part_versions_number_unique').on(t.agreementId, t.number),
    uniqueIndex('special_part_versions_one_draft').on(t.agreementId).where(sql`${t.state} = 'draft'`),
    uniqueIndex('special_part_versions_one_agreed').on(t.agreementId).where(sql`${t.state} = 'agreed'`),
    check('special_part_versions_state', sql`${t.state} in ('draft', 'sent', 'agreed', 'superseded')`),
    check('special_part_versions_number', sql`${t.number} >= 1`),
    check('special_part_versions_frozen', sql`(${t.state} = 'draft') = (${t.contributionsSnapshot} is null)`),
    check(
      'special_part_versions_agreed',
      sql`(${t.state} in ('agreed', 'superseded')) = (${t.agreedAt} is not null)`,
    ),
  ],
);

/** A section of one special part version; its key is stable across versions, so compare can match it. */
export const specialPartSections = pgTable(
  'special_part_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => specialPartVersions.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<RichTextDoc>().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('special_part_sections_key_unique').on(t.versionId, t.key),
    index('special_part_sections_order').on(t.versionId, t.position),
    check('special_part_sections_key_format', sql`${t.key} ~ '^[a-z][a-z0-9-]{0,39}$'`),
    check('special_part_sections_position', sql`${t.position} >= 0`),
  ],
);

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
