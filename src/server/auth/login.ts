import { sql } from 'drizzle-orm';
import { LoginInput } from '../../shared/contracts/auth.js';
import { Locale, Role } from '../../shared/contracts/common.js';
import { appendAudit } from '../audit/append-audit.js';
import { parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { users } from '../users/user.table.js';
import { deviceFor, issueDeviceCookie } from './device-cookie.js';
import { beginAttempt, endAttempt, failAttempt, loginLimits, unknownDeviceFailures } from './login-limits.js';
import { verifyPassword } from './password.js';
import { createSession, type SessionKeys } from './sessions.js';
import { alertOwner } from './sign-in-alert.js';

/**
 * Signs in with e-mail and password from a client address, with the browser's device cookie if it has one.
 * Guessing is slowed as login-limits.ts describes; a success answers a new device cookie for the account.
 */
export async function login(
  ctx: Ctx,
  keys: SessionKeys,
  raw: unknown,
  address: string,
  deviceCookieValue?: string,
): Promise<{ token: string; actor: Actor; deviceCookie: string }> {
  const input = parse(LoginInput, raw);
  const email = input.email.toLowerCase();
  const device = deviceFor(keys.secret, deviceCookieValue, email);
  const attempt = await beginAttempt(ctx.db, { email, address, device });

  // Matched like the unique index (lower(email)), which this lookup then uses.
  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  // A wrong password or an unknown account: the attempt stays, as a failure.
  if (!user || !ok) {
    await failAttempt(ctx.db, attempt);
    if (!device) {
      // Counted for unknown accounts too, so that the time taken does not tell which accounts exist.
      const failures = await unknownDeviceFailures(ctx.db, email);
      if (user && failures >= loginLimits.perAccount) await alertOwner(ctx.db, user, failures);
    }
    throw new AppError('invalidCredentials');
  }
  if (!user.active) {
    await endAttempt(ctx.db, attempt);
    throw new AppError('accountInactive');
  }

  const issued = issueDeviceCookie(keys.secret, email);
  return ctx.db.transaction(async (tx) => {
    // The attempt was not a failure. Other failures stay until they leave the window: a success from one
    // browser does not wipe out what someone guessing from another has run up. The device starts again
    // under the new cookie's id; its old id's failures are left to leave the window.
    await endAttempt(tx, attempt);
    const token = await createSession(tx, keys, user.id);
    await appendAudit(
      tx,
      { actor: user, requestId: ctx.requestId },
      // A session is in no cached read; the audit log shows the sign-in.
      {
        action: 'session.create',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: { email },
        scopes: [],
      },
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
    return { token, actor, deviceCookie: issued.value };
  });
}
