import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { createReadCache } from '../../audit/audited-read-cache.js';
import { serializeCachedValuesOnce } from './cached-responses.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await startTestApp();
  cookie = await t.cookieFor('leser@demo.partnerskap.no');
});
afterAll(async () => t.close());

const regions = (acceptEncoding?: string) =>
  t.request({
    method: 'GET',
    url: '/api/v1/regions',
    cookie,
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });

describe('answers from a read cache', () => {
  it('are serialized once per route, while anything else is serialized every time', async () => {
    let serialized = 0;
    const serialize = serializeCachedValuesOnce((_route: string) => (data: unknown) => {
      serialized += 1;
      return JSON.stringify(data);
    })('GET /api/v1/regions');
    const cache = createReadCache<{ name: string }>({ maxEntries: 2 });
    const value = await cache.read(t.database.db, 'every scope', 'a', async () => ({ name: 'Bø' }));
    const first = serialize(value);
    expect(serialize(value)).toBe(first);
    expect(serialized).toBe(1);
    expect(Buffer.from(first).toString('utf8')).toBe('{"name":"Bø"}');
    expect(serialize({ name: 'Bø' })).toBe('{"name":"Bø"}');
    expect(serialize({ name: 'Bø' })).toBe('{"name":"Bø"}');
    expect(serialized).toBe(3);
  });

  it('go out compressed to a client that accepts it, the same JSON as uncompressed', async () => {
    const plain = await regions();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.json().items).toHaveLength(12);

    const br = await regions('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect((await promisify(zlib.brotliDecompress)(br.rawPayload)).toString('utf8')).toBe(plain.body);

    const gz = await regions('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((await promisify(zlib.gunzip)(gz.rawPayload)).toString('utf8')).toBe(plain.body);
  });

  it('are compressed again after a write changes them', async () => {
    const before = await regions('br');
    const [region] = (await regions()).json().items as { id: string; version: number }[];
    if (!region) throw new Error('no region');
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${region.id}`,
      cookie: await t.cookieFor('admin@demo.partnerskap.no'),
      payload: { name: 'Aller første region', version: region.version },
    });
    expect(renamed.statusCode).toBe(200);
    const after = await regions('br');
    const text = (await promisify(zlib.brotliDecompress)(after.rawPayload)).toString('utf8');
    expect(text).toContain('Aller første region');
    expect(after.rawPayload.equals(before.rawPayload)).toBe(false);
  });

  it('leave small and uncached answers as they are', async () => {
    const health = await t.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br' },
    });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    const users = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      cookie: await t.cookieFor('admin@demo.partnerskap.no'),
      headers: { 'accept-encoding': 'br' },
    });
    expect(users.statusCode).toBe(200);
    expect(users.headers['content-encoding']).toBeUndefined();
  });
});
