import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { type Db, openDatabase } from './client.js';
import { acquireFolderLock, FolderLockedError } from './folder-lock.js';

/**
 * Backup and restore of the embedded database: a backup is PGlite's dump of the whole data folder
 * (`dumpDataDir`, a gzipped tar), so it holds everything the server keeps there, attachments included.
 * A PostgreSQL server is backed up with its own tools (pg_dump, pg_restore): with DATABASE_URL set, these
 * refuse and say so.
 */

/** A refusal or failure the operator can act on: printed as it is, without a stack trace. */
export class BackupError extends Error {}

export type BackupPlace = Pick<Config, 'dataDir' | 'databaseUrl'>;
export type BackupResult = { folder: string; file: string; bytes: number };
export type RestoreResult = { folder: string; file: string; migrationsApplied: number };

const embeddedFolder = (place: BackupPlace) => path.join(place.dataDir, 'pglite');
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? messageOf(error);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes a backup of the embedded database to `file`. The folder is opened like any other user of it, so
 * while the server runs the folder lock refuses and nothing is written; the file appears only when whole.
 */
export async function backupDatabase(
  place: BackupPlace,
  file: string,
  { force = false } = {},
): Promise<BackupResult> {
  if (place.databaseUrl) {
    throw new BackupError(
      'DATABASE_URL is set, so the database is a PostgreSQL server; backup works only on the embedded one. ' +
        'Back up PostgreSQL with pg_dump, e.g. pg_dump -Fc -f partnerskap.dump "$DATABASE_URL".',
    );
  }
  const folder = embeddedFolder(place);
  const target = path.resolve(file);
  // Opening a folder without a database would make an empty one and back that up.
  if (!existsSync(path.join(folder, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${folder} to back up. Is DATA_DIR the server's?`);
  }
  if (!force && existsSync(target)) {
    throw new BackupError(`${target} already exists. Give another file name, or add --force to replace it.`);
  }
  const dump = await dumpFolder(folder);
  writeWhole(target, dump);
  return { folder, file: target, bytes: dump.length };
}

async function dumpFolder(folder: string): Promise<Buffer> {
  let release: () => void;
  try {
    release = acquireFolderLock(folder);
  } catch (error) {
    if (!(error instanceof FolderLockedError)) throw error;
    throw new BackupError(
      `The database folder ${folder} is in use by process ${error.pid}, the running server or another ` +
        'command. The embedded database can be open in only one process at a time: stop the server (or let ' +
        'the command finish), run the backup again, then start the server.',
    );
  }
  try {
    const client = await PGlite.create(folder);
    try {
      // Writes the changed pages into the data files, so that the copy needs no recovery from the log.
      await client.exec('checkpoint');
      return Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/** Written beside the target and renamed over it, so a crash or a full disk never leaves half a backup. */
function writeWhole(target: string, content: Buffer) {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    const fd = openSync(partial, 'wx');
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`Cannot write ${target}: ${codeOf(error)}`);
  }
}

/**
 * Restores a backup into DATA_DIR/pglite, which must be missing or empty: a restore never overwrites data.
 * The backup is unpacked and migrated in a folder of its own beside it and renamed into place only when
 * that succeeded, so a failure leaves the data folder as it was, and a server started meanwhile on the
 * data folder makes the rename fail rather than share a folder.
 */
export async function restoreDatabase(place: BackupPlace, file: string): Promise<RestoreResult> {
  if (place.databaseUrl) {
    throw new BackupError(
      'DATABASE_URL is set, so the database is a PostgreSQL server; restore works only on the embedded one. ' +
        'Restore a pg_dump -Fc file with pg_restore into an empty database, e.g. ' +
        'pg_restore --no-owner -d "$DATABASE_URL" partnerskap.dump.',
    );
  }
  const folder = embeddedFolder(place);
  const source = path.resolve(file);
  refuseData(folder);
  const tar = readBackup(source);

  const created = mkdirSync(place.dataDir, { recursive: true });
  const staging = path.join(place.dataDir, `pglite.restoring-${process.pid}`);
  try {
    await unpack(staging, tar, source);
    const migrationsApplied = await migrateForward(staging);
    if (existsSync(folder)) rmdirSync(folder);
    renameSync(staging, folder);
    return { folder, file: source, migrationsApplied };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (created) removeEmptyUpTo(place.dataDir, created);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') refuseData(folder);
    throw error;
  }
}

function refuseData(folder: string) {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new BackupError(`${folder} is a file, not a folder. Move it aside first.`);
    throw error;
  }
  if (entries.length === 0) return;
  throw new BackupError(
    `The database folder ${folder} already holds data, and a restore goes only into an empty folder so that ` +
      'nothing is overwritten. Stop the server if it runs, move that folder aside (or set DATA_DIR to ' +
      'another folder), and run the restore again.',
  );
}

/**
 * The backup as an uncompressed tar, checked to be one of a database folder. PGlite given something else
 * can end the whole process from inside its decompression, so a file that is not a backup stops here.
 */
function readBackup(file: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${codeOf(error)}`);
  }
  const notBackup = new BackupError(
    `${file} is not a backup of the embedded database (a gzipped tar of its folder, as "backup" writes).`,
  );
  const gzipped = content[0] === 0x1f && content[1] === 0x8b;
  let tar: Buffer;
  try {
    tar = gzipped ? gunzipSync(content) : content;
  } catch {
    throw notBackup;
  }
  const names = tarNames(tar);
  if (!names?.some((name) => name.replace(/^\/+/, '') === 'PG_VERSION')) throw notBackup;
  return tar;
}

/**
 * The entry names of a ustar archive, or null when the bytes are not one: the checks PGlite's own reader
 * makes (magic, header checksum, entries within the file), so that what passes here it also reads.
 */
function tarNames(tar: Buffer): string[] | null {
  const names: string[] = [];
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (from: number, to: number) => header.toString('utf8', from, to).replace(/\0[\s\S]*$/, '');
    if (header.toString('latin1', 257, 262) !== 'ustar') return null;
    // The checksum is the sum of the header's bytes with its own eight counted as spaces.
    let checksum = 8 * 0x20;
    for (const [i, byte] of header.entries()) if (i < 148 || i >= 156) checksum += byte;
    if (Number.parseInt(field(148, 156).trim(), 8) !== checksum) return null;
    const size = Number.parseInt(field(124, 136).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0 || at + 512 + size > tar.length) return null;
    const prefix = field(345, 500);
    names.push(prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

/**
 * The backup carries the lock file of the process that made it. Holding the lock while PGlite unpacks means
 * that file is ours, and removed with our lock.
 */
async function unpack(staging: string, tar: Buffer, file: string) {
  const release = acquireFolderLock(staging);
  try {
    const client = await PGlite.create(staging, {
      loadDataDir: new Blob([new Uint8Array(tar)], { type: 'application/x-tar' }),
    });
    await client.close();
  } catch (error) {
    throw new BackupError(
      `${file} could not be opened as a database (${messageOf(error)}). ` +
        'It may be damaged, or made by an embedded PostgreSQL this version cannot read.',
    );
  } finally {
    release();
  }
}

/** Applies the migrations a backup from an older version lacks; returns how many that was. */
async function migrateForward(folder: string): Promise<number> {
  const database = await openDatabase({ kind: 'pglite', dataDir: folder });
  try {
    const before = await appliedMigrations(database.db);
    try {
      await database.migrate();
    } catch (error) {
      throw new BackupError(`The backup could not be migrated to this version (${messageOf(error)}).`);
    }
    return (await appliedMigrations(database.db)) - before;
  } finally {
    await database.close();
  }
}

async function appliedMigrations(db: Db): Promise<number> {
  const table = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') as name`)) as {
    rows: { name: string | null }[];
  };
  if (!table.rows[0]?.name) return 0;
  const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}

/** Removes the folders a failed restore created for DATA_DIR, as long as nothing else was put in them. */
function removeEmptyUpTo(folder: string, top: string) {
  for (let dir = folder; dir.startsWith(top); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === top) return;
  }
}
