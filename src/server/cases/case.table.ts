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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { agreements } from '../agreements/agreement.table.js';
import { bodyMeetings, politicalBodies } from '../bodies/body.table.js';
import { cycles } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { users } from '../users/user.table.js';

/**
 * A political case (sak) about a batch of agreements: the case document's parts in the seed's order, the
 * archive's case number (saksår/sekvensnummer, as Noark 5 writes it), the signer. `template_filled` names
 * the parts the template wrote that nobody has edited since. A county council case made from the executive
 * board's names it as its source.
 */
export const politicalCases = pgTable(
  'political_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    archiveYear: integer('archive_year'),
    archiveSequence: integer('archive_sequence'),
    background: jsonb('background').$type<RichTextDoc>().notNull(),
    facts: jsonb('facts').$type<RichTextDoc>().notNull(),
    alternatives: jsonb('alternatives').$type<RichTextDoc>().notNull(),
    assessment: jsonb('assessment').$type<RichTextDoc>().notNull(),
    consequences: jsonb('consequences').$type<RichTextDoc>().notNull(),
    authority: text('authority').notNull().default(''),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    signedOn: date('signed_on', { mode: 'string' }),
    templateFilled: text('template_filled').array().notNull().default(sql`'{}'::text[]`),
    sourceCaseId: uuid('source_case_id').references((): AnyPgColumn => politicalCases.id, {
      onDelete: 'restrict',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('political_cases_archive_unique')
      .on(t.archiveYear, t.archiveSequence)
      .where(sql`${t.archiveYear} is not null`),
    check('political_cases_archive_pair', sql`(${t.archiveYear} is null) = (${t.archiveSequence} is null)`),
    check('political_cases_title', sql`length(trim(${t.title})) > 0`),
    index('political_cases_cycle').on(t.cycleId),
  ],
);

/** The agreements a case is about. */
export const caseAgreements = pgTable(
  'case_agreements',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => politicalCases.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.agreementId] }),
    index('case_agreements_agreement').on(t.agreementId),
  ],
);

/** The proposed decision's numbered points, in order. */
export const caseDecisionPoints = pgTable(
  'case_decision_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => politicalCases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** Written by the template and not edited since. */
    fromTemplate: boolean('from_template').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('case_decision_points_order').on(t.caseId, t.position),
    check('case_decision_points_text', sql`length(trim(${t.text})) > 0`),
  ],
);

/**
 * One body's treatment of a case, in the order of the case's treatment plan: its role (recommend, decide,
 * take for information), the meeting, the body's case number (123/20, unique per body and year), and once
 * treated the outcome, the decision text apart from the recommendation, its date and the vote.
 */
export const caseTreatments = pgTable(
  'case_treatments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => politicalCases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => politicalBodies.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    bodyMeetingId: uuid('body_meeting_id').references(() => bodyMeetings.id, { onDelete: 'restrict' }),
    caseYear: integer('case_year'),
    caseNumber: integer('case_number'),
    outcome: text('outcome'),
    decisionText: text('decision_text'),
    changedText: text('changed_text'),
    decidedOn: date('decided_on', { mode: 'string' }),
    unanimous: boolean('unanimous'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesBlank: integer('votes_blank'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('case_treatments_number_unique')
      .on(t.bodyId, t.caseYear, t.caseNumber)
      .where(sql`${t.caseNumber} is not null`),
    uniqueIndex('case_treatments_body_unique').on(t.caseId, t.bodyId),
    index('case_treatments_body').on(t.bodyId),
    check('case_treatments_role', sql`${t.role} in ('recommend', 'decide', 'information')`),
    check('case_treatments_number_pair', sql`(${t.caseYear} is null) = (${t.caseNumber} is null)`),
    check(
      'case_treatments_outcome',
      sql`${t.outcome} is null or ${t.outcome} in ('adopted', 'adopted_with_changes', 'rejected', 'postponed', 'information')`,
    ),
    check(
      'case_treatments_votes',
      sql`coalesce(${t.votesFor}, 0) >= 0 and coalesce(${t.votesAgainst}, 0) >= 0 and coalesce(${t.votesBlank}, 0) >= 0`,
    ),
  ],
);
