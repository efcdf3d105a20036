import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { origin, startTestApp, type TestApp, testPassword } from '../../../test/support/app.js';
import { buildApp } from '../app.js';
import { auditEvents } from '../audit/audit.table.js';
import { users } from '../users/user.table.js';
import { loginLimits } from './login-limits.js';
import { sessions } from './session.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const keys = { secret: 'test-secret-test-secret-test-secret', ttlHours: 1 };

/** Sign-in from a given client address, so that each test has its own per-address failure count. */
function login(email: string, password: string, remoteAddress = '192.0.2.1') {
  return t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
  });
}

function setCookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const session = all.find((c) => c.startsWith('partnerskap_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(header)}`);
  return session;
}

function cookieOf(res: LightMyRequestResponse): string {
  return setCookieOf(res).split(';')[0] ?? '';
}

async function signIn(email: string, remoteAddress?: string): Promise<string> {
  const res = await login(email, testPassword, remoteAddress);
  expect(res.statusCode).toBe(200);
  return cookieOf(res);
}

function me(cookie: string) {
  return t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
}

/** The problem without its request id, which differs per request by design. */
function problemOf(res: LightMyRequestResponse) {
  const { requestId: _, ...rest } = res.json() as Record<string, unknown>;
  return rest;
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure on plain http', async () => {
    const res = await login('samferdsel@demo.partnerskap.no', testPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'samferdsel@demo.partnerskap.no', role: 'department' });
    const cookie = setCookieOf(res);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=3600/);
    expect(cookie).not.toMatch(/; Secure/);
    // The token is random; the database keeps only its HMAC.
    const token = cookieOf(res).split('=')[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await t.database.db.select({ id: sessions.id }).from(sessions);
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('accepts the e-mail address in any case and with spaces around it', async () => {
    const res = await login('  SamFerdsel@Demo.Partnerskap.no ', testPassword);
    expect(res.statusCode).toBe(200);
  });

  describe('behind a TLS-terminating proxy', () => {
    let proxied: FastifyInstance;
    beforeAll(async () => {
      proxied = await buildApp({
        db: t.database.db,
        engine: t.database.engine,
        keys,
        logger: false,
        trustProxy: 1,
      });
      await proxied.ready();
    });
    afterAll(async () => proxied.close());

    it('marks the cookie Secure when the request came over https', async () => {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: {
          host: 'partnerskap.test',
          origin: 'https://partnerskap.test',
          'x-forwarded-proto': 'https',
        },
        payload: { email: 'samferdsel@demo.partnerskap.no', password: testPassword },
      });
      expect(res.statusCode).toBe(200);
      expect(setCookieOf(res)).toMatch(/; Secure/);
      expect(setCookieOf(res)).toMatch(/; HttpOnly/);
    });

    it('does not mark it Secure for plain http through the proxy', async () => {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: 'partnerskap.test', origin, 'x-forwarded-proto': 'http' },
        payload: { email: 'samferdsel@demo.partnerskap.no', password: testPassword },
      });
      expect(res.statusCode).toBe(200);
      expect(setCookieOf(res)).not.toMatch(/; Secure/);
    });
  });

  it('ignores a forwarded protocol when no proxy is trusted', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'samferdsel@demo.partnerskap.no', password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    expect(setCookieOf(res)).not.toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown e-mail alike, without revealing which accounts exist', async () => {
    const wrongPassword = await login('naering@demo.partnerskap.no', 'feil-passord-123', '192.0.2.10');
    const unknownEmail = await login('finnes-ikke@demo.partnerskap.no', 'feil-passord-123', '192.0.2.10');
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(problemOf(wrongPassword)).toEqual(problemOf(unknownEmail));
    expect(problemOf(wrongPassword)).toMatchObject({
      code: 'invalidCredentials',
      title: 'Feil e-postadresse eller passord.',
    });
  });

  it('refuses a deactivated user, and sessions they already had stop working', async () => {
    const email = 'tannhelse@demo.partnerskap.no';
    const cookie = await signIn(email);
    expect((await me(cookie)).statusCode).toBe(200);
    // Deactivated behind the use case's back: the session row stays, and must not be honoured.
    await t.database.db.update(users).set({ active: false }).where(eq(users.email, email));
    try {
      expect((await me(cookie)).statusCode).toBe(401);
      const right = await login(email, testPassword, '192.0.2.11');
      expect(right.statusCode).toBe(401);
      expect(right.json()).toMatchObject({ code: 'accountInactive' });
      expect(right.headers['set-cookie']).toBeUndefined();
      // Without the right password, a deactivated account looks like any other failure.
      const wrong = await login(email, 'feil-passord-123', '192.0.2.11');
      expect(wrong.json()).toMatchObject({ code: 'invalidCredentials' });
    } finally {
      await t.database.db.update(users).set({ active: true }).where(eq(users.email, email));
    }
  });

  it(`slows guessing on one account: after ${loginLimits.perAccount} failures, 429 with Retry-After`, async () => {
    const email = 'kongsbergregionen@demo.partnerskap.no';
    for (let i = 0; i < loginLimits.perAccount; i++) {
      expect((await login(email, `feil-passord-${i}`, '192.0.2.20')).statusCode).toBe(401);
    }
    // A browser the account does not know waits, even with the right password, even from another address;
    // for a second now, longer with every further failure (sign-in-protection.test.ts).
    for (const address of ['192.0.2.20', '192.0.2.21']) {
      const res = await login(email, testPassword, address);
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: 'rateLimited' });
      expect(Number(res.headers['retry-after'])).toBe(loginLimits.firstDelaySeconds);
    }
    // An unknown address is limited the same way, so the limit does not reveal which accounts exist.
    for (let i = 0; i < loginLimits.perAccount; i++) {
      await login('ukjent@demo.partnerskap.no', `feil-passord-${i}`, '192.0.2.22');
    }
    expect((await login('ukjent@demo.partnerskap.no', 'x', '192.0.2.22')).statusCode).toBe(429);
    // Other accounts are not affected.
    expect((await login('haldenregionen@demo.partnerskap.no', testPassword, '192.0.2.20')).statusCode).toBe(
      200,
    );

    // Failures older than the window no longer count.
    await t.database.db.execute(
      sql`update login_failures set at = now() - make_interval(mins => ${loginLimits.windowMinutes + 1})
          where email = ${email}`,
    );
    expect((await login(email, testPassword, '192.0.2.20')).statusCode).toBe(200);
  });

  it('lets no more of a burst of parallel guesses reach the password check than the limit allows', async () => {
    const email = 'folloregionen@demo.partnerskap.no';
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(email, `feil-passord-${i}`, '192.0.2.30')),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // At most the allowance, and the one or two more a slow machine lets through should the burst outlast
    // the first delays (1 s, then 2 s).
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(loginLimits.perAccount + 2);
  });

  it(`slows guessing from one address: after ${loginLimits.perAddress} failures, 429`, async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < loginLimits.perAddress; i++) {
      // Spread over many accounts, each below its own limit.
      const res = await login(`gjett-${i % 10}@demo.partnerskap.no`, `feil-passord-${i}`, address);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await login('drammensregionen@demo.partnerskap.no', testPassword, address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(
      (await login('drammensregionen@demo.partnerskap.no', testPassword, '198.51.100.8')).statusCode,
    ).toBe(200);
  });
});

describe('signing out', () => {
  it('ends the session on the server, not only in the browser', async () => {
    const cookie = await signIn('leser@demo.partnerskap.no');
    expect((await me(cookie)).statusCode).toBe(200);
    const before = await t.database.db.select().from(sessions);
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie });
    expect(res.statusCode).toBe(204);
    expect(setCookieOf(res)).toMatch(/partnerskap_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await t.database.db.select().from(sessions);
    expect(after).toHaveLength(before.length - 1);
    // The old cookie, replayed, no longer signs anyone in.
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('answers 204 without a session too', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(204);
  });
});

describe('who is signed in', () => {
  it('tells each role who they are and what they are bound to', async () => {
    const cases = [
      ['admin@demo.partnerskap.no', { role: 'admin', departmentName: null, regionName: null }],
      [
        'samferdsel@demo.partnerskap.no',
        { role: 'department', departmentName: 'Samferdsel', regionName: null },
      ],
      [
        'indre-ostfold@demo.partnerskap.no',
        { role: 'region', departmentName: null, regionName: 'Indre Østfold regionråd' },
      ],
      ['leser@demo.partnerskap.no', { role: 'viewer', departmentName: null, regionName: null }],
    ] as const;
    for (const [email, expected] of cases) {
      const res = await me(await t.cookieFor(email));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ email, locale: 'nb', ...expected });
      expect(res.body).not.toMatch(/argon2|passwordHash/);
    }
  });

  it('answers 401 without a session, and with a made-up one', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const forged = await me('partnerskap_session=bm90LWEtcmVhbC10b2tlbi1ub3QtYS1yZWFsLXRva2Vu');
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'unauthenticated', title: 'Du må logge inn.' });
  });

  it('answers 401 once the session has expired', async () => {
    const cookie = await signIn('hallingdal@demo.partnerskap.no');
    expect((await me(cookie)).statusCode).toBe(200);
    const [user] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'hallingdal@demo.partnerskap.no'));
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user?.id ?? ''));
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('language preference', () => {
  it('remembers the language, and later error titles and field messages come in it', async () => {
    const email = 'ringeriksregionen@demo.partnerskap.no';
    const cookie = await signIn(email);
    const put = await t.request({
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      cookie,
      payload: { locale: 'en' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ locale: 'en' });
    expect((await me(cookie)).json()).toMatchObject({ locale: 'en' });

    // The preference wins over the browser's Accept-Language.
    const forbidden = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      cookie,
      headers: { 'accept-language': 'nb-NO' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().title).toBe('You do not have access to this.');
    const invalid = await t.request({
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      cookie,
      payload: { locale: 'sv' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      title: 'Some fields are not filled in correctly.',
      errors: [{ field: 'locale', message: 'This value does not fit here. Check what is typed or chosen.' }],
    });

    await t.request({ method: 'PUT', url: '/api/v1/auth/me/preferences', cookie, payload: { locale: 'nn' } });
    const nynorsk = await t.request({ method: 'GET', url: '/api/v1/users', cookie });
    expect(nynorsk.json().title).not.toBe(forbidden.json().title);
    expect(nynorsk.json().title).toMatch(/tilgang/);

    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user?.id ?? ''), eq(auditEvents.action, 'user.updatePreferences')));
    expect(events.map((e) => e.after)).toEqual([{ locale: 'en' }, { locale: 'nn' }]);
  });
});

describe('cross-site requests', () => {
  it('refuses a write without Origin or from a foreign origin, and changes nothing', async () => {
    const cookie = await t.cookieFor('nedre-glomma@demo.partnerskap.no');
    for (const headers of [
      {},
      { origin: 'https://angriper.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/auth/me/preferences',
        headers: { host: 'partnerskap.test', cookie, ...headers },
        payload: { locale: 'en' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'crossSite' });
    }
    expect((await me(cookie)).json()).toMatchObject({ locale: 'nb' });
  });

  it('refuses a sign-in from another site (login CSRF)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: 'partnerskap.test', origin: 'https://angriper.example' },
      payload: { email: 'leser@demo.partnerskap.no', password: testPassword },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('accepts a write that the browser marks Sec-Fetch-Site: same-origin', async () => {
    const cookie = await t.cookieFor('nedre-glomma@demo.partnerskap.no');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      headers: { host: 'partnerskap.test', cookie, 'sec-fetch-site': 'same-origin' },
      payload: { locale: 'nb' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('accepts the configured public origin when the server sees another host', async () => {
    const behindProxy = await buildApp({
      db: t.database.db,
      engine: t.database.engine,
      keys,
      logger: false,
      publicUrl: 'https://partnerskap.example.no',
    });
    try {
      const res = await behindProxy.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { host: '10.0.0.5:3000', origin: 'https://partnerskap.example.no' },
      });
      expect(res.statusCode).toBe(204);
    } finally {
      await behindProxy.close();
    }
  });

  it('lets reads through without Origin', async () => {
    const cookie = await t.cookieFor('nedre-glomma@demo.partnerskap.no');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
  });
});
