import { createHmac, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { Locale, Role } from '../../shared/contracts/common.js';
import { auditedVersions } from '../audit/audited-read-cache.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor, Ctx } from '../platform/context.js';
import { type KnownStamp, parseVersions, versionsQuery } from '../platform/read-cache.js';
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

type SessionRow = {
  id: string | null;
  name: string | null;
  email: string | null;
  role: string | null;
  department_id: string | null;
  region_id: string | null;
  locale: string | null;
  versions: string;
  ms: number | string;
};

/**
 * The active user behind a session cookie, or null when the session is unknown, expired or the user
 * inactive; and, in the same query, the read caches' stamp (every scope's version and the database's clock,
 * as platform/read-cache.ts reads them), so that a request served from a read cache costs one query. The
 * stamp row is always there; the session's columns are null when there is no such session.
 */
export async function authenticateSession(
  db: Db,
  keys: SessionKeys,
  token: string,
): Promise<{ actor: Actor | null; readStamp: KnownStamp }> {
  const result = (await db.execute(sql`
    select ${users.id} as id, ${users.name} as name, ${users.email} as email, ${users.role} as role,
           ${users.departmentId} as department_id, ${users.regionId} as region_id, ${users.locale} as locale,
           clock.versions, clock.ms
      from (select ${versionsQuery(auditedVersions)} as versions,
                   (extract(epoch from now()) * 1000)::float8 as ms) as clock
      left join (${sessions} inner join ${users} on ${users.id} = ${sessions.userId})
        on ${sessions.id} = ${sessionId(keys.secret, token)}
       and ${sessions.expiresAt} > ${new Date().toISOString()}::timestamptz
       and ${users.active}
     limit 1`)) as { rows: SessionRow[] };
  const row = result.rows[0];
  const ms = Number(row?.ms);
  if (!row || !Number.isFinite(ms)) throw new Error('the database gave no versions and time');
  const readStamp: KnownStamp = {
    table: auditedVersions.table,
    versions: parseVersions(row.versions),
    now: new Date(ms),
  };
  if (row.id === null || row.name === null || row.email === null) return { actor: null, readStamp };
  const actor: Actor = {
    id: row.id,
    name: row.name,
    email: row.email,
    role: Role.parse(row.role),
    departmentId: row.department_id,
    regionId: row.region_id,
    locale: Locale.parse(row.locale),
  };
  return { actor, readStamp };
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
