import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testPassword } from '../../../test/support/app.js';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { createLifecycle, type Lifecycle } from './lifecycle.js';

const keys = { secret: 'test-secret-test-secret-test-secret', ttlHours: 1 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });

/** The app on the test database, in the phase the test moves it through. */
async function appIn(lifecycle: Lifecycle) {
  const app = await buildApp({
    db: t.database.db,
    engine: t.database.engine,
    keys,
    logger: false,
    lifecycle,
  });
  await app.ready();
  return app;
}

describe('liveness and readiness', () => {
  it('are both 200 on a running server', async () => {
    const live = await t.request({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'alive' });
    const ready = await t.request({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while starting and from the start of shutdown on, yet alive throughout', async () => {
    const lifecycle = createLifecycle();
    const app = await appIn(lifecycle);
    try {
      const starting = await get(app, '/api/health/ready');
      expect(starting.statusCode).toBe(503);
      expect(starting.json()).toEqual({ status: 'starting' });
      expect((await get(app, '/api/health/live')).statusCode).toBe(200);

      lifecycle.running();
      expect((await get(app, '/api/health/ready')).statusCode).toBe(200);

      lifecycle.stopping();
      const stopping = await get(app, '/api/health/ready');
      expect(stopping.statusCode).toBe(503);
      expect(stopping.json()).toEqual({ status: 'stopping' });
      expect((await get(app, '/api/health/live')).statusCode).toBe(200);
      // The phase only moves forward: a late "running" does not make a stopping server ready again.
      lifecycle.running();
      expect((await get(app, '/api/health/ready')).statusCode).toBe(503);
      // The original health check is about the database only, as before.
      expect((await get(app, '/api/health')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('is not ready when the database does not answer, yet alive, and /api/health says 503 as before', async () => {
    const database = await openDatabase({ kind: 'pglite' });
    const app = await buildApp({ db: database.db, engine: database.engine, keys, logger: false });
    await app.ready();
    try {
      expect((await get(app, '/api/health/ready')).statusCode).toBe(200);
      await database.close();

      const ready = await get(app, '/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable' });
      const live = await get(app, '/api/health/live');
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'alive' });
      const health = await get(app, '/api/health');
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({
        status: 'unavailable',
        database: { reachable: false, engine: 'pglite', version: 'unknown' },
      });
    } finally {
      await app.close();
    }
  });

  it('are published in the OpenAPI document beside /api/health', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as {
      paths: Record<string, { get?: { tags?: string[]; responses?: Record<string, unknown> } }>;
    };
    expect(doc.paths['/api/health/live']?.get?.tags).toEqual(['system']);
    expect(Object.keys(doc.paths['/api/health/live']?.get?.responses ?? {})).toEqual(['200']);
    expect(doc.paths['/api/health/ready']?.get?.tags).toEqual(['system']);
    expect(Object.keys(doc.paths['/api/health/ready']?.get?.responses ?? {}).sort()).toEqual(['200', '503']);
    expect(Object.keys(doc.paths['/api/health']?.get?.responses ?? {}).sort()).toEqual(['200', '503']);
  });
});

describe('closing the app', () => {
  it('lets a request in flight on a keep-alive connection finish, then closes that connection at once', async () => {
    const app = await appIn(createLifecycle('running'));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const body = Buffer.from(JSON.stringify({ email: 'admin@demo.partnerskap.no', password: testPassword }));
    const received = new Promise((resolve) => app.server.once('request', resolve));
    let closed: Promise<void> | undefined;
    const answer = new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(
        `${url}/api/v1/auth/login`,
        {
          method: 'POST',
          agent: new http.Agent({ keepAlive: true }),
          headers: { 'content-type': 'application/json', 'content-length': body.length, origin: url },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res));
        },
      );
      request.on('error', reject);
      request.write(body.subarray(0, 10));
      void received.then(() => {
        closed = app.close();
        setTimeout(() => request.end(body.subarray(10)), 300);
      });
    });

    const res = await answer;
    expect(res.statusCode).toBe(200);
    expect(res.headers.connection).toBe('close');
    const began = Date.now();
    expect(closed).toBeDefined();
    await closed;
    // Without closing it, the finished request's connection would hold close() for Fastify's 72 s keep-alive.
    expect(Date.now() - began).toBeLessThan(2_000);
  });
});
