import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { AppError } from '../src/server/platform/errors.js';
import { origin, startTestApp, type TestApp } from './support/app.js';

const keys = { secret: 'test-secret-test-secret-test-secret', ttlHours: 1 };

let t: TestApp;
/**
 * A second app on the same database, only for this file: a small body limit and routes that fail on
 * purpose, added before it is ready.
 */
let probe: FastifyInstance;
beforeAll(async () => {
  t = await startTestApp();
  probe = await buildApp({
    db: t.database.db,
    engine: t.database.engine,
    keys,
    logger: false,
    bodyLimit: 2048,
  });
  probe.get('/api/v1/test/throws', { config: { access: 'public' } }, async () => {
    throw new Error(
      'select password_hash from users where id = 1 failed at Object.<anonymous> (app.ts:12:3)',
    );
  });
  probe.get('/api/v1/test/bad-sql', { config: { access: 'public' } }, async () =>
    t.database.db.execute(sql`select secret_column from no_such_table`),
  );
  probe.get('/api/v1/test/admin-only', { config: { access: ['admin'] } }, async () => ({ secret: 'ja' }));
  probe.get('/api/v1/test/undeclared', async () => ({ secret: 'ja' }));
  probe.post('/api/v1/test/echo', { config: { access: 'public' } }, async (request) => request.body);
  probe.get('/api/v1/test/nul-in-sql', { config: { access: 'public' } }, async () =>
    t.database.db.execute(sql`select ${'Hallingdal\u0000'}::text as name`),
  );
  probe.get('/api/v1/test/year-zero-in-sql', { config: { access: 'public' } }, async () =>
    t.database.db.execute(sql`select ${'0000-01-01'}::date as day`),
  );
  probe.get('/api/v1/test/refused', { config: { access: 'public' } }, async () => {
    throw new AppError('conflict');
  });
  await probe.ready();
});
afterAll(async () => {
  await probe.close();
  await t.close();
});

const json = { 'content-type': 'application/json' };
const problemType = 'application/problem+json';

describe('bad input', () => {
  it('answers malformed or empty JSON with 400 badJson as problem+json', async () => {
    for (const payload of ['{"email": "x@y.no",', '{]', '']) {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: json, payload });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain(problemType);
      expect(res.json()).toMatchObject({
        type: '/api/problems/badJson',
        code: 'badJson',
        status: 400,
        title: 'Forespørselen er ikke gyldig JSON.',
      });
    }
  });

  it('answers a body over the limit with 413 tooLarge before reading it', async () => {
    const res = await probe.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { host: 'partnerskap.test', origin, ...json },
      payload: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain(problemType);
    expect(res.json()).toMatchObject({ code: 'tooLarge', status: 413 });

    const small = await probe.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { host: 'partnerskap.test', origin, ...json },
      payload: JSON.stringify({ text: 'x'.repeat(100) }),
    });
    expect(small.statusCode).toBe(200);
  });

  it('answers a body that is not JSON with 415, text/plain included', async () => {
    for (const type of [
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': type },
        payload: 'email=admin@demo.partnerskap.no&password=x',
      });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain(problemType);
      expect(res.json()).toMatchObject({
        code: 'unsupportedMediaType',
        title: 'Forespørselen må sendes som JSON.',
      });
    }
  });
});

describe('text and dates that cannot be stored', () => {
  const fieldsOf = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string; code: string; message: string }[] }).errors ?? []).map(
      (e) => [e.field, e.code],
    );

  it('refuses a NUL character in the sign-in e-mail with 400 naming the field, in the caller language', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...json, 'accept-language': 'en' },
      payload: JSON.stringify({ email: 'admin@demo.partnerskap.no\u0000', password: 'x' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain(problemType);
    expect(res.json()).toMatchObject({ code: 'validation', status: 400 });
    expect(fieldsOf(res)).toEqual([['email', 'validation.characters']]);
    expect(res.json().errors[0].message).toMatch(/cannot be saved/);
  });

  it('refuses a NUL character or a lone surrogate in a name, and writes nothing', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const before = await t.request({ method: 'GET', url: '/api/v1/departments', cookie });
    for (const name of ['Kultur\u0000', 'Kultur \uD800', '\uDC00']) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        cookie,
        headers: json,
        payload: JSON.stringify({ name }),
      });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(fieldsOf(res)).toEqual([['name', 'validation.characters']]);
    }
    const after = await t.request({ method: 'GET', url: '/api/v1/departments', cookie });
    expect(after.body).toBe(before.body);
  });

  it('names the field deep inside a body, such as a rich text node', async () => {
    const res = await probe.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { host: 'partnerskap.test', origin, ...json },
      payload: `{"body":{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"a\\ud800"}]}]}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['body.content.0.content.0.text', 'validation.characters']]);
  });

  it('refuses a NUL character in a search and an unstorable date in a query with 400', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const search = await t.request({ method: 'GET', url: '/api/v1/municipalities?q=Mo%00ss', cookie });
    expect(search.statusCode).toBe(400);
    expect(fieldsOf(search)).toEqual([['q', 'validation.characters']]);
    for (const from of ['0000-01-01', '1899-12-31', '2201-01-01']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/audit-events?from=${from}`, cookie });
      expect(res.statusCode, from).toBe(400);
      expect(fieldsOf(res)).toEqual([['from', 'validation.dateRange']]);
    }
  });

  it('answers a NUL character in a path with 404', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const res = await t.request({ method: 'GET', url: '/api/v1/regions/%00', cookie });
    expect(res.statusCode).toBe(404);
  });

  it('answers a database error caused by the input with 400, not 500', async () => {
    for (const url of ['/api/v1/test/nul-in-sql', '/api/v1/test/year-zero-in-sql']) {
      const res = await probe.inject({ method: 'GET', url, headers: { host: 'partnerskap.test' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain(problemType);
      expect(res.json()).toMatchObject({ code: 'validation' });
      expect(res.body).not.toMatch(/select|0000|invalid byte/i);
    }
  });
});

describe('unknown addresses', () => {
  it('answers an unknown API route with 404 problem+json, for reads and writes', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.request({ method, url: '/api/v1/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain(problemType);
      expect(res.json()).toMatchObject({ code: 'notFound', type: '/api/problems/notFound' });
    }
  });

  it('answers a page of the web app with 404 when no web app is built', async () => {
    const res = await t.request({ method: 'GET', url: '/regioner/123' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'notFound' });
  });
});

describe('errors', () => {
  it('never shows a stack trace or SQL in a 500', async () => {
    for (const url of ['/api/v1/test/throws', '/api/v1/test/bad-sql']) {
      const res = await probe.inject({ method: 'GET', url, headers: { host: 'partnerskap.test' } });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toContain(problemType);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['code', 'requestId', 'status', 'title', 'type']);
      expect(body).toMatchObject({
        code: 'internal',
        status: 500,
        title: 'Noe gikk galt hos oss. Prøv igjen om litt.',
      });
      expect(res.body).not.toMatch(/select|password_hash|no_such_table|secret_column|\.ts:\d+|at Object/i);
    }
  });

  it('maps an application error to its status and code', async () => {
    const res = await probe.inject({ method: 'GET', url: '/api/v1/test/refused', headers: { host: 'x' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', type: '/api/problems/conflict' });
  });

  it('answers in the language the browser asks for when nobody is signed in', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/no-such-thing',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(res.json().title).toBe('We could not find what you were looking for.');
  });
});

describe('access is decided per route', () => {
  it('refuses a route that declares no access, even to the admin', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const res = await probe.inject({
      method: 'GET',
      url: '/api/v1/test/undeclared',
      headers: { host: 'x', cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('ja');
  });

  it('cannot be bypassed by percent-encoding the path', async () => {
    for (const url of ['/api/v1/test/admin-only', '/%61pi/v1/test/admin-only', '/api/v1/test/%61dmin-only']) {
      const res = await probe.inject({ method: 'GET', url, headers: { host: 'x' } });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('ja');
    }
  });
});

describe('headers', () => {
  it('sends a content security policy and no HSTS or https upgrade on plain http', async () => {
    for (const url of ['/api/health', '/api/v1/no-such-thing', '/api/docs']) {
      const res = await t.request({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const api = await t.request({ method: 'GET', url: '/api/health' });
    expect(api.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS and the https upgrade when the public address is https', async () => {
    const tls = await buildApp({
      db: t.database.db,
      engine: t.database.engine,
      keys,
      logger: false,
      publicUrl: 'https://partnerskap.example.no',
    });
    try {
      const res = await tls.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await tls.close();
    }
  });

  it('echoes a well-formed x-request-id, and makes one up otherwise, also on errors', async () => {
    const given = await t.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'x-request-id': 'abc-123_XYZ-789' },
    });
    expect(given.statusCode).toBe(401);
    expect(given.headers['x-request-id']).toBe('abc-123_XYZ-789');
    expect(given.json().requestId).toBe('abc-123_XYZ-789');

    for (const bad of ['short', 'has spaces in it', `${'x'.repeat(65)}`, '<script>alert(1)</script>']) {
      const res = await t.request({ method: 'GET', url: '/api/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const none = await t.request({ method: 'GET', url: '/api/health' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('caching', () => {
  it('tells browsers and proxies not to keep API answers with personal or unpublished data', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    for (const url of ['/api/v1/auth/me', '/api/v1/regions', '/api/v1/users', '/api/v1/no-such-thing']) {
      const res = await t.request({ method: 'GET', url, cookie });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const refused = await t.request({ method: 'GET', url: '/api/v1/users' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('leaves a route its own caching', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).not.toBe('no-store');
  });
});

describe('system routes', () => {
  it('reports the database as reachable, with its engine and version', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: {
        reachable: true,
        engine: t.database.engine,
        version: expect.stringMatching(/^\d+(\.\d+)?/),
      },
    });
  });

  it('publishes OpenAPI 3.1 with the routes', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/v1/auth/login',
        '/api/v1/auth/me',
        '/api/v1/departments',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/users/{id}/password',
        '/api/v1/audit-events',
        '/api/v1/audit-events/actions',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/users/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    // The documentation pages themselves are not part of the API.
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/docs'))).toEqual([]);
  });

  it('serves the API documentation as an HTML page', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger-ui');
    const asset = await t.request({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(asset.statusCode).toBe(200);
  });
});
