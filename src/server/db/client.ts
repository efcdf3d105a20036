import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { withWorkBeforeCommit } from './before-commit.js';
import { acquireFolderLock } from './folder-lock.js';
import { namingClient, statementNames } from './named-statements.js';
/**
 * The one database type the use cases see: the same for PGlite and PostgreSQL. It is made without the
 * schema: the use cases build their queries from the tables, never through Drizzle's relational `db.query`,
 * and a handle made with the schema sets up a query builder for every table again in each transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgresql';

/**
 * The driver under Drizzle, for a library that speaks SQL itself (the job queue): the embedded PGlite
 * instance, or the server's connection string so that it can keep its own small pool.
 */
export type Driver = { engine: 'pglite'; client: PGlite } | { engine: 'postgresql'; url: string };

export type Database = {
  db: Db;
  engine: Engine;
  driver: Driver;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export type DatabaseOptions =
  | {
      kind: 'postgresql';
      url: string;
      poolSize?: number;
      /** Name repeated statements so that PostgreSQL parses and plans them once (default: yes). */
      preparedStatements?: boolean;
    }
  | {
      kind: 'pglite';
      dataDir?: string /* undefined: in memory */;
      /** A dump (`dumpDataDir`) to start from instead of an empty cluster. */
      loadDataDir?: Blob;
    };

/** The statements a pool names at most: a few hundred are the application's, with room to spare. */
const maxStatementNames = 1000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.preparedStatements === false
        ? {}
        : { Client: namingClient(statementNames(maxStatementNames)) }),
    });
    // An idle connection the server closes (restart, failover, a dropped test database) is discarded by the
    // pool; without a listener its error would end the process. Queries in flight get their own errors.
    pool.on('error', () => {});
    // node-postgres returns bigint as string; our only bigint is the audit id, which stays well inside 2^53.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const db = withWorkBeforeCommit(drizzlePg(pool) as unknown as Db);
    return {
      db,
      engine: 'postgresql',
      driver: { engine: 'postgresql', url: options.url },
      migrate: () => migrateLocked(pool),
      close: () => pool.end(),
    };
  }
  const release = options.dataDir ? acquireFolderLock(options.dataDir) : () => {};
  try {
    const client = options.dataDir
      ? await PGlite.create(options.dataDir)
      : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    const db = withWorkBeforeCommit(drizzlePglite(client) as unknown as Db);
    return {
      db,
      engine: 'pglite',
      driver: { engine: 'pglite', client },
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Any fixed number, the same in every process: the key of the advisory lock migrations run under. */
const migrationLock = 7_301_947_112;

/**
 * Several server processes may start at once on a new release. One migrates; the others wait on the lock
 * and then find every migration applied. Without it, two would run the same CREATE TABLE and one fail.
 */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [migrationLock]);
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [migrationLock]).catch(() => undefined);
    lock.release();
  }
}

export async function serverVersion(db: Db): Promise<string> {
  const result = (await db.execute(sql`select current_setting('server_version') as version`)) as {
    rows: { version: string }[];
  };
  return result.rows[0]?.version ?? 'unknown';
}
