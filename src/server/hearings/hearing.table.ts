import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { storedFileChecks, storedFileColumns } from '../platform/stored-file.table.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

const sectionKeyFormat = '^[a-z][a-z0-9-]{0,39}$';

/**
 * A hearing (informal or formal) on one version of a cycle's general part. Whether it is open is derived:
 * it takes input until the end of its deadline day in Europe/Oslo, unless the admin closed it earlier
 * (`closed_at`). Storing "open" would need a process to flip it at midnight; deriving it cannot be wrong.
 */
export const hearings = pgTable(
  'hearings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => generalPartVersions.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    /** The last calendar day (Europe/Oslo) input is accepted. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    coverLetter: text('cover_letter').notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'restrict' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'restrict' }),
    /**
     * Set when the hearing was registered after it took place (register-hearing.ts): its opening
     * (`created_at`) and deadline are in the past, and nobody was e-mailed or reminded. Null for a hearing
     * opened in Partnerskap.
     */
    registeredAfterwardsAt: timestamp('registered_afterwards_at', { withTimezone: true }),
    registeredAfterwardsBy: uuid('registered_afterwards_by').references(() => users.id, {
      onDelete: 'restrict',
    }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('hearings_cycle').on(t.cycleId, t.createdAt),
    index('hearings_version').on(t.versionId),
    check('hearings_kind', sql`${t.kind} in ('informal', 'formal')`),
    check('hearings_closed_by', sql`${t.closedBy} is null or ${t.closedAt} is not null`),
    check(
      'hearings_registered_afterwards',
      sql`${t.registeredAfterwardsBy} is null or ${t.registeredAfterwardsAt} is not null`,
    ),
  ],
);

/** The regions invited to a hearing: only they give input, and only they see all of it afterwards. */
export const hearingInvitations = pgTable(
  'hearing_invitations',
  {
    hearingId: uuid('hearing_id')
      .notNull()
      .references(() => hearings.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'hearing_invitations_pk', columns: [t.hearingId, t.regionId] }),
    index('hearing_invitations_region').on(t.regionId),
  ],
);

/**
 * One region's input, on one section of the version on hearing or (section null) on the whole document.
 * The foreign key to the invitation makes input from a region that was not invited impossible. A region
 * has at most one live input per section (and one on the whole document): it edits it instead of adding
 * another, so every point it makes is answered in one place. Withdrawn input is kept for the record.
 */
export const hearingInputs = pgTable(
  'hearing_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hearingId: uuid('hearing_id').notNull(),
    regionId: uuid('region_id').notNull(),
    sectionKey: text('section_key'),
    text: text('text').notNull(),
    /** Registered by the admin after the hearing closed. */
    late: boolean('late').notNull().default(false),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'restrict' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'hearing_inputs_invitation_fk',
      columns: [t.hearingId, t.regionId],
      foreignColumns: [hearingInvitations.hearingId, hearingInvitations.regionId],
    }).onDelete('restrict'),
    index('hearing_inputs_hearing').on(t.hearingId, t.regionId),
    uniqueIndex('hearing_inputs_one_per_section')
      .on(t.hearingId, t.regionId, sql`coalesce(${t.sectionKey}, '')`)
      .where(sql`${t.withdrawnAt} is null`),
    check(
      'hearing_inputs_section_key',
      sql`${t.sectionKey} is null or ${t.sectionKey} ~ '${sql.raw(sectionKeyFormat)}'`,
    ),
    check('hearing_inputs_text', sql`length(${t.text}) > 0`),
    check('hearing_inputs_withdrawn_by', sql`${t.withdrawnBy} is null or ${t.withdrawnAt} is not null`),
  ],
);

/**
 * A file attached to an input (PDF or DOCX, type checked by content), kept in the database so that every
 * server process sees it and a backup of the database holds it.
 */
export const inputAttachments = pgTable(
  'input_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inputId: uuid('input_id')
      .notNull()
      .references(() => hearingInputs.id, { onDelete: 'restrict' }),
    ...storedFileColumns(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('input_attachments_input').on(t.inputId, t.createdAt),
    ...storedFileChecks('input_attachments', t),
  ],
);

/**
 * The county's answer to one or more inputs of a hearing. It may be assigned to a department to answer
 * first; it is `final` once the admin has settled it. It may point to where the input was taken in: a
 * version of the same cycle's general part and, optionally, one of its sections.
 */
export const dispositions = pgTable(
  'dispositions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hearingId: uuid('hearing_id')
      .notNull()
      .references(() => hearings.id, { onDelete: 'restrict' }),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    final: boolean('final').notNull().default(true),
    assignedDepartmentId: uuid('assigned_department_id').references(() => departments.id, {
      onDelete: 'restrict',
    }),
    takenInVersionId: uuid('taken_in_version_id').references(() => generalPartVersions.id, {
      onDelete: 'restrict',
    }),
    takenInSectionKey: text('taken_in_section_key'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('dispositions_hearing').on(t.hearingId),
    index('dispositions_department').on(t.assignedDepartmentId),
    check(
      'dispositions_outcome',
      sql`${t.outcome} in ('taken_in', 'partly_taken_in', 'not_taken_in', 'noted')`,
    ),
    check('dispositions_reason', sql`length(${t.reason}) > 0`),
    // Only what was (partly) taken in points to where; a section only within a version.
    check(
      'dispositions_taken_in',
      sql`(${t.takenInVersionId} is null or ${t.outcome} in ('taken_in', 'partly_taken_in')) and (${t.takenInSectionKey} is null or ${t.takenInVersionId} is not null)`,
    ),
  ],
);

/** Which inputs a disposition answers. An input has at most one disposition: the primary key says so. */
export const dispositionInputs = pgTable(
  'disposition_inputs',
  {
    inputId: uuid('input_id')
      .primaryKey()
      .references(() => hearingInputs.id, { onDelete: 'restrict' }),
    dispositionId: uuid('disposition_id')
      .notNull()
      .references(() => dispositions.id, { onDelete: 'cascade' }),
  },
  (t) => [index('disposition_inputs_disposition').on(t.dispositionId)],
);
