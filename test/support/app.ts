import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { auditEvents } from '../../src/server/audit/audit.table.js';
import type { Database } from '../../src/server/db/client.js';
import type { Actor, Ctx } from '../../src/server/platform/context.js';
import { type DemoActors, demoActors } from './actors.js';
import { openDemoDatabase } from './demo-database.js';

export const testPassword = 'test-passord-123';
export const origin = 'http://partnerskap.test';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  actors: DemoActors;
  /** A use-case context acting as the given person. */
  ctx(actor: Actor | null): Ctx;
  /** The session cookie of a signed-in demo user. */
  cookieFor(email: string): Promise<string>;
  /** An API request from the app's own origin, optionally signed in. */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/**
 * The API on a fresh database with the Viken demo registry and its demo users. `mailConfigured`: the app
 * is told a mail server sends its e-mail (as MAIL_URL does); without it, none does.
 */
export async function startTestApp(
  options: { bodyLimit?: number; mailConfigured?: boolean } = {},
): Promise<TestApp> {
  const database = await openDemoDatabase(testPassword);
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    keys: { secret: 'test-secret-test-secret-test-secret', ttlHours: 1 },
    logger: false,
    bodyLimit: options.bodyLimit,
    mailConfigured: options.mailConfigured,
  });
  await app.ready();
  const actors = await demoActors(database.db);
  const cookies = new Map<string, string>();
  const request: TestApp['request'] = ({ cookie, headers, ...rest }) =>
    app.inject({
      ...rest,
      headers: { host: 'partnerskap.test', origin, ...(cookie ? { cookie } : {}), ...headers },
    });
  return {
    app,
    database,
    actors,
    ctx: (actor) => ({ db: database.db, actor, requestId: 'test' }),
    request,
    async cookieFor(email) {
      const known = cookies.get(email);
      if (known) return known;
      const res = await request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: testPassword },
      });
      if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'partnerskap_session');
      if (!setCookie) throw new Error('no session cookie');
      const cookie = `partnerskap_session=${setCookie.value}`;
      cookies.set(email, cookie);
      return cookie;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The audit events of one entity, oldest first: what a test checks a write recorded. */
export const auditTrail = (t: TestApp, entityType: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.id));
