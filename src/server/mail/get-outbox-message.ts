import { eq } from 'drizzle-orm';
import type { OutboxMessage } from '../../shared/contracts/mail.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { mailOutbox } from './mail.table.js';
import { toOutboxMessage } from './outbox.mapper.js';

/** One message with its text, for the admin. */
export async function getOutboxMessage(ctx: Ctx, id: string): Promise<OutboxMessage> {
  const { db } = authorize(ctx, adminOnly);
  assertId(id);
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!row) throw notFound();
  return toOutboxMessage(row);
}
