import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/client.js';
import { generateDataset, adminEmail, benchPassword } from './dataset.js';

const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'pbx-')), 'pglite');
const d = await openDatabase({ kind: 'pglite', dataDir });
await d.migrate();
if (process.env.GEN !== '0') await generateDataset(d.db);
await d.close();
const child = fork('bench/server.ts', [], { execArgv: ['--import', 'tsx', ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/benchexp'] : [])], env: { ...process.env, BENCH_SERVER_DATABASE: JSON.stringify({ kind: 'pglite', dataDir }), BENCH_SERVER_SECRET: 'x'.repeat(40) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise<number>((r) => child.once('message', (m) => r((m as { port: number }).port)));
const origin = `http://127.0.0.1:${port}`;
const res = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: adminEmail, password: benchPassword }) });
const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
const run = (p: string, c: number, headers: Record<string, string>) => new Promise<void>((resolve) => autocannon({ url: origin + p, connections: c, duration: 4, headers }, (_e, r) => { const x = r as unknown as { requests: { average: number }; latency: { p50: number; p97_5: number } }; console.log(p, c, Object.keys(headers).join(','), Math.round(x.requests.average), 'req/s', x.latency.p50, x.latency.p97_5); resolve(); }));
for (const p of (process.env.PATHS ?? '/api/health').split(' ')) {
await run(p, 50, {});
await run(p, 50, { cookie });
}
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
