import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * OWASP's device cookie: a browser that has signed in to an account keeps a cookie naming that account,
 * signed with the server's secret. A sign-in that carries one is counted by it alone (login-limits.ts), so
 * somebody guessing the account's password elsewhere does not keep its owner out.
 *
 * The value is `v1.<e-mail, base64url>.<id>.<HMAC-SHA256 of both under the session secret>`; the id is
 * random, new at every successful sign-in, and names the device's failures in `login_failures.device`.
 */
export const deviceCookie = 'partnerskap_device';

/** How long a browser stays known without signing in again. */
export const deviceCookieDays = 180;

/** Sent with the sign-in request only. */
export const deviceCookiePath = '/api/v1/auth/login';

const version = 'v1';

function signature(secret: string, email: string, id: string): string {
  // Its own purpose in the MAC's input, so that no other HMAC under the same secret (a session id) is one.
  return createHmac('sha256', secret).update(`partnerskap-device\n${email}\n${id}`).digest('base64url');
}

/** A new device cookie's value for an account (its e-mail, lower case), and the device's id. */
export function issueDeviceCookie(secret: string, email: string): { value: string; id: string } {
  const id = randomBytes(16).toString('base64url');
  const name = Buffer.from(email, 'utf8').toString('base64url');
  return { value: `${version}.${name}.${id}.${signature(secret, email, id)}`, id };
}

/**
 * The device's id when the cookie is one this server signed for this account (its e-mail, lower case);
 * null for no cookie, another account's, or a forged or damaged one.
 */
export function deviceFor(secret: string, value: string | undefined, email: string): string | null {
  if (!value || value.length > 1000) return null;
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== version) return null;
  const [, name = '', id = '', mac = ''] = parts;
  if (!/^[\w-]{16,64}$/.test(id)) return null;
  if (Buffer.from(name, 'base64url').toString('utf8') !== email) return null;
  const expected = Buffer.from(signature(secret, email, id));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return id;
}
