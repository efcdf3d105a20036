import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { mailStatuses } from '../../shared/contracts/mail.js';

/**
 * Every e-mail the system sends, one row per recipient. A row is written in the transaction of the change
 * that causes it, so a message exists (and is sent) only if that change committed. The sender's status
 * changes are system events and are recorded here (attempts, last error, times), not in the audit log.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('body_text').notNull(),
    html: text('body_html'),
    /** queued: waiting to be sent; sent; failed: refused after every retry; kept: no mail server set. */
    status: text('status', { enum: mailStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the message is about, e.g. `hearing` and its id. */
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** Set by callers that must send a message once only (a reminder): a second one with the key is not queued. */
    key: text('key'),
    /**
     * One attached file, kept as text (a calendar invitation is): its file name, its content type with
     * parameters (`text/calendar; method=REQUEST`) and its content. All three or none.
     */
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentContent: text('attachment_content'),
  },
  (t) => [
    index('mail_outbox_created').on(t.createdAt.desc(), t.id.desc()),
    index('mail_outbox_status_created').on(t.status, t.createdAt.desc(), t.id.desc()),
    index('mail_outbox_entity').on(t.entityType, t.entityId),
    uniqueIndex('mail_outbox_key').on(t.key),
    check(
      'mail_outbox_status',
      sql`${t.status} in (${sql.raw(mailStatuses.map((s) => `'${s}'`).join(', '))})`,
    ),
    check('mail_outbox_attempts', sql`${t.attempts} >= 0`),
    check('mail_outbox_entity_pair', sql`(${t.entityType} is null) = (${t.entityId} is null)`),
    check(
      'mail_outbox_attachment',
      sql`(${t.attachmentName} is null) = (${t.attachmentType} is null) and (${t.attachmentName} is null) = (${t.attachmentContent} is null)`,
    ),
  ],
);
