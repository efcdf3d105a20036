import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp, defaultWebDir } from './app.js';
import { loadConfig } from './config.js';
import { type Database, type Db, openDatabase } from './db/client.js';
import { FolderLockedError } from './db/folder-lock.js';
import { isEmpty, loadDemo } from './demo/load-demo.js';
import { createLifecycle, type Lifecycle } from './health/lifecycle.js';
import { type Jobs, startJobs } from './jobs/jobs.js';
import { createLogger } from './logger.js';
import { appWorkers } from './workers.js';

/**
 * Shutdown fits in 10 s, the time `docker stop` (and many platforms) waits after SIGTERM before killing:
 * requests in flight and running jobs get `drainMs` (jobs.ts stops its workers within the same), and
 * whatever still hangs at the deadline is given up, the process ending with a code that says so.
 */
const drainMs = 7_000;
const shutdownDeadlineMs = 9_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = config.databaseUrl
    ? await openDatabase({
        kind: 'postgresql',
        url: config.databaseUrl,
        preparedStatements: config.preparedStatements,
      })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
  logger.info({ engine: database.engine }, 'database opened; running migrations');
  await database.migrate();

  if (config.seedDemo && (await isEmpty(database.db))) {
    logger.info('empty embedded database: loading the Viken demo');
    const signIns = await loadDemo(database.db, config.demoPassword);
    printSignIns(signIns, config.demoPassword);
  }

  let analyzing: NodeJS.Timeout | undefined;
  if (database.engine === 'pglite') {
    // PGlite runs no autovacuum, so without this the planner never has statistics and picks poor plans
    // (a filtered audit page went from 0.5 ms to 135 ms). The statistics are kept in the database, so a
    // restart plans with those of the last ANALYZE and refreshes them a minute after start, then hourly;
    // only a database with tables never analyzed (new, or just loaded) waits for them before it serves.
    const refresh = () => void analyze(database.db).catch((err) => logger.warn({ err }, 'analyze failed'));
    if (await hasTablesNeverAnalyzed(database.db)) await analyze(database.db);
    else setTimeout(refresh, 60_000).unref();
    analyzing = setInterval(refresh, 3600_000).unref();
  }

  const lifecycle = createLifecycle();
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    keys: { secret: config.sessionSecret, ttlHours: config.sessionTtlHours },
    logger,
    bodyLimit: config.bodyLimit,
    publicUrl: config.publicUrl,
    mailConfigured: Boolean(config.mailUrl),
    trustProxy: config.trustProxy,
    webDir: defaultWebDir,
    lifecycle,
  });

  // After the migrations: pg-boss installs its own schema (pgboss) and runs the background jobs (e-mail).
  const jobs = await startJobs(database, { log: logger, workers: appWorkers(config) });
  if (!config.mailUrl) logger.warn('MAIL_URL is not set: e-mail is kept in the outbox, not sent');

  stopOnSignals({ app, jobs, database, lifecycle, logger, analyzing });

  await app.listen({ port: config.port, host: config.host });
  lifecycle.running();
  process.stdout.write(`\nPartnerskap is running on http://localhost:${config.port}\n\n`);
}

type Running = {
  app: FastifyInstance;
  jobs: Jobs;
  database: Database;
  lifecycle: Lifecycle;
  logger: Logger;
  analyzing: NodeJS.Timeout | undefined;
};

/**
 * On SIGTERM or SIGINT: readiness turns 503 at once; the listener closes (new connections are refused,
 * a new request on an open connection gets 503); requests in flight and running jobs finish, or are cut
 * (the jobs handed back to the queue) after `drainMs`; then the database closes and the process exits 0.
 * A second signal does not start a second shutdown, nor kill the first: the deadline bounds it.
 */
function stopOnSignals(running: Running) {
  const { logger } = running;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'shutdown already under way');
      return;
    }
    stopping = true;
    setTimeout(() => {
      logger.error({ afterMs: shutdownDeadlineMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, shutdownDeadlineMs);
    void shutdown(running, signal).then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Each step runs even when one before it failed; the answer says whether all of them succeeded. */
async function shutdown(running: Running, signal: string): Promise<boolean> {
  const { app, jobs, database, lifecycle, logger } = running;
  const began = Date.now();
  lifecycle.stopping();
  clearInterval(running.analyzing);
  logger.info({ signal }, 'shutting down: not ready; no new connections; finishing requests and jobs');
  const step = (what: string, run: () => Promise<void>) =>
    run().then(
      () => {
        logger.info(`${what}: done`);
        return true;
      },
      (err: unknown) => {
        logger.error({ err }, `${what}: failed`);
        return false;
      },
    );
  const drained = await Promise.all([
    step('closing the HTTP server', () => closeHttp(app, logger)),
    step('stopping the job queue', () => jobs.stop()),
  ]);
  const closed = await step('closing the database', () => database.close());
  const clean = [...drained, closed].every(Boolean);
  logger.info({ ms: Date.now() - began, clean }, 'shut down');
  return clean;
}

/** Waits for the requests in flight; those still running after `drainMs` lose their connections. */
async function closeHttp(app: FastifyInstance, logger: Logger) {
  const cut = setTimeout(() => {
    logger.warn({ afterMs: drainMs }, 'requests still in flight: closing their connections');
    app.server.closeAllConnections();
  }, drainMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

async function analyze(db: Db) {
  await db.execute(sql`analyze`);
}

/** A table ANALYZE (or VACUUM) has never looked at has no row estimate yet: `reltuples` is -1. */
async function hasTablesNeverAnalyzed(db: Db): Promise<boolean> {
  const result = (await db.execute(
    sql`select exists (
          select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind = 'r' and n.nspname = 'public' and c.reltuples < 0
        ) as never`,
  )) as { rows: { never: boolean }[] };
  return result.rows[0]?.never === true;
}

function printSignIns(signIns: { email: string; role: string; scope: string }[], password: string) {
  const lines = [
    '',
    `Demo sign-ins (password for all: ${password}):`,
    ...signIns.map((s) => `  ${s.role.padEnd(10)} ${s.email.padEnd(48)} ${s.scope}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof FolderLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Partnerskap could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
