import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { asc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.js';
import { acquireFolderLock } from './db/folder-lock.js';
import { municipalities } from './registry/registry.table.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const fixture = path.join(root, 'test/fixtures/ssb-klass-131-codes-at-2020-01-01.json');
const dataDir = mkdtempSync(path.join(tmpdir(), 'partnerskap-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The CLI as an operator runs it, on the embedded database in a fresh data folder. */
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return run(tsx, [path.join(root, 'src/server/cli.ts'), ...args], { cwd: root, env });
}

describe('the command line', () => {
  it('migrates an embedded database, imports SSB municipalities into it, and refuses a folder in use', async () => {
    const migrated = await cli('migrate');
    expect(migrated.stdout).toBe('Migrations applied (pglite).\n');

    const imported = await cli('import-ssb', fixture);
    expect(imported.stdout).toBe(`Imported ${fixture}: 7 created, 0 updated, 0 unchanged, 2 skipped.\n`);

    // While another process (here: this one) holds the folder, the CLI must not open it.
    const pglite = path.join(dataDir, 'pglite');
    const release = acquireFolderLock(pglite);
    try {
      await expect(cli('migrate')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`is in use by process ${process.pid}`),
      });
    } finally {
      release();
    }

    const database = await openDatabase({ kind: 'pglite', dataDir: pglite });
    try {
      const rows = await database.db.select().from(municipalities).orderBy(asc(municipalities.number));
      expect(rows.map((m) => `${m.number} ${m.name}`)).toEqual([
        '0301 Oslo',
        '3001 Halden',
        '3005 Drammen',
        '3024 Bærum',
        '3025 Asker',
        '3043 Ål',
        '3054 Lunner',
      ]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('answers an unknown command with the usage and exit code 2', async () => {
    await expect(cli('import-everything')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run cli -- <command>'),
    });
  });

  it('answers a backup or restore without one file, or with an unknown option, with exit code 2', async () => {
    await expect(cli('backup')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('backup needs one file.'),
    });
    await expect(cli('restore', 'a.tar.gz', 'b.tar.gz')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('restore needs one file.'),
    });
    await expect(cli('backup', 'a.tar.gz', '--overwrite')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option: --overwrite'),
    });
  }, 60_000);
});
