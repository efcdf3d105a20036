import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/support/server-process.js';

/**
 * How long a server takes to start on an existing database, from the process's start until
 * /api/health/ready answers 200 (migrations checked, the database answering, the port open). Budget: the
 * built server (`node dist/server/main.js`) starts in at most 3 s. Beside it, for comparison:
 * `npm start` with the build up to date (npm itself, the build check, then the same server), and what
 * `npm start` ran before the production build existed (a Vite build of the web app on every start, then the
 * server's TypeScript compiled on the fly by tsx).
 *
 * Each is started `runs` times on the benchmark's database, stopped with SIGTERM after answering, and the
 * median is reported. The web app and the server are built once before, so no measured start builds.
 */

export const startupBudgetMs = 3000;

export type StartupTarget = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };

export type StartupResult = {
  name: string;
  command: string;
  runs: number;
  medianMs: number | null;
  budgetMs: number | null;
  verdict: 'PASS' | 'FAIL' | 'INFO' | 'ERROR';
  note: string | null;
};

type Way = { name: string; command: string; file: string; args: string[]; budgetMs: number | null };

export async function benchStartup(rootDir: string, target: StartupTarget, runs: number) {
  const build = spawnSync(process.execPath, ['scripts/start.mjs', 'build'], {
    cwd: rootDir,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build failed');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const ways: Way[] = [
    {
      name: 'built server',
      command: 'node dist/server/main.js',
      file: process.execPath,
      args: ['dist/server/main.js'],
      budgetMs: startupBudgetMs,
    },
    {
      name: 'npm start',
      command: 'npm start (build up to date)',
      file: npm,
      args: ['start'],
      budgetMs: null,
    },
    {
      name: 'npm start before',
      command: 'vite build, then tsx src/server/main.ts',
      file: 'sh',
      args: ['-c', 'npx vite build --logLevel silent && exec node --import tsx src/server/main.ts'],
      budgetMs: null,
    },
  ];
  // A PGlite folder is the data folder's `pglite` subfolder.
  const env: Record<string, string> =
    target.kind === 'pglite'
      ? { DATA_DIR: path.dirname(target.dataDir), DATABASE_URL: '' }
      : { DATABASE_URL: target.url };
  const secret = randomBytes(32).toString('base64url');
  const results: StartupResult[] = [];
  for (const way of ways) {
    const times: number[] = [];
    let problem: string | null = null;
    for (let run = 0; run < runs && !problem; run++) {
      try {
        times.push(await timeStart(rootDir, way, { ...env, SESSION_SECRET: secret }));
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    const sorted = times.sort((a, b) => a - b);
    const medianMs = sorted.length > 0 ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? null) : null;
    const verdict = problem
      ? 'ERROR'
      : way.budgetMs === null
        ? 'INFO'
        : medianMs !== null && medianMs <= way.budgetMs
          ? 'PASS'
          : 'FAIL';
    results.push({
      name: way.name,
      command: way.command,
      runs: times.length,
      medianMs,
      budgetMs: way.budgetMs,
      verdict,
      note: problem ?? (times.length > 1 ? `${times.map((t) => Math.round(t)).join(', ')} ms` : null),
    });
  }
  return results;
}

/** Starts one server, waits until it is ready, stops it and waits until it has ended (it holds the folder). */
async function timeStart(rootDir: string, way: Way, env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(way.file, way.args, {
    cwd: rootDir,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: `npm start` runs the server as a grandchild, and all of it must be stopped.
    detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (d) => {
    errors += String(d);
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const until = started + 60_000;
    while (performance.now() < until) {
      if (child.exitCode !== null) throw new Error(`${way.command} exited with ${child.exitCode}: ${errors}`);
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ready) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${way.command} was not ready within 60 s`);
  } finally {
    await stop(child, ended);
  }
}

/** Stops the process group (npm, a shell, the server) and waits until none of it runs: it holds the folder. */
async function stop(child: ChildProcess, ended: Promise<void>) {
  const group = child.pid;
  if (group === undefined) return;
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(-group, name);
      return true;
    } catch {
      return false; // ESRCH: nothing of the group is left
    }
  };
  signal('SIGTERM');
  const until = performance.now() + 15_000;
  while (signal(0)) {
    if (performance.now() > until) signal('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await ended;
}

export function printStartupResults(results: StartupResult[]) {
  console.log('Start on an existing database, until /api/health/ready answers (median):');
  for (const r of results) {
    const time = r.medianMs === null ? '–' : `${(r.medianMs / 1000).toFixed(2)} s`;
    const budget = r.budgetMs === null ? '' : ` (budget ≤ ${(r.budgetMs / 1000).toFixed(0)} s)`;
    console.log(
      `  ${r.name.padEnd(17)} ${time.padStart(7)}  ${r.verdict.padEnd(5)} ${r.command}${budget}${r.note ? `: ${r.note}` : ''}`,
    );
  }
}
