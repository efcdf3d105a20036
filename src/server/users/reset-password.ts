import { eq, sql } from 'drizzle-orm';
import { ResetPasswordInput } from '../../shared/contracts/users.js';
import { appendAudit } from '../audit/append-audit.js';
import { hashPassword } from '../auth/password.js';
import { endSessions } from '../auth/sessions.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { users } from './user.table.js';

/**
 * The admin sets a new password for a user, e.g. one who forgot theirs. The user's sessions end, so
 * whoever might have used the old password is signed out. The audit event records that it happened,
 * never the password or its hash.
 */
export async function resetPassword(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(ResetPasswordInput, raw);
  assertId(id);
  const passwordHash = await hashPassword(input.password);
  await actx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!row) throw notFound();
    const sessionsEnded = await endSessions(tx, id);
    await appendAudit(tx, actx, {
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: id,
      before: null,
      after: { sessionsEnded },
    });
  });
}
