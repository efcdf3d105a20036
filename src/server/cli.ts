import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translate } from '../shared/i18n/translate.js';
import { loadConfig } from './config.js';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.js';
import { type Database, openDatabase } from './db/client.js';
import { FolderLockedError } from './db/folder-lock.js';
import { vikenFile } from './demo/load-demo.js';
import { type Ctx, systemActor } from './platform/context.js';
import { AppError } from './platform/errors.js';
import { importSsbMunicipalities } from './registry/import-ssb-municipalities.js';
import { importViken } from './registry/import-viken.js';

const usage = `Usage: npm run cli -- <command>

Commands:
  migrate               Apply the database migrations.
  import-viken [file]   Load a county registry (county, departments, municipalities, regions and
                        their dated members). Default: ${path.relative(process.cwd(), vikenFile)}
  import-ssb <file>     Update municipalities from an SSB KLASS 131 "codesAt" JSON file, e.g.
                        https://data.ssb.no/api/klass/v1/classifications/131/codesAt.json?date=2024-01-01
  backup <file> [--force]
                        Write a backup of the embedded database (a gzipped tar of DATA_DIR/pglite) to
                        <file>, e.g. partnerskap-2025-06-30.tar.gz; --force replaces an existing file.
  restore <file>        Restore a backup into DATA_DIR/pglite, which must be missing or empty, and apply
                        the migrations a backup from an older version lacks.
  help                  Show this text.

The database is DATABASE_URL, or else the embedded one in DATA_DIR/pglite (default ./data/pglite),
which must not be in use by a running server: stop the server before a backup or a restore. Imports
apply the migrations first, run in one transaction, and can be repeated: they update what changed and
never duplicate. Backup and restore are for the embedded database; for PostgreSQL use pg_dump -Fc and
pg_restore.`;

/** A mistake by the person at the keyboard: printed without a stack trace. 2 is a wrong command line. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function openConfigured(): Promise<Database> {
  const config = loadConfig();
  // Two connections: migrations hold an advisory lock on one and run on the other.
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl, poolSize: 2 })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfigured();
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not valid JSON.`);
  }
}

const systemCtx = (database: Database, command: string): Ctx => ({
  db: database.db,
  actor: systemActor,
  requestId: `cli:${command}`,
});

async function run(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  switch (command) {
    case 'migrate': {
      const engine = await withDatabase(async (database) => database.engine);
      console.log(`Migrations applied (${engine}).`);
      return;
    }
    case 'import-viken': {
      const file = path.resolve(rest[0] ?? vikenFile);
      const data = readJson(file);
      const summary = await withDatabase((database) => importViken(systemCtx(database, command), data));
      console.log(
        `Imported ${file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`,
      );
      return;
    }
    case 'import-ssb': {
      if (!rest[0]) throw new UsageError(`import-ssb needs a file.\n\n${usage}`, 2);
      const file = path.resolve(rest[0]);
      const data = readJson(file);
      const summary = await withDatabase((database) =>
        importSsbMunicipalities(systemCtx(database, command), data),
      );
      console.log(
        `Imported ${file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped.`,
      );
      return;
    }
    case 'backup': {
      const { files, flags } = split(rest, ['--force']);
      if (files.length !== 1) throw new UsageError(`backup needs one file.\n\n${usage}`, 2);
      const written = await backupDatabase(loadConfig(), files[0] as string, { force: flags.has('--force') });
      console.log(`Backed up ${written.folder} to ${written.file} (${megabytes(written.bytes)}).`);
      return;
    }
    case 'restore': {
      const { files } = split(rest, []);
      if (files.length !== 1) throw new UsageError(`restore needs one file.\n\n${usage}`, 2);
      const restored = await restoreDatabase(loadConfig(), files[0] as string);
      const migrations =
        restored.migrationsApplied === 0
          ? 'it was already up to date'
          : `${restored.migrationsApplied} migration(s) applied to bring it up to date`;
      console.log(`Restored ${restored.file} into ${restored.folder}; ${migrations}.`);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      throw new UsageError(`Unknown command: ${command}\n\n${usage}`, 2);
  }
}

/** A command's file arguments and its flags, which must be among `known`. */
function split(args: string[], known: string[]): { files: string[]; flags: Set<string> } {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  for (const flag of flags) {
    if (!known.includes(flag)) throw new UsageError(`Unknown option: ${flag}\n\n${usage}`, 2);
  }
  return { files: args.filter((a) => !a.startsWith('--')), flags };
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function describe(error: unknown): string {
  if (error instanceof UsageError || error instanceof FolderLockedError || error instanceof BackupError) {
    return error.message;
  }
  if (error instanceof AppError) {
    const lines = error.fields.map((f) => `  ${f.field}: ${translate('en', f.code, f.params)}`);
    return [translate('en', `errors.${error.code}`), ...lines].join('\n');
  }
  return `Failed: ${error instanceof Error ? error.message : String(error)}`;
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(describe(error));
  process.exitCode = error instanceof UsageError ? error.exitCode : 1;
});
