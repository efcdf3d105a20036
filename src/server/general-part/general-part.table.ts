import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { timestamps } from '../platform/columns.js';
import { storedFileChecks, storedFileColumns } from '../platform/stored-file.table.js';
import { users } from '../users/user.table.js';

/** One generation of agreements (e.g. 2021–2024) that shares one general part. */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('planning'),
    /**
     * How many of the county's people a collaboration or final meeting may have for each of the region's
     * before the meeting page warns: the county's representation must stand in proportion to the region's.
     */
    representationRatio: real('representation_ratio').notNull().default(2),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cycles_name_unique').on(sql`lower(${t.name})`),
    check('cycles_period', sql`${t.periodTo} > ${t.periodFrom}`),
    check('cycles_status', sql`${t.status} in ('planning', 'active', 'closed')`),
    check('cycles_representation_ratio', sql`${t.representationRatio} between 1 and 20`),
  ],
);

/**
 * A version of a cycle's general part. Only a draft changes; once sent on hearing or approved it is frozen
 * and editing makes a new draft from it. A cycle has at most one draft (two drafts would be two truths
 * that somebody must merge by hand) and at most one approved version (its current general part): partial
 * unique indexes hold both even against two requests racing.
 */
export const generalPartVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    /** 1, 2, 3 … within the cycle, in the order the versions were made. */
    number: integer('number').notNull(),
    state: text('state').notNull().default('draft'),
    basedOnVersionId: uuid('based_on_version_id').references((): AnyPgColumn => generalPartVersions.id, {
      onDelete: 'restrict',
    }),
    // Accounts are deactivated, never deleted, so who made a version is kept for good.
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
    /** The executive board's decision (date, body, case number, text) that approved this version. */
    approvedOn: date('approved_on', { mode: 'string' }),
    approvalBody: text('approval_body'),
    approvalCaseNumber: text('approval_case_number'),
    approvalDecisionText: text('approval_decision_text'),
    approvalRecordedAt: timestamp('approval_recorded_at', { withTimezone: true }),
    approvalRecordedBy: uuid('approval_recorded_by').references(() => users.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('document_versions_number_unique').on(t.cycleId, t.number),
    uniqueIndex('document_versions_one_draft').on(t.cycleId).where(sql`${t.state} = 'draft'`),
    uniqueIndex('document_versions_one_approved').on(t.cycleId).where(sql`${t.state} = 'approved'`),
    check('document_versions_state', sql`${t.state} in ('draft', 'on_hearing', 'approved', 'superseded')`),
    check('document_versions_number', sql`${t.number} >= 1`),
    // Approved and superseded versions (only an approved one is ever superseded) carry their decision.
    check(
      'document_versions_approval',
      sql`(${t.state} in ('approved', 'superseded')) = (${t.approvedOn} is not null and ${t.approvalBody} is not null and ${t.approvalCaseNumber} is not null and ${t.approvalDecisionText} is not null and ${t.approvalRecordedAt} is not null)`,
    ),
  ],
);

/** A section of one version. Its key is stable across versions, so compare can match it. */
export const generalPartSections = pgTable(
  'document_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => generalPartVersions.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** ProseMirror JSON, checked by the rich text schema before it is stored. */
    body: jsonb('body').$type<RichTextDoc>().notNull(),
    position: integer('position').notNull(),
    required: boolean('required').notNull().default(false),
  },
  (t) => [
    uniqueIndex('document_sections_key_unique').on(t.versionId, t.key),
    index('document_sections_order').on(t.versionId, t.position),
    check('document_sections_key_format', sql`${t.key} ~ '^[a-z][a-z0-9-]{0,39}$'`),
    check('document_sections_position', sql`${t.position} >= 0`),
  ],
);

/**
 * A document that belongs to an approval: the signed decision (saksprotokoll) or the case it was made on,
 * PDF or DOCX checked by content, kept in the database with its SHA-256. Only an approved version gets
 * one; it stays with the version when it is later superseded, as the decision does.
 */
export const approvalAttachments = pgTable(
  'approval_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => generalPartVersions.id, { onDelete: 'restrict' }),
    ...storedFileColumns(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'restrict' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('approval_attachments_version').on(t.versionId, t.uploadedAt),
    ...storedFileChecks('approval_attachments', t),
  ],
);

/**
 * The nynorsk text of one section of an approved version, entered by the coordinator after the approval,
 * so that a region whose written standard is nynorsk gets its agreement in nynorsk throughout. A table of
 * its own, not columns on the section: a new draft copies its source's sections, and a translation of a
 * text that is about to change must not travel with it.
 */
export const generalPartNynorskSections = pgTable('general_part_nynorsk_sections', {
  sectionId: uuid('section_id')
    .primaryKey()
    .references(() => generalPartSections.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** ProseMirror JSON, checked by the rich text schema before it is stored. */
  body: jsonb('body').$type<RichTextDoc>().notNull(),
});
