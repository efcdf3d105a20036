import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../src/server/hearings/hearing.fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';

/**
 * Graceful shutdown of a real server process, as a container platform stops it: SIGTERM while an upload
 * is still arriving. The upload completes, new connections are turned away, and the process exits 0 well
 * inside the 10 s a platform waits before it kills.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'partnerskap-shutdown-'));
const password = 'shutdown-test-passord';
const env = { DATA_DIR: dataDir, PARTNERSKAP_DEMO_PASSWORD: password, LOG_LEVEL: 'info' };
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  servers.push(server);
  return server;
}

async function signIn(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'admin@demo.partnerskap.no', password }),
  });
  expect(res.status).toBe(200);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('partnerskap_session='));
  if (!session) throw new Error('no session cookie');
  return session.split(';')[0] ?? '';
}

async function getJson<T>(server: ServerProcess, url: string, cookie: string): Promise<T> {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** A demo hearing input the admin may attach a file to (any input, even once its hearing has closed). */
async function someInput(server: ServerProcess, cookie: string): Promise<string> {
  const hearings = await getJson<{ items: { id: string }[] }>(server, '/api/v1/hearings', cookie);
  for (const hearing of hearings.items) {
    const inputs = await getJson<{ items: { id: string; attachments: unknown[] }[] }>(
      server,
      `/api/v1/hearings/${hearing.id}/inputs`,
      cookie,
    );
    const input = inputs.items.find((i) => i.attachments.length === 0);
    if (input) return input.id;
  }
  throw new Error('the demo has no hearing input without attachments');
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * An upload whose body the client sends in two halves, the second when told: the request is in flight,
 * headers read and half the body received, for as long as the test wants.
 */
function slowUpload(server: ServerProcess, inputId: string, cookie: string, file: Buffer) {
  let answered: (answer: Answer) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    answered = resolve;
    failed = reject;
  });
  const request = http.request(
    `${server.url}/api/v1/hearing-inputs/${inputId}/attachments?filename=innspill.pdf`,
    {
      method: 'POST',
      agent: new http.Agent({ keepAlive: true }),
      headers: {
        'content-type': 'application/pdf',
        'content-length': file.length,
        origin: server.url,
        cookie,
      },
    },
    (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => answered({ status: res.statusCode ?? 0, headers: res.headers, body }));
    },
  );
  request.on('error', failed);
  const half = Math.floor(file.length / 2);
  request.write(file.subarray(0, half));
  return { answer, finish: () => request.end(file.subarray(half)) };
}

/** What a new connection gets: a status, or the error of a connection that was refused or dropped. */
async function tryNewConnection(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('shutting down on SIGTERM', () => {
  it('finishes an upload in flight, turns new connections away, closes the database and exits 0 within 10 s', async () => {
    const server = await start();
    expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const cookie = await signIn(server);
    const inputId = await someInput(server, cookie);
    const upload = slowUpload(server, inputId, cookie, pdfBytes());
    // Fastify logs a request once its headers are read: from then on it is in flight.
    await server.waitFor(`/api/v1/hearing-inputs/${inputId}/attachments`, 10_000);

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await server.waitFor('shutting down', 5_000);
    expect(await tryNewConnection(`${server.url}/api/health/ready`)).toBeOneOf([
      'ECONNREFUSED',
      'ECONNRESET',
      503,
    ]);
    // The rest of the body comes well after the listener has closed.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.child.exitCode).toBeNull();
    upload.finish();

    const answer = await upload.answer;
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({
      inputId,
      filename: 'innspill.pdf',
      size: pdfBytes().length,
    });
    expect(answer.headers.connection).toBe('close');

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    const output = server.output();
    const steps = [
      'shutting down',
      'closing the HTTP server: done',
      'stopping the job queue: done',
      'closing the database: done',
      '"clean":true',
    ];
    for (const step of steps) expect(output).toContain(step);
    expect(output).not.toContain('requests still in flight');
    expect(output).not.toContain('shutdown did not finish in time');
  }, 120_000);

  it('keeps what the upload wrote, and a second signal does not start a second shutdown', async () => {
    const server = await start();
    const cookie = await signIn(server);
    const hearings = await getJson<{ items: { id: string }[] }>(server, '/api/v1/hearings', cookie);
    const attached = [];
    for (const hearing of hearings.items) {
      const inputs = await getJson<{ items: { attachments: { filename: string }[] }[] }>(
        server,
        `/api/v1/hearings/${hearing.id}/inputs`,
        cookie,
      );
      attached.push(...inputs.items.flatMap((i) => i.attachments.map((a) => a.filename)));
    }
    expect(attached).toContain('innspill.pdf');

    // An upload in flight keeps the first shutdown going while the other signals arrive.
    const inputId = await someInput(server, cookie);
    const upload = slowUpload(server, inputId, cookie, pdfBytes());
    await server.waitFor(`/api/v1/hearing-inputs/${inputId}/attachments`, 10_000);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await server.waitFor('shutting down', 5_000);
    server.child.kill('SIGTERM');
    server.child.kill('SIGINT');
    await server.waitFor('shutdown already under way', 5_000);
    expect(server.child.exitCode).toBeNull();
    upload.finish();

    expect((await upload.answer).status).toBe(201);
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    const output = server.output();
    expect(output.match(/shutting down/g)).toHaveLength(1);
    expect(output).toContain('closing the database: done');
  }, 120_000);
});
