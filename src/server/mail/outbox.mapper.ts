import type { OutboxMessage, OutboxSummary } from '../../shared/contracts/mail.js';
import type { mailOutbox } from './mail.table.js';

type Row = typeof mailOutbox.$inferSelect;

export const toOutboxSummary = (
  row: Omit<Row, 'text' | 'html' | 'key' | 'attachmentName' | 'attachmentType' | 'attachmentContent'>,
): OutboxSummary => ({
  id: row.id,
  to: row.to,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  entityType: row.entityType,
  entityId: row.entityId,
});

export const toOutboxMessage = (row: Row): OutboxMessage => ({
  ...toOutboxSummary(row),
  text: row.text,
  html: row.html,
});
