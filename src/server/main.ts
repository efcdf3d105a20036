import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp, defaultWebDir } from './app.js';
import { loadConfig } from './config.js';
import { type Db, openDatabase } from './db/client.js';
import { FolderLockedError } from './db/folder-lock.js';
import { isEmpty, loadDemo } from './demo/load-demo.js';
import { startJobs } from './jobs/jobs.js';
import { appWorkers } from './jobs/workers.js';
import { createLogger } from './logger.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
  logger.info({ engine: database.engine }, 'database opened; running migrations');
  await database.migrate();

  if (config.seedDemo && (await isEmpty(database.db))) {
    logger.info('empty embedded database: loading the Viken demo');
    const signIns = await loadDemo(database.db, config.demoPassword);
    printSignIns(signIns, config.demoPassword);
  }

  if (database.engine === 'pglite') {
    // PGlite runs no autovacuum, so without this the planner never has statistics and picks poor plans
    // (a filtered audit page went from 0.5 ms to 135 ms). Refreshed hourly while the server runs.
    await analyze(database.db);
    setInterval(
      () => void analyze(database.db).catch((err) => logger.warn({ err }, 'analyze failed')),
      3600_000,
    ).unref();
  }

  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    keys: { secret: config.sessionSecret, ttlHours: config.sessionTtlHours },
    logger,
    bodyLimit: config.bodyLimit,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    webDir: defaultWebDir,
  });

  // After the migrations: pg-boss installs its own schema (pgboss) and runs the background jobs (e-mail).
  const jobs = await startJobs(database, { log: logger, workers: appWorkers(config) });
  if (!config.mailUrl) logger.warn('MAIL_URL is not set: e-mail is kept in the outbox, not sent');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`\nPartnerskap is running on http://localhost:${config.port}\n\n`);
}

async function analyze(db: Db) {
  await db.execute(sql`analyze`);
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
