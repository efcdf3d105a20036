import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { origin, startTestApp, type TestApp, testPassword } from '../../../test/support/app.js';
import { buildApp } from '../app.js';
import { mailOutbox } from '../mail/mail.table.js';
import { users } from '../users/user.table.js';
import { deviceCookie, issueDeviceCookie } from './device-cookie.js';
import { loginLimits } from './login-limits.js';
import { loginFailures } from './session.table.js';

/**
 * Sign-in protection through a reverse proxy: the app trusts one hop (TRUST_PROXY=1), so the client is the
 * address the proxy (10.0.0.2) appended to X-Forwarded-For; whatever the client wrote there itself is not.
 */
let t: TestApp;
let proxied: FastifyInstance;
const keys = { secret: 'test-secret-test-secret-test-secret', ttlHours: 1 };
const proxy = '10.0.0.2';

beforeAll(async () => {
  t = await startTestApp();
  proxied = await buildApp({
    db: t.database.db,
    engine: t.database.engine,
    keys,
    logger: false,
    trustProxy: 1,
  });
  await proxied.ready();
});
afterAll(async () => {
  await proxied?.close();
  await t.close();
});

type Attempt = { email: string; password: string; client: string; device?: string; forwardedFor?: string };

/** A sign-in from `client`, through the proxy; `forwardedFor` is what the client itself claims. */
function signIn(a: Attempt, app: FastifyInstance = proxied, remoteAddress = proxy) {
  const forwarded = [a.forwardedFor, app === proxied ? a.client : undefined].filter(Boolean).join(', ');
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: {
      host: 'partnerskap.test',
      origin,
      ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
      ...(a.device ? { cookie: `${deviceCookie}=${a.device}` } : {}),
    },
    payload: { email: a.email, password: a.password },
  });
}

const wrong = (i: number) => `feil-passord-${i}`;

function deviceOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === deviceCookie);
  if (!cookie) throw new Error(`no device cookie: ${res.statusCode} ${res.body}`);
  return cookie.value;
}

const retryAfter = (res: LightMyRequestResponse) => Number(res.headers['retry-after']);

/** Time passes for an account's failures: they happened `seconds` earlier than recorded. */
async function earlier(email: string, seconds: number) {
  await t.database.db.execute(
    sql`update login_failures set at = at - make_interval(secs => ${seconds}) where email = ${email}`,
  );
}

async function userId(email: string): Promise<string> {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

const alertsTo = async (email: string) =>
  t.database.db
    .select({ subject: mailOutbox.subject, text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.entityType, 'user'), eq(mailOutbox.entityId, await userId(email))));

describe('the device cookie', () => {
  it('is set on a successful sign-in: HttpOnly, SameSite=Strict, sent to the sign-in only, for 180 days', async () => {
    const res = await signIn({
      email: 'leser@demo.partnerskap.no',
      password: testPassword,
      client: '198.51.100.1',
    });
    expect(res.statusCode).toBe(200);
    const header = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${deviceCookie}=`));
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\/api\/v1\/auth\/login/);
    expect(header).toMatch(new RegExp(`; Max-Age=${180 * 24 * 3600}`));
    // Signing out ends the session, not the browser's being known.
    const out = await t.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect([out.headers['set-cookie']].flat().join()).not.toContain(deviceCookie);
  });
});

describe('someone guessing a password', () => {
  it('does not keep the real user out: their browser signs in while an attacker hammers, from anywhere', async () => {
    const email = 'naering@demo.partnerskap.no';
    const home = '198.51.100.20';
    const attacker = '203.0.113.66';
    const device = deviceOf(await signIn({ email, password: testPassword, client: home }));

    // 40 guesses at once, and the real user signing in during them: from home and from the attacker's own
    // address (a county office behind one address).
    const hammering = Array.from({ length: 40 }, (_, i) =>
      signIn({ email, password: wrong(i), client: attacker }),
    );
    const fromHome = signIn({ email, password: testPassword, client: home, device });
    const fromOffice = signIn({ email, password: testPassword, client: attacker, device });
    const [home1, office1, ...guesses] = await Promise.all([fromHome, fromOffice, ...hammering]);
    expect(home1?.statusCode).toBe(200);
    expect(office1?.statusCode).toBe(200);
    const statuses = guesses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // No more guesses reach the password check than the allowance, and the few more a slow machine lets
    // through as the first delays (1 s, 2 s, 4 s) pass during the burst.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(loginLimits.perAccount + 3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - loginLimits.perAccount - 3);
    for (const refused of guesses.filter((r) => r.statusCode === 429)) {
      expect(refused.json()).toMatchObject({ code: 'rateLimited' });
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
    }

    // After the attack too, with the device cookie the last sign-in gave: still in, at once.
    const again = await signIn({
      email,
      password: testPassword,
      client: home,
      device: deviceOf(home1 as never),
    });
    expect(again.statusCode).toBe(200);
    // A browser the account has never signed in with waits while the attack goes on, even with the right
    // password: that is all the attacker can cause.
    for (let i = 0; i < 10; i++) {
      if ((await signIn({ email, password: wrong(50 + i), client: attacker })).statusCode === 429) break;
    }
    await t.database.db.execute(sql`update login_failures set at = clock_timestamp() where email = ${email}`);
    const newBrowser = await signIn({ email, password: testPassword, client: '198.51.100.21' });
    expect(newBrowser.statusCode).toBe(429);
    expect(retryAfter(newBrowser)).toBeGreaterThanOrEqual(1);
  });

  it('answers the attacker 429 with a delay that grows with every further failure', async () => {
    const email = 'folloregionen@demo.partnerskap.no';
    const attacker = '203.0.113.70';
    for (let i = 0; i < loginLimits.perAccount; i++) {
      expect((await signIn({ email, password: wrong(i), client: attacker })).statusCode).toBe(401);
    }
    const delays: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await signIn({ email, password: wrong(100 + round), client: attacker });
      expect(refused.statusCode).toBe(429);
      delays.push(retryAfter(refused));
      // Refused attempts do not count; one after the delay does, and is checked.
      expect((await signIn({ email, password: wrong(200 + round), client: attacker })).statusCode).toBe(429);
      await earlier(email, retryAfter(refused) + 1);
      expect((await signIn({ email, password: wrong(300 + round), client: attacker })).statusCode).toBe(401);
    }
    expect(delays).toEqual([1, 2, 4, 8]);
    // Also from another address, and for the right password from a browser the account does not know.
    const elsewhere = await signIn({ email, password: testPassword, client: '198.51.100.30' });
    expect(elsewhere.statusCode).toBe(429);
    expect(retryAfter(elsewhere)).toBe(16);
    // Once the window has passed, the failures no longer count.
    await earlier(email, loginLimits.windowMinutes * 60);
    expect((await signIn({ email, password: testPassword, client: '198.51.100.30' })).statusCode).toBe(200);
  });

  it('limits a device cookie by its own failures, apart from everybody else’s', async () => {
    const email = 'haldenregionen@demo.partnerskap.no';
    const client = '198.51.100.40';
    const device = deviceOf(await signIn({ email, password: testPassword, client }));
    for (let i = 0; i < loginLimits.perDevice; i++) {
      expect((await signIn({ email, password: wrong(i), client, device })).statusCode).toBe(401);
    }
    const held = await signIn({ email, password: testPassword, client, device });
    expect(held.statusCode).toBe(429);
    expect(retryAfter(held)).toBe(1);
    // Browsers the account does not know have their own allowance, untouched by the device's failures.
    expect((await signIn({ email, password: testPassword, client: '198.51.100.41' })).statusCode).toBe(200);
    // A device cookie for another account, or a forged one, makes a browser unknown, not trusted.
    const others = issueDeviceCookie(keys.secret, 'leser@demo.partnerskap.no').value;
    const forged = `${device.slice(0, -4)}AAAA`;
    for (const cookie of [others, forged]) {
      const res = await signIn({ email, password: wrong(99), client: '198.51.100.42', device: cookie });
      expect(res.statusCode).toBe(401);
    }
    const [unknown] = await t.database.db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.email, email), sql`${loginFailures.device} is null`));
    expect(unknown?.n).toBe(2);
  });

  it('limits an address, whatever the client writes into X-Forwarded-For, without holding back known browsers', async () => {
    const attacker = '203.0.113.80';
    const known = deviceOf(
      await signIn({
        email: 'drammensregionen@demo.partnerskap.no',
        password: testPassword,
        client: attacker,
      }),
    );
    for (let i = 0; i < loginLimits.perAddress; i++) {
      const res = await signIn({
        email: `gjett-${i % 10}@demo.partnerskap.no`,
        password: wrong(i),
        client: attacker,
        // A new made-up address every time: before, with TRUST_PROXY=true, each one was counted apart.
        forwardedFor: `192.0.2.${i + 1}`,
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await signIn({
      email: 'ringeriksregionen@demo.partnerskap.no',
      password: testPassword,
      client: attacker,
      forwardedFor: '192.0.2.200',
    });
    expect(blocked.statusCode).toBe(429);
    expect(retryAfter(blocked)).toBe(1);
    const rows = await t.database.db
      .selectDistinct({ address: loginFailures.address })
      .from(loginFailures)
      .where(sql`${loginFailures.email} like 'gjett-_@%'`);
    expect(rows).toEqual([{ address: attacker }]);
    // A browser that has signed in from behind that address before is let through.
    const colleague = await signIn({
      email: 'drammensregionen@demo.partnerskap.no',
      password: testPassword,
      client: attacker,
      device: known,
    });
    expect(colleague.statusCode).toBe(200);
    // Another address is not affected.
    const other = await signIn({
      email: 'ringeriksregionen@demo.partnerskap.no',
      password: testPassword,
      client: '198.51.100.50',
    });
    expect(other.statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from the proxies named, and ignores it from any other client', async () => {
    const listed = await buildApp({
      db: t.database.db,
      engine: t.database.engine,
      keys,
      logger: false,
      trustProxy: ['10.0.0.0/8'],
    });
    try {
      const email = 'gjett-proxy@demo.partnerskap.no';
      const direct = '203.0.113.90';
      // A client that is not a named proxy: its header is ignored, its own address counts.
      await signIn(
        { email, password: wrong(1), client: direct, forwardedFor: '198.51.100.99' },
        listed,
        direct,
      );
      // Through the named proxy: the address it forwards.
      await signIn(
        { email, password: wrong(2), client: proxy, forwardedFor: '198.51.100.98' },
        listed,
        proxy,
      );
      // Without any proxy trusted (the default), the header is ignored too.
      await signIn(
        { email, password: wrong(3), client: direct, forwardedFor: '198.51.100.97' },
        t.app,
        '203.0.113.91',
      );
      const rows = await t.database.db
        .select({ address: loginFailures.address })
        .from(loginFailures)
        .where(eq(loginFailures.email, email))
        .orderBy(loginFailures.at);
      expect(rows.map((r) => r.address)).toEqual([direct, '198.51.100.98', '203.0.113.91']);
    } finally {
      await listed.close();
    }
  });

  it('tells the account’s owner by e-mail, in their language, once per attack window', async () => {
    const email = 'kongsbergregionen@demo.partnerskap.no';
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.email, email));
    const attacker = '203.0.113.100';
    for (let i = 0; i < loginLimits.perAccount - 1; i++) {
      await signIn({ email, password: wrong(i), client: attacker });
    }
    expect(await alertsTo(email)).toEqual([]);
    for (let i = 0; i < 6; i++) {
      await signIn({ email, password: wrong(10 + i), client: attacker });
      await earlier(email, 60);
    }
    const alerts = await alertsTo(email);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toBe('Someone is trying to sign in to your Partnerskap account');
    expect(alerts[0]?.text).toContain(`${loginLimits.perAccount} failed attempts`);
    // A new attack after the window: a new message.
    await t.database.db.execute(
      sql`update login_alerts set sent_at = sent_at - make_interval(mins => ${loginLimits.windowMinutes})`,
    );
    await earlier(email, loginLimits.windowMinutes * 60);
    for (let i = 0; i < loginLimits.perAccount; i++) {
      await signIn({ email, password: wrong(20 + i), client: '203.0.113.101' });
    }
    expect(await alertsTo(email)).toHaveLength(2);
  });
});

describe('the failed sign-ins kept', () => {
  it('are deleted once they no longer count, so the table stays bounded', async () => {
    // A day of failures left behind (as the table grew before), then more sign-ins.
    await t.database.db.execute(
      sql`insert into login_failures (email, address, at)
          select 'gammel-' || i || '@demo.partnerskap.no', '192.0.2.' || (i % 250), now() - make_interval(mins => 16 + i)
          from generate_series(1, 2000) as i`,
    );
    await signIn({ email: 'gjett-bounded@demo.partnerskap.no', password: wrong(1), client: '203.0.113.110' });
    const [left] = await t.database.db
      .select({ n: count() })
      .from(loginFailures)
      .where(sql`${loginFailures.at} <= now() - make_interval(mins => ${loginLimits.windowMinutes})`);
    expect(left?.n).toBe(0);

    // Hammering for hours keeps no more than a window's failures: refused attempts leave nothing behind.
    const email = 'gjett-hours@demo.partnerskap.no';
    for (let minute = 0; minute < 40; minute++) {
      await signIn({ email, password: wrong(minute), client: '203.0.113.111' });
      await signIn({ email, password: wrong(minute), client: '203.0.113.111' });
      await earlier(email, 60);
    }
    const [kept] = await t.database.db
      .select({ n: count() })
      .from(loginFailures)
      .where(eq(loginFailures.email, email));
    expect(kept?.n).toBeLessThanOrEqual(loginLimits.windowMinutes + 1);
  });
});
