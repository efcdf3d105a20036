import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'partnerskap-config-'));

describe('configuration', () => {
  it('has embedded defaults that need nothing set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      seedDemo: true,
      demoPassword: 'demo-partnerskap',
      preparedStatements: true,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    // The generated secret is kept, so sessions survive a restart.
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('names repeated statements unless DATABASE_PREPARED_STATEMENTS=false, and refuses any other value', () => {
    expect(
      loadConfig({ DATA_DIR: dataDir(), DATABASE_PREPARED_STATEMENTS: 'false' }).preparedStatements,
    ).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });

  it('refuses a bad port or URL with a message naming the variable', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('demands a session secret in production on a database server', () => {
    expect(() =>
      loadConfig({
        DATA_DIR: dataDir(),
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db.example/partnerskap',
      }),
    ).toThrow(/SESSION_SECRET/);
  });

  it('reads TRUST_PROXY as no proxy, a number of hops or the proxies’ addresses', () => {
    const trust = (TRUST_PROXY?: string) => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY }).trustProxy;
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 10.0.0.0/8,fd00::/8,loopback')).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses TRUST_PROXY=true, which would believe X-Forwarded-For from any client, saying what to set', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: "true" would believe X-Forwarded-For from any client.*TRUST_PROXY=1.*TRUST_PROXY=10\.0\.0\.1,10\.0\.0\.0\/8/s,
    );
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,', 'proxy.example', '300.1.1.1', '11']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
