/**
 * Prints the OpenAPI document as the server publishes it, with every object's keys sorted, so that two trees
 * can be compared apart from ordering: `npx tsx scripts/openapi.ts > a.json` in each, then `diff`.
 */
import { pathToFileURL } from 'node:url';

const root = process.cwd(); // the tree to describe: run it from that tree's folder
const { buildApp } = await import(pathToFileURL(`${root}/src/server/app.ts`).href);
const { openDatabase } = await import(pathToFileURL(`${root}/src/server/db/client.ts`).href);
const database = await openDatabase({ kind: 'pglite' });
await database.migrate();
const app = await buildApp({
  db: database.db,
  engine: database.engine,
  keys: { secret: 'x'.repeat(40), ttlHours: 1 },
  logger: false,
});
await app.ready();
const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
        )
      : v;
process.stdout.write(JSON.stringify(sortKeys(JSON.parse(res.body)), null, 1));
await app.close();
await database.close();
