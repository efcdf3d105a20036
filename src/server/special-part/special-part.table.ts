import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
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
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { agreements } from '../agreements/agreement.table.js';
import { timestamps } from '../platform/columns.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

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
 * A region's answer to a sent version: the region agrees, or it has comments on some of the version's
 * sections. One per version and region; the region may change it until the version is agreed or a later
 * one is, and who answered and when is the last change's.
 */
export const specialPartAnswers = pgTable(
  'special_part_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => specialPartVersions.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'restrict' }),
    verdict: text('verdict').notNull(),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'restrict' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('special_part_answers_one_per_region').on(t.versionId, t.regionId),
    // The target of the comments' key, which holds each comment to a section of the answered version.
    unique('special_part_answers_id_version_unique').on(t.id, t.versionId),
    check('special_part_answers_verdict', sql`${t.verdict} in ('agrees', 'comments')`),
  ],
);

/** A comment of an answer on one section of the answered version (by its key); one per section. */
export const specialPartAnswerComments = pgTable(
  'special_part_answer_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id').notNull(),
    versionId: uuid('version_id').notNull(),
    sectionKey: text('section_key').notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'special_part_answer_comments_answer_fk',
      columns: [t.answerId, t.versionId],
      foreignColumns: [specialPartAnswers.id, specialPartAnswers.versionId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'special_part_answer_comments_section_fk',
      columns: [t.versionId, t.sectionKey],
      foreignColumns: [specialPartSections.versionId, specialPartSections.key],
    }).onDelete('cascade'),
    uniqueIndex('special_part_answer_comments_one_per_section').on(t.answerId, t.sectionKey),
    // A draft's sections are replaced when it is edited: the key's check on them reads this index.
    index('special_part_answer_comments_section').on(t.versionId, t.sectionKey),
    check('special_part_answer_comments_text', sql`length(${t.text}) > 0`),
  ],
);
