import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from '../../src/server/db/client.js';
import { loadDemo } from '../../src/server/demo/load-demo.js';
import { openTestDatabase } from './database.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const templateDir = path.join(os.tmpdir(), 'partnerskap-test-templates');

/**
 * A fresh database of its own with the migrations run and the Viken demo loaded, for one test file or
 * journey. On PGlite, making one takes seconds (start, migrations, the demo) and loading a copy of a made one
 * a fraction of that, so the first file to need it keeps a dump of it in the system's temp folder and the
 * others start from a copy. The dump's name is a fingerprint of everything that shapes it: the migrations,
 * the server and shared code, the county data, the password and the date (the demo writes some dates
 * relative to today); a change to any of them makes a new one. On a PostgreSQL server each file still gets a
 * new database, migrated and loaded.
 */
export async function openDemoDatabase(password: string): Promise<Database> {
  if (process.env.TEST_DATABASE_URL) return loaded(await openTestDatabase(), password);
  const file = path.join(templateDir, `${fingerprint(password)}.tar`);
  const dump = readIfThere(file);
  if (dump) return openDatabase({ kind: 'pglite', loadDataDir: new Blob([new Uint8Array(dump)]) });
  const database = await loaded(await openTestDatabase(), password);
  if (database.driver.engine === 'pglite') await keep(database.driver.client, file);
  return database;
}

async function loaded(database: Database, password: string): Promise<Database> {
  try {
    await loadDemo(database.db, password);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Written beside and renamed into place, so a file loading it never reads half a dump. Dumps of other code
 * or days that nobody has written for an hour are removed, so the temp folder does not fill up.
 */
async function keep(client: PGlite, file: string) {
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  mkdirSync(templateDir, { recursive: true });
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(templateDir)) {
    const other = path.join(templateDir, entry);
    const written = statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (other !== file && written < hourAgo) rmSync(other, { force: true });
  }
}

function fingerprint(password: string): string {
  const hash = createHash('sha256');
  hash.update(password);
  hash.update(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date()));
  for (const dir of ['drizzle', 'src/server', 'src/shared']) addFiles(hash, path.join(rootDir, dir));
  hash.update(readFileSync(path.resolve(rootDir, 'data/demo/viken-2020.json')));
  hash.update(readFileSync(path.resolve(rootDir, 'data/demo/population-2020.json')));
  return hash.digest('hex').slice(0, 32);
}

function addFiles(hash: ReturnType<typeof createHash>, dir: string) {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) addFiles(hash, full);
    else if (!entry.endsWith('.test.ts')) {
      hash.update(full);
      hash.update(readFileSync(full));
    }
  }
}
