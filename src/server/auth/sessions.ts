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
  session_id: string | null;
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

type Lookup = { actor: Actor | null; readStamp: KnownStamp };
type Waiting = { id: string; resolve: (lookup: Lookup) => void; reject: (error: unknown) => void };

/**
 * The session lookups of one database, made together: every request needs one, and under load each of them
 * was a round trip of its own. A lookup asked for while none is in flight starts at once; those asked for
 * while one is in flight wait for it to end and then go together in the next query. So each request's
 * lookup is a query that started after the request came (what a write committed before is in its versions,
 * as platform/read-cache.ts needs), and many requests share a round trip when they come faster than the
 * database answers.
 */
class SessionLookups {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  lookup(id: string): Promise<Lookup> {
    return new Promise<Lookup>((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          const found = await this.query([...new Set(batch.map((w) => w.id))]);
          for (const w of batch)
            w.resolve({ actor: found.actors.get(w.id) ?? null, readStamp: found.readStamp });
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * The active sessions among `ids` with their users, and the read caches' stamp (every scope's version and
   * the database's clock) in the same statement. The stamp row is always there; the session's columns are
   * null when none of the sessions is active.
   */
  private async query(ids: string[]): Promise<{ actors: Map<string, Actor>; readStamp: KnownStamp }> {
    const result = (await this.db.execute(sql`
      select ${sessions.id} as session_id, ${users.id} as id, ${users.name} as name, ${users.email} as email,
             ${users.role} as role, ${users.departmentId} as department_id, ${users.regionId} as region_id,
             ${users.locale} as locale, clock.versions, clock.ms
        from (select ${versionsQuery(auditedVersions)} as versions,
                     (extract(epoch from now()) * 1000)::float8 as ms) as clock
        left join (${sessions} inner join ${users} on ${users.id} = ${sessions.userId})
          on ${sessions.id} in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})
         and ${sessions.expiresAt} > ${new Date().toISOString()}::timestamptz
         and ${users.active}`)) as { rows: SessionRow[] };
    const first = result.rows[0];
    const ms = Number(first?.ms);
    if (!first || !Number.isFinite(ms)) throw new Error('the database gave no versions and time');
    const readStamp: KnownStamp = {
      table: auditedVersions.table,
      versions: parseVersions(first.versions),
      now: new Date(ms),
    };
    const actors = new Map<string, Actor>();
    for (const row of result.rows) {
      if (row.session_id === null || row.id === null || row.name === null || row.email === null) continue;
      actors.set(row.session_id, {
        id: row.id,
        name: row.name,
        email: row.email,
        role: Role.parse(row.role),
        departmentId: row.department_id,
        regionId: row.region_id,
        locale: Locale.parse(row.locale),
      });
    }
    return { actors, readStamp };
  }
}

const lookups = new WeakMap<Db, SessionLookups>();

/**
 * The active user behind a session cookie, or null when the session is unknown, expired or the user
 * inactive; and, in the same query, the read caches' stamp (every scope's version and the database's clock,
 * as platform/read-cache.ts reads them), so that a request served from a read cache costs one query, shared
 * with the other requests that come meanwhile (`SessionLookups`).
 */
export function authenticateSession(db: Db, keys: SessionKeys, token: string): Promise<Lookup> {
  let batcher = lookups.get(db);
  if (!batcher) {
    batcher = new SessionLookups(db);
    lookups.set(db, batcher);
  }
  return batcher.lookup(sessionId(keys.secret, token));
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
