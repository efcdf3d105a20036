import { z } from 'zod';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';

/**
 * The real server for `npm run bench`, in its own process so that the load generator does not share its
 * event loop. Started by bench/run.ts with an IPC channel: it opens the database named in
 * BENCH_SERVER_DATABASE (it must be the only process holding a PGlite folder), listens on a free port on
 * 127.0.0.1, sends `{ type: 'listening', port }` to the parent, answers `{ type: 'cpu' }` with its CPU time, and closes cleanly on SIGTERM or when the parent goes away.
 */

const DatabaseSetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('postgresql'), url: z.string().min(1) }),
  z.object({ kind: z.literal('pglite'), dataDir: z.string().min(1) }),
]);

async function main() {
  const send = process.send?.bind(process);
  if (!send) throw new Error('bench/server.ts is started by bench/run.ts with an IPC channel');
  const setting = DatabaseSetting.parse(JSON.parse(process.env.BENCH_SERVER_DATABASE ?? 'null'));
  const secret = z.string().min(32).parse(process.env.BENCH_SERVER_SECRET);

  const database = await openDatabase(setting);
  await database.migrate();
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    keys: { secret, ttlHours: 2 },
    logger: false,
  });

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  process.once('disconnect', () => void close());

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  // The parent asks for this process's CPU time around each measured run: how much of a core the server
  // used tells whether it was saturated or other processes on the machine took the CPU.
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', ms: (user + system) / 1000 });
    }
  });
  send({ type: 'listening', port: address.port });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
