import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { Locale, Role } from '../../shared/contracts/common.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor, Ctx } from '../platform/context.js';
import { users } from '../users/user.table.js';
import { sessions } from './session.table.js';

export type SessionKeys = { secret: string; ttlHours: number };

/** The database keeps an HMAC of the token, never the token itself. */
export function sessionId(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export async function createSession(tx: Tx | Db, keys: SessionKeys, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await tx.insert(sessions).values({
    id: sessionId(keys.secret, token),
    userId,
    expiresAt: new Date(Date.now() + keys.ttlHours * 3600_000),
  });
  return token;
}

/** The active user behind a session cookie, or null when the session is unknown, expired or the user inactive. */
export async function actorForSession(db: Db, keys: SessionKeys, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      departmentId: users.departmentId,
      regionId: users.regionId,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId(keys.secret, token)),
        gt(sessions.expiresAt, new Date()),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  return { ...row, role: Role.parse(row.role), locale: Locale.parse(row.locale) };
}

/** Signing out ends the session on the server, not only in the browser. */
export async function logout(ctx: Ctx, keys: SessionKeys, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionId(keys.secret, token)));
}

/**
 * Ends every session of a user, inside the caller's transaction: used when an account is deactivated or its
 * password reset, so that a stolen or forgotten session does not outlive the decision.
 */
export async function endSessions(tx: Tx, userId: string): Promise<number> {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}
