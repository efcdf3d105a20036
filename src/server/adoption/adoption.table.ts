import { sql } from 'drizzle-orm';
import {
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
import { bodyMeetings } from '../bodies/body.table.js';
import { caseTreatments } from '../cases/case.table.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { storedFileChecks, storedFileColumns } from '../platform/stored-file.table.js';
import { municipalities } from '../registry/registry.table.js';
import { specialPartVersions } from '../special-part/special-part.table.js';
import { users } from '../users/user.table.js';

/**
 * One member municipality's council decision on an agreement: the council's meeting, the decision date, the
 * case reference, a link to the published record, the outcome, and the text it changed when it adopted the
 * agreement with a change. One row per agreement and municipality; recording again replaces it.
 */
export const municipalAdoptions = pgTable(
  'municipal_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'restrict' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    bodyMeetingId: uuid('body_meeting_id').references(() => bodyMeetings.id, { onDelete: 'restrict' }),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    caseReference: text('case_reference'),
    recordUrl: text('record_url'),
    outcome: text('outcome').notNull(),
    changedText: text('changed_text'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('municipal_adoptions_unique').on(t.agreementId, t.municipalityId),
    check(
      'municipal_adoptions_outcome',
      sql`${t.outcome} in ('adopted', 'adopted_with_changes', 'rejected', 'postponed')`,
    ),
    check(
      'municipal_adoptions_changed',
      sql`(${t.outcome} = 'adopted_with_changes') = (${t.changedText} is not null)`,
    ),
  ],
);

/** The council's protocol of an adoption, kept as a file. */
export const adoptionProtocols = pgTable(
  'adoption_protocols',
  {
    adoptionId: uuid('adoption_id')
      .primaryKey()
      .references(() => municipalAdoptions.id, { onDelete: 'cascade' }),
    ...storedFileColumns(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => storedFileChecks('adoption_protocols', t),
);

/**
 * A change a body made to an agreement when it adopted it (the executive board's treatment or a municipal
 * council's decision): the agreement is diverged until the coordinator resolves it, by accepting the change
 * into a new version (of the special part, or of the general part) or by sending the agreement back to
 * negotiation.
 */
export const agreementDivergences = pgTable(
  'agreement_divergences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'restrict' }),
    treatmentId: uuid('treatment_id').references(() => caseTreatments.id, { onDelete: 'restrict' }),
    adoptionId: uuid('adoption_id').references(() => municipalAdoptions.id, { onDelete: 'cascade' }),
    changedText: text('changed_text').notNull(),
    resolution: text('resolution'),
    specialPartVersionId: uuid('special_part_version_id').references(() => specialPartVersions.id, {
      onDelete: 'restrict',
    }),
    generalPartVersionId: uuid('general_part_version_id').references(() => generalPartVersions.id, {
      onDelete: 'restrict',
    }),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'restrict' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('agreement_divergences_agreement').on(t.agreementId),
    check('agreement_divergences_source', sql`(${t.treatmentId} is null) <> (${t.adoptionId} is null)`),
    check(
      'agreement_divergences_resolution',
      sql`${t.resolution} is null or ${t.resolution} in ('accepted', 'renegotiate')`,
    ),
    check(
      'agreement_divergences_resolved',
      sql`(${t.resolution} is null) = (${t.resolvedAt} is null) and (${t.resolution} <> 'accepted' or ${t.specialPartVersionId} is not null or ${t.generalPartVersionId} is not null)`,
    ),
  ],
);
