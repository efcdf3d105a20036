import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

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
 * memberships on `period_from`, never stored twice. `region_ready` is the region's word that it is ready to
 * start (regions are ready at different times), with a note and who said it when.
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
      .references(() => generalPartVersions.id, { onDelete: 'restrict' }),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    regionReady: boolean('region_ready').notNull().default(false),
    regionReadyNote: text('region_ready_note'),
    regionReadyMarkedBy: uuid('region_ready_marked_by').references(() => users.id, { onDelete: 'restrict' }),
    regionReadyMarkedAt: timestamp('region_ready_marked_at', { withTimezone: true }),
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
      .references(() => generalPartVersions.id, { onDelete: 'restrict' }),
    toVersionId: uuid('to_version_id')
      .notNull()
      .references(() => generalPartVersions.id, { onDelete: 'restrict' }),
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
