import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { OutboxQuery, type OutboxSummary } from '../../shared/contracts/mail.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { containsPattern } from '../platform/like.js';
import { mailOutbox } from './mail.table.js';
import { toOutboxSummary } from './outbox.mapper.js';

/** The timestamp as PostgreSQL prints it (microseconds): a Date's milliseconds would skip or repeat rows. */
const OutboxCursor = z.object({ at: z.string().max(64), id: z.string().uuid() });

/**
 * The outbox, newest first, for the admin: what was sent, what failed and why, and what is kept because
 * no mail server is set. Reading is not audited.
 */
export async function listOutbox(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: OutboxSummary[]; nextCursor: string | null }> {
  const { db } = authorize(ctx, adminOnly);
  const query = parse(OutboxQuery, raw);
  const where: SQL[] = [];
  if (query.status) where.push(eq(mailOutbox.status, query.status));
  if (query.to) where.push(ilike(mailOutbox.to, containsPattern(query.to)));
  if (query.cursor) {
    const after = decodeCursor(OutboxCursor, query.cursor);
    where.push(
      sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      lastAttemptAt: mailOutbox.lastAttemptAt,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
      entityType: mailOutbox.entityType,
      entityId: mailOutbox.entityId,
      cursorAt: sql<string>`${mailOutbox.createdAt}::text`,
    })
    .from(mailOutbox)
    .where(and(...where))
    // Spelled as the indexes are declared (DESC NULLS LAST) so that PostgreSQL reads them in order.
    .orderBy(sql`${mailOutbox.createdAt} desc nulls last`, sql`${mailOutbox.id} desc nulls last`)
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toOutboxSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}
