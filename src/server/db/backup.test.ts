import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAgreementDocument } from '../agreement-document/export-agreement-document.js';
import { agreements } from '../agreements/agreement.table.js';
import { loadDemo } from '../demo/load-demo.js';
import { readDocx } from '../documents/testing/read-document.js';
import { systemActor } from '../platform/context.js';
import { regions } from '../registry/registry.table.js';
import { BackupError, backupDatabase, restoreDatabase } from './backup.js';
import { type Db, openDatabase } from './client.js';
import { acquireFolderLock } from './folder-lock.js';

/**
 * The embedded database only, so these tests make their own PGlite data folders whichever database the
 * other files run on (TEST_DATABASE_URL); on PostgreSQL the commands refuse, which is tested here as well.
 */

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const temp = mkdtempSync(path.join(tmpdir(), 'partnerskap-backup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const embedded = (dataDir: string) => ({ dataDir, databaseUrl: undefined });
const pgliteOf = (dataDir: string) => path.join(dataDir, 'pglite');
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const migrationCount = JSON.parse(readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')).entries
  .length as number;

/** The CLI as an operator runs it, on the embedded database in `dataDir` unless DATABASE_URL is given. */
function cli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return run(tsx, [path.join(root, 'src/server/cli.ts'), ...args], { cwd: root, env: childEnv });
}

/** A ustar archive of the given files, with the header checksums a tar reader checks. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks = Object.entries(files).flatMap(([name, text]) => {
    const content = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('0', 156);
    header.write('ustar\u000000', 257);
    header.fill(0x20, 148, 156);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return [header, content, Buffer.alloc((512 - (content.length % 512)) % 512)];
  });
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

async function tablesOf(db: Db): Promise<string[]> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as { rows: { table_name: string }[] };
  return tables.rows.map((t) => t.table_name);
}

async function publicTables(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: pgliteOf(dataDir) });
  try {
    return await tablesOf(database.db);
  } finally {
    await database.close();
  }
}

type Snapshot = { rows: Record<string, number>; docx: { body: string; headers: string; footers: string } };

/**
 * What a restore must bring back: the row count of every table, and Indre Østfold's agreement as the
 * document a reader downloads (its text reads the general part, the special part and the contributions).
 */
async function snapshot(dataDir: string): Promise<Snapshot> {
  const database = await openDatabase({ kind: 'pglite', dataDir: pgliteOf(dataDir) });
  try {
    const { db } = database;
    const indre = await db
      .select({ id: agreements.id })
      .from(agreements)
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(eq(regions.name, 'Indre Østfold regionråd'));
    expect(indre).toHaveLength(1);
    const ctx = { db, actor: systemActor, requestId: 'backup-test' };
    const file = await exportAgreementDocument(ctx, indre[0]?.id ?? '', 'docx');
    const { body, headers, footers } = readDocx(file.content);
    // Counted after the download: an agreed agreement's document is kept once made (documents/kept-document.ts),
    // so the source keeps it before it is backed up and the restored copy serves it without making it again.
    const rows: Record<string, number> = {};
    for (const table of await tablesOf(db)) {
      const counted = (await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as {
        rows: { n: number }[];
      };
      rows[table] = counted.rows[0]?.n ?? -1;
    }
    return { rows, docx: { body, headers, footers } };
  } finally {
    await database.close();
  }
}

describe('backup and restore of the embedded database', () => {
  const source = path.join(temp, 'source');
  let before: Snapshot;

  beforeAll(async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: pgliteOf(source) });
    try {
      await database.migrate();
      await loadDemo(database.db, 'demo-partnerskap');
    } finally {
      await database.close();
    }
    before = await snapshot(source);
  }, 180_000);

  it('restores the demo with every row and the same agreement document', async () => {
    // The demo is what the comparison stands on: rows in the tables it fills, and an agreed special part.
    expect(before.rows.agreements).toBe(before.rows.regions);
    expect(before.rows.regions).toBeGreaterThan(5);
    expect(before.rows.contributions).toBeGreaterThan(10);
    expect(before.rows.audit_events).toBeGreaterThan(100);
    expect(before.docx.body).toContain('mellom Viken fylkeskommune og Indre Østfold regionråd');
    expect(before.docx.footers).toContain('spesiell del v');

    const file = path.join(temp, 'module.tar.gz');
    const written = await backupDatabase(embedded(source), file);
    expect(written).toEqual({ folder: pgliteOf(source), file, bytes: readFileSync(file).length });
    expect([...readFileSync(file).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(readdirSync(temp).filter((name) => name.includes('partial'))).toEqual([]);

    // A data folder that is there but empty is as good as none.
    const target = path.join(temp, 'restored-by-module');
    mkdirSync(pgliteOf(target), { recursive: true });
    const restored = await restoreDatabase(embedded(target), file);
    expect(restored).toEqual({ folder: pgliteOf(target), file, migrationsApplied: 0 });
    expect(readdirSync(target)).toEqual(['pglite']);
    expect(await snapshot(target)).toEqual(before);
  }, 180_000);

  it('does the same from the command line, refusing a folder in use, an existing file and a folder with data', async () => {
    const file = path.join(temp, 'cli.tar.gz');

    // While another process (here: this one) holds the folder, as the server does, nothing is written.
    const release = acquireFolderLock(pgliteOf(source));
    try {
      await expect(cli(source, ['backup', file])).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          new RegExp(`is in use by process ${process.pid}, the running server.*stop the server`, 's'),
        ),
      });
    } finally {
      release();
    }
    expect(existsSync(file)).toBe(false);

    const backedUp = await cli(source, ['backup', file]);
    expect(backedUp.stdout).toMatch(
      new RegExp(`^Backed up ${literally(pgliteOf(source))} to ${literally(file)} \\(\\d+\\.\\d MB\\)\\.\n$`),
    );
    const first = readFileSync(file);
    expect(first.length).toBeGreaterThan(1_000_000);

    // An existing file is replaced only when asked to.
    writeFileSync(file, 'an older file\n');
    await expect(cli(source, ['backup', file])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${file} already exists. Give another file name, or add --force`),
    });
    expect(readFileSync(file, 'utf8')).toBe('an older file\n');
    await cli(source, ['backup', file, '--force']);
    expect(readFileSync(file).length).toBeGreaterThan(first.length * 0.9);

    const target = path.join(temp, 'restored-by-cli');
    const restored = await cli(target, ['restore', file]);
    expect(restored.stdout).toBe(`Restored ${file} into ${pgliteOf(target)}; it was already up to date.\n`);
    expect(await snapshot(target)).toEqual(before);

    // Restoring again over what the first restore made is refused, and changes nothing.
    const contents = readdirSync(pgliteOf(target)).sort();
    await expect(cli(target, ['restore', file])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`The database folder ${pgliteOf(target)} already holds data`),
    });
    expect(readdirSync(pgliteOf(target)).sort()).toEqual(contents);
  }, 240_000);

  it('refuses a file that is not a backup and leaves no folder behind', async () => {
    const cases: [string, Buffer][] = [
      ['text.tar.gz', Buffer.from('not a backup\n')],
      ['gzipped-text.tar.gz', gzipSync('not a backup either\n')],
      ['other.tar.gz', gzipSync(tarOf({ 'notes.txt': 'a tar of something else\n' }))],
    ];
    for (const [name, content] of cases) {
      const file = path.join(temp, name);
      writeFileSync(file, content);
      const dataDir = path.join(temp, `not-made-${name}`, 'data');
      await expect(restoreDatabase(embedded(dataDir), file)).rejects.toThrow(
        new BackupError(
          `${file} is not a backup of the embedded database (a gzipped tar of its folder, as "backup" writes).`,
        ),
      );
      expect(existsSync(path.join(temp, `not-made-${name}`))).toBe(false);
    }

    // From the command line, into a data folder that exists: it is left as it was.
    const dataDir = path.join(temp, 'kept');
    mkdirSync(pgliteOf(dataDir), { recursive: true });
    await expect(cli(dataDir, ['restore', path.join(temp, 'text.tar.gz')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a backup of the embedded database'),
    });
    expect(readdirSync(dataDir).filter((name) => name !== 'session-secret')).toEqual(['pglite']);
    expect(readdirSync(pgliteOf(dataDir))).toEqual([]);

    // A tar that looks like a database folder but is none: PGlite fails on it, and what was made goes again.
    const hollow = path.join(temp, 'hollow.tar');
    writeFileSync(hollow, tarOf({ PG_VERSION: '17\n' }));
    const notMade = path.join(temp, 'not-made-hollow');
    await expect(restoreDatabase(embedded(path.join(notMade, 'data')), hollow)).rejects.toThrow(
      `${hollow} could not be opened as a database`,
    );
    expect(existsSync(notMade)).toBe(false);
  }, 120_000);

  it('migrates a backup from before the migrations forward', async () => {
    const old = path.join(temp, 'old');
    // An embedded database as it is before the first migration: PostgreSQL's own schemas only.
    const empty = await openDatabase({ kind: 'pglite', dataDir: pgliteOf(old) });
    await empty.close();
    const file = path.join(temp, 'old.tar.gz');
    await backupDatabase(embedded(old), file);

    const target = path.join(temp, 'migrated');
    const restored = await restoreDatabase(embedded(target), file);
    expect(restored.migrationsApplied).toBe(migrationCount);
    expect(migrationCount).toBeGreaterThan(5);
    expect(await publicTables(target)).toEqual(Object.keys(before.rows));
  }, 120_000);
});

describe('backup and restore with DATABASE_URL', () => {
  const postgresql = {
    dataDir: path.join(temp, 'unused'),
    databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
  };

  it('refuse, and point to pg_dump and pg_restore', async () => {
    await expect(backupDatabase(postgresql, path.join(temp, 'pg.tar.gz'))).rejects.toThrow(/pg_dump -Fc/);
    await expect(restoreDatabase(postgresql, path.join(temp, 'pg.tar.gz'))).rejects.toThrow(/pg_restore/);
    await expect(
      cli(postgresql.dataDir, ['backup', 'pg.tar.gz'], { DATABASE_URL: postgresql.databaseUrl }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Back up PostgreSQL with pg_dump') });
    expect(existsSync(path.join(temp, 'pg.tar.gz'))).toBe(false);
    expect(existsSync(path.join(root, 'pg.tar.gz'))).toBe(false);
  }, 60_000);
});
