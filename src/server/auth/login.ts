import { and, count, eq, gt, sql } from 'drizzle-orm';
import { LoginInput } from '../../shared/contracts/auth.js';
import { Locale, Role } from '../../shared/contracts/common.js';
import { appendAudit } from '../audit/append-audit.js';
import { parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { users } from '../users/user.table.js';
import { verifyPassword } from './password.js';
import { loginFailures } from './session.table.js';
import { createSession, type SessionKeys } from './sessions.js';

/** Guessing is slowed per account and per address; the window is counted in the database, shared by all processes. */
export const loginLimits = { windowMinutes: 15, perAccount: 5, perAddress: 30 };

export async function login(
  ctx: Ctx,
  keys: SessionKeys,
  raw: unknown,
  address: string,
): Promise<{ token: string; actor: Actor }> {
  const input = parse(LoginInput, raw);
  const email = input.email.toLowerCase();

  // The attempt is written before it is counted, and counted before the password is checked: a burst of
  // parallel guesses then sees itself, and no more than the limit of them ever reaches the password check.
  // (Counting first and writing after the check would let every request of a burst through.)
  const [attempt] = await ctx.db
    .insert(loginFailures)
    .values({ email, address })
    .returning({ id: loginFailures.id });
  if (!attempt) throw new Error('insert returned nothing');
  // The window is measured by the database's clock, the one that stamped the attempts.
  const since = sql`now() - make_interval(mins => ${loginLimits.windowMinutes})`;
  const [[byAccount], [byAddress]] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since))),
    ctx.db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.address, address), gt(loginFailures.at, since))),
  ]);
  if ((byAccount?.n ?? 0) > loginLimits.perAccount || (byAddress?.n ?? 0) > loginLimits.perAddress) {
    // A refused attempt does not count: the lock-out ends a window after the last real failure.
    await ctx.db.delete(loginFailures).where(eq(loginFailures.id, attempt.id));
    throw new AppError('rateLimited');
  }

  // Matched like the unique index (lower(email)), which this lookup then uses.
  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  // A wrong password or an unknown account: the attempt stays, as a failure.
  if (!user || !ok) throw new AppError('invalidCredentials');
  if (!user.active) {
    await ctx.db.delete(loginFailures).where(eq(loginFailures.id, attempt.id));
    throw new AppError('accountInactive');
  }

  return ctx.db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.email, email));
    const token = await createSession(tx, keys, user.id);
    await appendAudit(
      tx,
      { actor: user, requestId: ctx.requestId },
      { action: 'session.create', entityType: 'user', entityId: user.id, before: null, after: { email } },
    );
    const actor: Actor = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: Role.parse(user.role),
      departmentId: user.departmentId,
      regionId: user.regionId,
      locale: Locale.parse(user.locale),
    };
    return { token, actor };
  });
}
