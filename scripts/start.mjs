/**
 * `npm start` and `npm run cli`: run the built server (dist/server) with plain Node.js, building first only
 * what is missing or older than its sources.
 *
 *   node scripts/start.mjs          the server (dist/server/main.js)
 *   node scripts/start.mjs cli …    the command line (dist/server/cli.js)
 *   node scripts/start.mjs build    builds both parts anew, and starts nothing (`npm run build`)
 *
 * The web app (dist/web, by Vite) and the server (dist/server and dist/shared, by TypeScript) are checked
 * apart, so a change to the server does not rebuild the web app and a plain restart rebuilds nothing. Where
 * the build tools are not installed (`npm ci --omit=dev` in production), the existing build is used as it
 * is; without one, it says how to make it.
 *
 * Plain JavaScript on purpose: this file runs before anything is compiled, with no dev dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(rootDir, ...parts);

/** What each part of the build is made from, and the file whose age stands for the whole output. */
const parts = [
  {
    name: 'web app',
    output: at('dist/web/index.html'),
    sources: ['src/web', 'src/shared', 'vite.config.ts', 'tsconfig.base.json', 'package-lock.json'],
    tool: at('node_modules/vite/bin/vite.js'),
    clean: [],
    args: ['build', '--logLevel', 'warn'],
  },
  {
    name: 'server',
    output: at('dist/server/main.js'),
    sources: ['src/server', 'src/shared', 'tsconfig.server.json', 'tsconfig.base.json', 'package-lock.json'],
    tool: at('node_modules/typescript/bin/tsc'),
    // A source that was deleted or renamed must not live on as an old compiled file.
    clean: [at('dist/server'), at('dist/shared')],
    args: ['-p', 'tsconfig.server.json'],
  },
];

/** The newest modification time under a file or folder (tests are not part of the build). */
function newest(relative) {
  const full = at(relative);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.isFile() && /\.test\.tsx?$/.test(entry.name)) continue;
    latest = Math.max(latest, newest(path.join(relative, entry.name)));
  }
  return latest;
}

function ensureBuilt(part, always = false) {
  const built = statSync(part.output, { throwIfNoEntry: false })?.mtimeMs;
  const changed = Math.max(...part.sources.map(newest));
  if (!always && built !== undefined && built >= changed) return;
  if (!existsSync(part.tool)) {
    if (built !== undefined) {
      process.stderr.write(
        `The ${part.name} is older than its sources, but the build tools are not installed: starting the build as it is.\n`,
      );
      return;
    }
    process.stderr.write(`The ${part.name} is not built. Run \`npm ci\` and \`npm run build\` first.\n`);
    process.exit(1);
  }
  process.stderr.write(`Building the ${part.name}…\n`);
  for (const folder of part.clean) rmSync(folder, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [part.tool, ...part.args], { cwd: rootDir, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Building the ${part.name} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

const [entry = 'main', ...rest] = process.argv.slice(2);
if (entry === 'build') {
  for (const part of parts) ensureBuilt(part, true);
  process.exit(0);
}
if (entry !== 'main' && entry !== 'cli') {
  process.stderr.write(`Unknown entry "${entry}": use main, cli or build.\n`);
  process.exit(2);
}
for (const part of entry === 'main' ? parts : parts.filter((p) => p.name === 'server')) ensureBuilt(part);

// The entry reads its own arguments from process.argv, as when started as `node dist/server/<entry>.js …`.
process.argv = [process.argv[0], at(`dist/server/${entry}.js`), ...rest];
await import(pathToFileURL(at(`dist/server/${entry}.js`)).href);
