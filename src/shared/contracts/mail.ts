import { z } from 'zod';
import { ListQuery, safeString } from './common.js';

/** queued: waiting to be sent; sent; failed: refused after every retry; kept: no mail server is set. */
export const mailStatuses = ['queued', 'sent', 'failed', 'kept'] as const;
export const MailStatus = z.enum(mailStatuses, { error: 'validation.invalid' });
export type MailStatus = z.infer<typeof MailStatus>;

/** A message as the outbox list shows it (without its body). */
export const OutboxSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: MailStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

export const OutboxMessage = OutboxSummary.extend({
  text: z.string(),
  html: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = ListQuery.extend({
  status: MailStatus.optional(),
  /** Part of the recipient's address. */
  to: safeString().trim().max(254, { error: 'validation.tooLong' }).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/**
 * What became of the e-mail a write asked for, as the outbox has it when the answer is given: `queued`
 * messages wait for the mail server and go out in a moment; `kept` ones stay in the outbox unsent, because
 * no mail server is set up (MAIL_URL). A message is never counted as sent before the server has taken it.
 */
export const MailOutcome = z.object({
  queued: z.number().int().min(0),
  kept: z.number().int().min(0),
});
export type MailOutcome = z.infer<typeof MailOutcome>;
