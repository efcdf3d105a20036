import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What `npm start` does on a fresh machine: the server starts on an empty embedded database, migrates,
 * loads the demo, prints the demo sign-ins and answers; a second server on the same folder refuses to start.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'partnerskap-start-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const children: ChildProcess[] = [];

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!output.includes(text)) {
      if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; output:\n${output}`);
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('starting the server on the embedded database', () => {
  it('loads the demo, prints the sign-ins, serves the API, and refuses a second server on the same folder', async () => {
    const first = startServer({ PORT: String(port), PARTNERSKAP_DEMO_PASSWORD: 'start-test-passord' });
    await first.waitFor('Partnerskap is running');
    expect(first.output()).toContain('admin@demo.partnerskap.no');
    expect(first.output()).toContain('password for all: start-test-passord');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', database: { reachable: true, engine: 'pglite' } });

    const second = startServer({ PORT: String(port + 1) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 120_000);
});
