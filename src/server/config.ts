import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read once at start-up. Embedded mode (no DATABASE_URL) has safe defaults so that
 * `npm start` needs nothing set; production sets DATABASE_URL and SESSION_SECRET.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.string().default('false'),
  MAIL_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Partnerskap <partnerskap@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARTNERSKAP_DEMO_PASSWORD: z.string().min(8).default('demo-partnerskap'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Send repeated statements to PostgreSQL under names, parsed and planned once (db/named-statements.ts). */
  preparedStatements: boolean;
  dataDir: string;
  sessionSecret: string;
  sessionTtlHours: number;
  publicUrl: string | undefined;
  /** Which proxies' `X-Forwarded-*` headers to believe: none, a number of hops, or the proxies' addresses. */
  trustProxy: TrustProxy;
  mailUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  demoPassword: string;
  bodyLimit: number;
  /** Load the demo county when the embedded database is empty. */
  seedDemo: boolean;
};

/**
 * `false`: no proxy, the client address is the connection's. A number: that many proxies in front, each
 * adding the address it received from to `X-Forwarded-For`; the client is the entry that many from the
 * right. A list: the proxies' own addresses or CIDR ranges (or proxy-addr's `loopback`, `linklocal`,
 * `uniquelocal`); a header is believed only from them.
 */
export type TrustProxy = false | number | string[];

const proxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `true` is refused rather than guessed at: it used to trust `X-Forwarded-For` from anyone, so any client
 * could choose the address its failed sign-ins are counted against.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') {
    throw new Error(
      'Invalid configuration:\n  TRUST_PROXY: "true" would believe X-Forwarded-For from any client, so anyone ' +
        'could choose the address their sign-ins are counted against. Give the number of proxies in front of ' +
        'the server (TRUST_PROXY=1) or their addresses (TRUST_PROXY=10.0.0.1,10.0.0.0/8).',
    );
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new Error(`Invalid configuration:\n  TRUST_PROXY: ${v} proxies is more than 10.`);
    return hops;
  }
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !proxyRanges.has(e) && !isAddressOrRange(e));
  if (entries.length === 0 || bad.length > 0) {
    throw new Error(
      `Invalid configuration:\n  TRUST_PROXY: not a number of proxies or a list of addresses and CIDR ranges: ${bad.join(', ') || v}`,
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most deployment tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new Error('SESSION_SECRET (at least 32 characters) must be set in production.');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'true',
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? embeddedSecret(dataDir),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    publicUrl: e.PUBLIC_URL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    mailUrl: e.MAIL_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    demoPassword: e.PARTNERSKAP_DEMO_PASSWORD,
    bodyLimit: e.BODY_LIMIT_BYTES,
    seedDemo: !e.DATABASE_URL,
  };
}

/** In embedded mode a secret is generated once and kept in the data folder, never in the repository. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
