import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A real Partnerskap server process, started from the sources (`src/server/main.ts` under tsx). */
export type ServerProcess = {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string | null>;
  /** Waits until the output contains `text`; fails when the process ends first or after `ms`. */
  waitFor(text: string, ms?: number): Promise<void>;
  /** Sends SIGTERM (unless the process has ended) and waits for it to end. */
  stop(): Promise<number | string | null>;
};

/** A port nobody listens on now: the system's choice for a listener that is closed again at once. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server with the given environment on a free port and waits until it says it is running.
 * DATABASE_URL is empty unless given, so the process never picks up the caller's database by accident.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { waitForRunning?: boolean; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'src/server/main.ts')], {
    cwd: rootDir,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NODE_ENV: 'test',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const waitFor = async (text: string, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!output.includes(text)) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `the server ended (${child.exitCode ?? child.signalCode}) before "${text}":\n${output}`,
        );
      if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; output:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const server: ServerProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    waitFor,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  if (options.waitForRunning ?? true) {
    try {
      await waitFor('Partnerskap is running', options.timeoutMs ?? 90_000);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }
  return server;
}
