import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { agreements } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import { cycles } from '../general-part/general-part.table.js';
import { timestamps } from '../platform/columns.js';
import { departments, people } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

/**
 * A meeting of a cycle's process. Its state moves planned → held → minutes_for_comment → minutes_approved,
 * or planned → cancelled; each step's time is kept, and the CHECKs hold the times to the state. `sequence`
 * counts the changes of time or place (and a cancellation), as a calendar invitation's SEQUENCE does.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'restrict' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    videoLink: text('video_link'),
    /** Required for a bilateral meeting: the department that owns and manages it. */
    ownerDepartmentId: uuid('owner_department_id').references(() => departments.id, { onDelete: 'restrict' }),
    state: text('state').notNull().default('planned'),
    minutes: jsonb('minutes').$type<RichTextDoc>(),
    minutesUpdatedAt: timestamp('minutes_updated_at', { withTimezone: true }),
    minutesUpdatedBy: uuid('minutes_updated_by').references(() => users.id, { onDelete: 'restrict' }),
    heldAt: timestamp('held_at', { withTimezone: true }),
    minutesSentAt: timestamp('minutes_sent_at', { withTimezone: true }),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    sequence: integer('sequence').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    /**
     * Set when the meeting was registered after it took place (register-meeting.ts): it was created held,
     * and nobody was invited or e-mailed about it. Null for a meeting planned in Partnerskap.
     */
    registeredAfterwardsAt: timestamp('registered_afterwards_at', { withTimezone: true }),
    registeredAfterwardsBy: uuid('registered_afterwards_by').references(() => users.id, {
      onDelete: 'restrict',
    }),
    ...timestamps,
  },
  (t) => [
    unique('meetings_id_cycle_unique').on(t.id, t.cycleId),
    index('meetings_cycle').on(t.cycleId, t.startsAt),
    index('meetings_owner_department').on(t.ownerDepartmentId),
    check(
      'meetings_type',
      sql`${t.type} in ('kickoff', 'internal_summary', 'collaboration', 'bilateral', 'final', 'follow_up', 'other')`,
    ),
    check(
      'meetings_state',
      sql`${t.state} in ('planned', 'held', 'minutes_for_comment', 'minutes_approved', 'cancelled')`,
    ),
    check('meetings_title', sql`length(trim(${t.title})) > 0`),
    check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_bilateral_owner', sql`${t.type} <> 'bilateral' or ${t.ownerDepartmentId} is not null`),
    check('meetings_sequence', sql`${t.sequence} >= 0`),
    check(
      'meetings_held',
      sql`(${t.state} in ('held', 'minutes_for_comment', 'minutes_approved')) = (${t.heldAt} is not null)`,
    ),
    check(
      'meetings_minutes_sent',
      sql`(${t.state} in ('minutes_for_comment', 'minutes_approved')) = (${t.minutesSentAt} is not null)`,
    ),
    check(
      'meetings_minutes_approved',
      sql`(${t.state} = 'minutes_approved') = (${t.minutesApprovedAt} is not null)`,
    ),
    check('meetings_cancelled', sql`(${t.state} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check(
      'meetings_registered_afterwards',
      sql`(${t.registeredAfterwardsBy} is null or ${t.registeredAfterwardsAt} is not null) and (${t.registeredAfterwardsAt} is null or ${t.state} in ('held', 'minutes_for_comment', 'minutes_approved'))`,
    ),
    check(
      'meetings_minutes_written',
      sql`${t.state} not in ('minutes_for_comment', 'minutes_approved') or ${t.minutes} is not null`,
    ),
  ],
);

/** The agreements a meeting concerns, of the meeting's own cycle (both composite keys hold it). */
export const meetingAgreements = pgTable(
  'meeting_agreements',
  {
    meetingId: uuid('meeting_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'meeting_agreements_pk', columns: [t.meetingId, t.agreementId] }),
    foreignKey({
      name: 'meeting_agreements_meeting_fk',
      columns: [t.meetingId, t.cycleId],
      foreignColumns: [meetings.id, meetings.cycleId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'meeting_agreements_agreement_fk',
      columns: [t.agreementId, t.cycleId],
      foreignColumns: [agreements.id, agreements.cycleId],
    }).onDelete('cascade'),
    index('meeting_agreements_agreement').on(t.agreementId),
  ],
);

/**
 * Who takes part: a registry person, or someone given by name and organisation. A registry person's name,
 * organisation and e-mail are copied in when they are added (the e-mail the invitation and the minutes go
 * to); the person cannot be deleted from the registry while a meeting names them. One row per person (or
 * per name and organisation) in a meeting.
 */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    organisation: text('organisation'),
    email: text('email'),
    side: text('side').notNull(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
    attendance: text('attendance').notNull().default('invited'),
    /** The order they were given in. */
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('meeting_participants_person_unique')
      .on(t.meetingId, t.personId)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('meeting_participants_name_unique')
      .on(t.meetingId, sql`lower(${t.name})`, sql`lower(coalesce(${t.organisation}, ''))`)
      .where(sql`${t.personId} is null`),
    index('meeting_participants_meeting').on(t.meetingId, t.position),
    index('meeting_participants_person').on(t.personId),
    check('meeting_participants_side', sql`${t.side} in ('county', 'region', 'municipality')`),
    check(
      'meeting_participants_attendance',
      sql`${t.attendance} in ('invited', 'attended', 'excused', 'absent')`,
    ),
    check('meeting_participants_department', sql`${t.side} = 'county' or ${t.departmentId} is null`),
    check('meeting_participants_name', sql`length(trim(${t.name})) > 0`),
  ],
);

/**
 * The agenda, in order. An item a region contact proposes is `proposed` until the admin or the owner accepts
 * it (then `accepted_by` says who); the owner's own items are on the agenda as they are added.
 */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    proposed: boolean('proposed').notNull().default(false),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'restrict' }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'restrict' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('meeting_agenda_items_meeting').on(t.meetingId, t.position),
    check('meeting_agenda_items_title', sql`length(trim(${t.title})) > 0`),
    check('meeting_agenda_items_duration', sql`${t.durationMinutes} between 1 and 600`),
    check('meeting_agenda_items_position', sql`${t.position} >= 0`),
    check(
      'meeting_agenda_items_proposal',
      sql`(not ${t.proposed} or ${t.acceptedBy} is null) and (${t.proposedBy} is not null or not ${t.proposed})`,
    ),
  ],
);

/**
 * What a meeting led to: information, a decision, or an action. An action has an owner (a registry person
 * or a department) and a due date, is open until `done_at`, and may point at the contribution or the
 * special part section it changed.
 */
export const meetingOutcomes = pgTable(
  'meeting_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'restrict' }),
    ownerDepartmentId: uuid('owner_department_id').references(() => departments.id, { onDelete: 'restrict' }),
    dueDate: date('due_date', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'restrict' }),
    contributionId: uuid('contribution_id').references(() => contributions.id, { onDelete: 'set null' }),
    /** With `section_key`: a section of this agreement's special part. */
    sectionAgreementId: uuid('section_agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    index('meeting_outcomes_meeting').on(t.meetingId, t.position),
    index('meeting_outcomes_open_person')
      .on(t.ownerPersonId)
      .where(sql`${t.kind} = 'action' and ${t.doneAt} is null`),
    index('meeting_outcomes_open_department')
      .on(t.ownerDepartmentId)
      .where(sql`${t.kind} = 'action' and ${t.doneAt} is null`),
    check('meeting_outcomes_kind', sql`${t.kind} in ('information', 'decision', 'action')`),
    check('meeting_outcomes_text', sql`length(trim(${t.text})) > 0`),
    check(
      'meeting_outcomes_action',
      sql`${t.kind} <> 'action' or ((${t.ownerPersonId} is not null) <> (${t.ownerDepartmentId} is not null) and ${t.dueDate} is not null)`,
    ),
    check(
      'meeting_outcomes_only_action',
      sql`${t.kind} = 'action' or (${t.ownerPersonId} is null and ${t.ownerDepartmentId} is null and ${t.dueDate} is null and ${t.doneAt} is null and ${t.contributionId} is null and ${t.sectionKey} is null)`,
    ),
    check('meeting_outcomes_section', sql`(${t.sectionAgreementId} is null) = (${t.sectionKey} is null)`),
    check('meeting_outcomes_one_link', sql`${t.contributionId} is null or ${t.sectionKey} is null`),
    check('meeting_outcomes_position', sql`${t.position} >= 0`),
  ],
);

/** A comment on the minutes while they are out for comment. */
export const meetingComments = pgTable(
  'meeting_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_comments_meeting').on(t.meetingId, t.createdAt),
    check('meeting_comments_body', sql`length(trim(${t.body})) > 0`),
  ],
);
