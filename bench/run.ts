/**
 * `npm run bench`: how fast the API answers on a county 100 times the Viken demo.
 *
 *   npm run bench                                   PGlite in a temporary folder
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
 *                                                   PostgreSQL: a fresh database `partnerskap_bench` on that
 *                                                   server (DATABASE_URL is used when BENCH_DATABASE_URL is
 *                                                   not set), dropped again at the end
 *
 * Settings (environment): BENCH_STARTUP_RUNS (how often each way of starting the server is timed, default 5),
 * BENCH_SECONDS (measured seconds per route, default 10), BENCH_WARMUP_SECONDS
 * (unmeasured load before each route, default 2), BENCH_CONNECTIONS (default 50), BENCH_KEEP_DATABASE=1
 * (keep the generated database or PGlite folder afterwards, to EXPLAIN a slow route's queries on it),
 * BENCH_ANALYZE=0 (skip the ANALYZE after generating: the planner then has no statistics, as in a PGlite
 * database, which runs no autovacuum, until something analyzes it), BENCH_ROUTES=overview,matrix (only the
 * routes whose name contains one of these words, after the baseline; the server's start and the documents
 * are then not timed, unless named: `isolation` for /api/health while four large PDFs render,
 * `first-page` for the compressed script of the sign-in and start pages, built afresh with Vite,
 * `case-document` for the case DOCX of 20 agreements with the agreements attached, `agreement-document`,
 * `status-report` and `annual-report` for those documents, `mixed` for the mixed load of bench/mixed.ts: 100
 * connections sending two reads to each write as signed-in users, run last).
 *
 * Steps: generate the dataset (bench/dataset.ts: 7 departments, 1,200 regions, 5,600 municipalities,
 * ~6,000 dated memberships, ~1,300 users, 100,000 audit events; bench/dataset-hearing.ts: a general part of
 * two versions of about 50 pages and a hearing on it with 1,200 invited regions and 1,000 inputs, 300
 * dispositions; bench/dataset-matrix.ts: a cycle with an agreement for each of the 1,200 regions and
 * ~170,000 contributions from the 7 departments and the regions; bench/dataset-overview.ts: their milestones
 * and a few meetings with actions per region) with the real migrations; start the real
 * app (bench/server.ts) in a child process on 127.0.0.1 and a free port; sign in as the admin; load each
 * route of bench/routes.ts with autocannon, the session cookie and a browser's Accept-Encoding sent on every
 * request, /api/health first as the baseline. A route that does not answer 200 is reported as an error, not
 * measured.
 *
 * Latency percentiles are exact: every response's latency (autocannon's per-response `response` event,
 * high-resolution timer) is kept and sorted; p95 is the nearest-rank 95th percentile of the 200 responses.
 * Each row also shows the server process's CPU (share of one core, and milliseconds per answer), the load
 * generator's own CPU per answer, and the CPU every other process used meanwhile: on a shared machine they
 * tell the server's cost from the load generator's and the neighbours'.
 *
 * Prints a table and writes the same to bench/results/latest.json. A budget that fails is printed as FAIL
 * but the exit code stays 0: this is a measurement. It exits 1 only when the benchmark itself cannot run.
 */
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request as AutocannonRequest, type Instance } from 'autocannon';
import pg from 'pg';
import { openDatabase, serverVersion } from '../src/server/db/client.js';
import {
  benchAgreementDocuments,
  type DocumentBenchResult,
  printDocumentResults,
} from './agreement-document.js';
import { benchAnnualReport } from './annual-report.js';
import { calendarFeedPath, generateCalendarMeetings } from './calendar.js';
import { benchCaseDocument } from './case-document.js';
import { adminEmail, benchPassword, type DatasetSizes, generateDataset } from './dataset.js';
import { benchDocumentIsolation, type IsolationResult, printIsolationResult } from './document-isolation.js';
import { type FirstPageSize, firstPageSizes, printFirstPageSizes } from './first-page.js';
import {
  describeTallies,
  type MixedScenario,
  mixedBudget,
  mixedConnections,
  mixedRouteName,
  setUpMixedLoad,
} from './mixed.js';
import { type BenchRoute, type Budget, type Fixtures, routes } from './routes.js';
import { benchStartup, printStartupResults } from './startup.js';
import { benchStatusReport } from './status-report.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(benchDir, '..');
const resultsFile = path.join(benchDir, 'results', 'latest.json');
const benchDatabaseName = 'partnerskap_bench';
const latencyMethod =
  'exact nearest-rank percentiles of every 200 response, recorded from autocannon’s per-response event';

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number ≥ ${min}, not "${raw}"`);
  return value;
}

const settings = {
  seconds: envNumber('BENCH_SECONDS', 10, 1),
  warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 2, 0),
  connections: Math.round(envNumber('BENCH_CONNECTIONS', 50, 1)),
  serverUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined,
  /** Keep the generated database afterwards, e.g. to EXPLAIN a slow route's queries on it. */
  keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
  /** Run ANALYZE after generating (default): the statistics autovacuum keeps on a PostgreSQL server. */
  analyze: process.env.BENCH_ANALYZE !== '0',
  /**
   * How many times the agreement DOCX and PDF (bench/agreement-document.ts) and the status report
   * (bench/status-report.ts) are made for their medians.
   */
  documentRuns: Math.round(envNumber('BENCH_DOCUMENT_RUNS', 15, 1)),
  /** How many times each way of starting the server is timed for its median (bench/startup.ts). */
  startupRuns: Math.round(envNumber('BENCH_STARTUP_RUNS', 5, 1)),
  /** Words of the route names to measure (besides the baseline); empty: every route, start and documents. */
  only: (process.env.BENCH_ROUTES ?? '')
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== ''),
};
const selected = (route: BenchRoute) =>
  route.budget === 'baseline' ||
  settings.only.length === 0 ||
  settings.only.some((w) => route.name.toLowerCase().includes(w));

// ---------------------------------------------------------------------------------------------- cleanup

const cleanups: (() => Promise<void> | void)[] = [];
let cleanedUp = false;
async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`clean-up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
let running: Instance | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark`);
    running?.stop();
    void cleanUp().then(() => process.exit(130));
  });
}

// -------------------------------------------------------------------------------------------- database

type ServerDatabase = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };

/** A fresh, empty database for this run, dropped or deleted again by the clean-up. */
async function freshDatabase(): Promise<ServerDatabase> {
  if (settings.serverUrl) {
    const serverUrl = settings.serverUrl;
    const dropBenchDatabase = async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${benchDatabaseName} with (force)`);
      } finally {
        await admin.end();
      }
    };
    await dropBenchDatabase(); // left over from an interrupted run
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${benchDatabaseName}`);
    } finally {
      await admin.end();
    }
    if (settings.keepDatabase) cleanups.push(() => console.log(`Kept the database ${benchDatabaseName}.`));
    else cleanups.push(dropBenchDatabase);
    const url = new URL(serverUrl);
    url.pathname = `/${benchDatabaseName}`;
    return { kind: 'postgresql', url: url.toString() };
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'partnerskap-bench-'));
  if (settings.keepDatabase) cleanups.push(() => console.log(`Kept the PGlite folder ${folder}/pglite.`));
  else cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return { kind: 'pglite', dataDir: path.join(folder, 'pglite') };
}

type Generated = {
  engineVersion: string;
  sizes: DatasetSizes;
  fixtures: Fixtures;
  generationSeconds: number;
};

/** Migrates and fills the database, then closes it: a PGlite folder may be open in one process only. */
async function generate(target: ServerDatabase): Promise<Generated> {
  const started = performance.now();
  const database = await openDatabase(target);
  try {
    await database.migrate();
    const { sizes, fixtures } = await generateDataset(database.db, { analyze: settings.analyze });
    await generateCalendarMeetings(database.db);
    const engineVersion = await serverVersion(database.db);
    return { engineVersion, sizes, fixtures, generationSeconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

// ------------------------------------------------------------------------------------------------ server

type Server = { origin: string; child: ChildProcess; exited: () => string | null };

async function startServer(target: ServerDatabase): Promise<Server> {
  const child = fork(path.join(benchDir, 'server.ts'), [], {
    cwd: rootDir,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_SERVER_DATABASE: JSON.stringify(target),
      BENCH_SERVER_SECRET: randomBytes(32).toString('base64url'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exit: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });
  cleanups.push(async () => {
    if (exit !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exitedPromise;
    clearTimeout(killer);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not start within 60 s')), 60_000);
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      const { type, port } = (message ?? {}) as { type?: unknown; port?: unknown };
      if (type === 'listening' && typeof port === 'number') resolve(port);
      else reject(new Error(`unexpected message from the bench server: ${JSON.stringify(message)}`));
    });
    void exitedPromise.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bench server stopped before listening (${exit})`));
    });
  });
  return { origin: `http://127.0.0.1:${port}`, child, exited: () => exit };
}

/** The server process's CPU time so far, in milliseconds. */
function serverCpuMs(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.child.off('message', onMessage);
      reject(new Error('the bench server did not report its CPU time'));
    }, 10_000);
    const onMessage = (message: unknown) => {
      const { type, ms } = (message ?? {}) as { type?: unknown; ms?: unknown };
      if (type !== 'cpu' || typeof ms !== 'number') return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolve(ms);
    };
    server.child.on('message', onMessage);
    server.child.send({ type: 'cpu' });
  });
}

async function signIn(origin: string, email = adminEmail): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  if (response.status !== 200) {
    throw new Error(`signing in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  }
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('partnerskap_session='));
  if (!session) throw new Error('signing in set no partnerskap_session cookie');
  return session;
}

/** Why a GET did not answer 200, in one line: the status and the problem's code and title when there is one. */
async function describeFailure(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { code?: unknown; title?: unknown };
    if (typeof problem.code === 'string')
      return `HTTP ${response.status} ${problem.code}: ${String(problem.title)}`;
  } catch {
    // not JSON: show the start of the body
  }
  return `HTTP ${response.status} ${text.slice(0, 120)}`;
}

// ------------------------------------------------------------------------------------------------- load

type Load = {
  /** Milliseconds, one per 200 response (any 2xx in a mix). */
  latencies: number[];
  /** Responses other than 200 (other than 2xx in a mix), by status. */
  otherStatuses: Map<number, number>;
  connectionErrors: number;
  timeouts: number;
  seconds: number;
};

/** Chromium's Accept-Encoding. */
const browserAcceptEncoding = 'gzip, deflate, br, zstd';

/** Several kinds of request on each connection (bench/mixed.ts): any 2xx answer counts as served. */
type Mix = {
  connections: number;
  requests: AutocannonRequest[];
  /** Every answer, right after the request's own onResponse. */
  onAnswer(statusCode: number, ms: number): void;
};

function load(url: string, cookie: string, seconds: number, mix?: Mix): Promise<Load> {
  const served = (statusCode: number) => (mix ? statusCode >= 200 && statusCode <= 299 : statusCode === 200);
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const otherStatuses = new Map<number, number>();
    const instance = autocannon(
      {
        url,
        connections: mix?.connections ?? settings.connections,
        duration: seconds,
        timeout: 10,
        // What a browser sends: large answers from a read cache then go out compressed, as the web app
        // gets them (platform/http/cached-responses.ts).
        headers: { cookie, accept: 'application/json', 'accept-encoding': browserAcceptEncoding },
        ...(mix ? { requests: mix.requests } : {}),
      },
      (error, result) => {
        running = null;
        if (error) return reject(error);
        resolve({
          latencies,
          otherStatuses,
          connectionErrors: result.errors - result.timeouts,
          timeouts: result.timeouts,
          seconds: result.duration,
        });
      },
    );
    running = instance;
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (served(statusCode)) latencies.push(ms);
      else otherStatuses.set(statusCode, (otherStatuses.get(statusCode) ?? 0) + 1);
      mix?.onAnswer(statusCode, ms);
    });
  });
}

type MachineCpu = { busy: number; total: number; busyCores(since: MachineCpu): number };

/** The machine's CPU counters (Linux /proc/stat), to tell how much of the CPU other processes took. */
function machineCpu(): MachineCpu | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    if (!Number.isFinite(total) || total === 0) return null;
    const cores = os.cpus().length;
    const busy = total - idle;
    return {
      busy,
      total,
      busyCores: (since) => ((busy - since.busy) / Math.max(1, total - since.total)) * cores,
    };
  } catch {
    return null;
  }
}

/** One request after a load run: it is answered once the requests still queued in the server are. */
async function drain(url: string, cookie: string): Promise<void> {
  try {
    await (await fetch(url, { headers: { cookie } })).arrayBuffer();
  } catch {
    // The server is gone: the caller sees that from the process's exit.
  }
}

function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------- results

type RouteResult = {
  route: string;
  path: string | null;
  budget: Budget | 'baseline';
  verdict: 'BASELINE' | 'PASS' | 'FAIL' | 'ERROR';
  /** Why the route failed its budget, or why it could not be measured. */
  reasons: string[];
  requests: number;
  seconds: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  requestsPerSecond: number | null;
  ratioToBaseline: number | null;
  /** The server process's CPU use during the measured run (100 = one whole core). */
  serverCpuPercent: number | null;
  serverCpuMsPerRequest: number | null;
  /**
   * The load generator's (this process's) CPU time per answer. It shares the machine with the server:
   * autocannon decodes every body into a string, which for an answer of a megabyte costs more than the
   * server spends on it, and that CPU is missing from the server's.
   */
  loadCpuMsPerRequest: number | null;
  /**
   * CPU used during the measured run by every process but the benchmark's own two (100 = one core): other
   * work on the machine, and on PostgreSQL the database server. Null where /proc/stat cannot be read.
   */
  otherCpuPercent: number | null;
};

function errorResult(route: BenchRoute, routePath: string | null, reason: string): RouteResult {
  return {
    route: route.name,
    path: routePath,
    budget: route.budget,
    verdict: 'ERROR',
    reasons: [reason],
    requests: 0,
    seconds: 0,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
    requestsPerSecond: null,
    ratioToBaseline: null,
    serverCpuPercent: null,
    serverCpuMsPerRequest: null,
    loadCpuMsPerRequest: null,
    otherCpuPercent: null,
  };
}

async function benchRoute(
  route: BenchRoute,
  server: Server,
  cookie: string,
  fixtures: Fixtures,
  baselineRps: number | null,
): Promise<RouteResult> {
  const getJson = async (p: string): Promise<unknown> => {
    const response = await fetch(`${server.origin}${p}`, { headers: { cookie, accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`GET ${p}: ${await describeFailure(response)}`);
    return response.json();
  };
  let routePath: string;
  try {
    routePath = typeof route.path === 'string' ? route.path : await route.path({ fixtures, getJson });
  } catch (error) {
    return errorResult(route, null, error instanceof Error ? error.message : String(error));
  }

  const probe = await fetch(`${server.origin}${routePath}`, {
    headers: { cookie, accept: 'application/json' },
  });
  if (probe.status !== 200) return errorResult(route, routePath, await describeFailure(probe));
  await probe.arrayBuffer();

  const url = `${server.origin}${routePath}`;
  return measureRoute(route, routePath, server, baselineRps, {
    load: (seconds) => load(url, cookie, seconds),
    // Requests still queued in the server when the load stopped would slow the next run: one more
    // request, answered after them, tells that they are done.
    settle: () => drain(url, cookie),
  });
}

/**
 * Warms up, then measures one load: the route's own, or the mix's. Any status but the one served is an
 * error; a single route is then not measured at all, the mix is reported with its errors as a failure.
 */
async function measureRoute(
  route: BenchRoute,
  routePath: string,
  server: Server,
  baselineRps: number | null,
  run: { load(seconds: number): Promise<Load>; settle(): Promise<void>; mixed?: boolean },
): Promise<RouteResult> {
  if (settings.warmupSeconds > 0) {
    await run.load(settings.warmupSeconds);
    await run.settle();
  }
  const cpuBefore = await serverCpuMs(server);
  const ownBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const wallBefore = performance.now();
  const measured = await run.load(settings.seconds);
  // The same after the measured run, so that the next route starts on an idle server.
  await run.settle();
  const exited = server.exited();
  if (exited) return errorResult(route, routePath, `the server process stopped during the run (${exited})`);

  const otherStatuses = [...measured.otherStatuses].map(([status, n]) => `${n}× HTTP ${status}`).join(', ');
  if (measured.otherStatuses.size > 0 && !run.mixed) {
    return errorResult(route, routePath, `not every response was 200 under load: ${otherStatuses}`);
  }
  if (measured.latencies.length === 0)
    return errorResult(route, routePath, `no response completed within the measured ${settings.seconds} s`);

  const cpuMs = (await serverCpuMs(server)) - cpuBefore;
  const wallMs = performance.now() - wallBefore;
  const machineAfter = machineCpu();
  const ownCpu = process.cpuUsage(ownBefore);
  const benchCores = (cpuMs + (ownCpu.user + ownCpu.system) / 1000) / wallMs;
  const otherCores =
    machineBefore && machineAfter ? Math.max(0, machineAfter.busyCores(machineBefore) - benchCores) : null;
  const sorted = Float64Array.from(measured.latencies).sort();
  const rps = sorted.length / measured.seconds;
  const result: RouteResult = {
    route: route.name,
    path: routePath,
    budget: route.budget,
    verdict: route.budget === 'baseline' ? 'BASELINE' : 'PASS',
    reasons: [],
    requests: sorted.length,
    seconds: measured.seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? null,
    requestsPerSecond: rps,
    ratioToBaseline: baselineRps ? rps / baselineRps : null,
    serverCpuPercent: (cpuMs / (measured.seconds * 1000)) * 100,
    serverCpuMsPerRequest: cpuMs / sorted.length,
    loadCpuMsPerRequest: (ownCpu.user + ownCpu.system) / 1000 / sorted.length,
    otherCpuPercent: otherCores === null ? null : otherCores * 100,
  };
  if (measured.otherStatuses.size > 0) result.reasons.push(`answers other than 2xx: ${otherStatuses}`);
  if (measured.timeouts > 0 || measured.connectionErrors > 0) {
    result.reasons.push(
      `${measured.timeouts} requests timed out (10 s) and ${measured.connectionErrors} failed to connect`,
    );
  }
  if (route.budget !== 'baseline') {
    const budget = route.budget;
    if ((result.p95Ms ?? 0) > budget.p95Ms) {
      result.reasons.push(`p95 ${fmt(result.p95Ms)} ms > ${budget.p95Ms} ms`);
    }
    if (budget.minRatio !== undefined) {
      if (result.ratioToBaseline === null) {
        result.reasons.push('no baseline to compare the throughput with');
      } else if (result.ratioToBaseline < budget.minRatio) {
        result.reasons.push(
          `${pct(result.ratioToBaseline)} of the baseline's req/s < ${pct(budget.minRatio)}`,
        );
      }
    }
  }
  if (result.reasons.length > 0) result.verdict = route.budget === 'baseline' ? 'ERROR' : 'FAIL';
  return result;
}

/**
 * Issue 15, item 6: the mix of reads and writes of bench/mixed.ts against the same server, after its setup
 * (users signed in, and what the versioned writes change made through the API). Prints what each kind of
 * request got, and how many comments and versions the writes added, counted through the API.
 */
async function benchMixed(
  server: Server,
  adminCookie: string,
  fixtures: Fixtures,
  baselineRps: number | null,
): Promise<{ result: RouteResult; details: string[] }> {
  const route: BenchRoute = { name: mixedRouteName, path: '/api/health', budget: mixedBudget };
  let scenario: MixedScenario;
  try {
    scenario = await setUpMixedLoad({
      origin: server.origin,
      adminCookie,
      signIn: (email) => signIn(server.origin, email),
      fixtures,
    });
  } catch (error) {
    return {
      result: errorResult(
        route,
        null,
        `setting up: ${error instanceof Error ? error.message : String(error)}`,
      ),
      details: [],
    };
  }
  const before = await scenario.countWrites();
  const healthUrl = `${server.origin}/api/health`;
  let measuring = false;
  const mix: Mix = {
    connections: mixedConnections,
    requests: scenario.requests,
    onAnswer: (statusCode, ms) => {
      const kind = scenario.answered();
      const tally = kind && measuring ? scenario.tallies.get(kind) : undefined;
      if (!tally) return;
      if (statusCode >= 200 && statusCode <= 299) {
        tally.ok++;
        tally.latencies.push(ms);
      } else tally.otherStatuses.set(statusCode, (tally.otherStatuses.get(statusCode) ?? 0) + 1);
    },
  };
  let runs = 0;
  const result = await measureRoute(route, 'reads and writes of bench/mixed.ts', server, baselineRps, {
    mixed: true,
    load: (seconds) => {
      // The warm-up's answers are not tallied: only the measured run's.
      measuring = runs++ === (settings.warmupSeconds > 0 ? 1 : 0);
      return load(healthUrl, adminCookie, seconds, mix);
    },
    // The entities whose answer never came are not written again: the server may still be writing them.
    settle: async () => {
      await drain(healthUrl, adminCookie);
      scenario.retireHeld();
    },
  });
  const retired = scenario.retireHeld();
  const after = await scenario.countWrites();
  return {
    result,
    details: [
      `Mixed load: ${scenario.summary}.`,
      ...describeTallies(scenario.tallies).map((line) => `  ${line}`),
      `  landed (warm-up and measured run): ${after.comments - before.comments} comments, ` +
        `${after.contributionVersions - before.contributionVersions} contribution versions, ` +
        `${after.inputVersions - before.inputVersions} hearing input versions; ${retired} entities not ` +
        'written again after a failed or cut-off write (the warm-up’s last writes among them)',
    ],
  };
}

function budgetText(budget: Budget | 'baseline'): string {
  if (budget === 'baseline') return 'baseline';
  const latency = `p95 ≤ ${budget.p95Ms} ms`;
  return budget.minRatio === undefined ? latency : `${latency}, ≥ ${pct(budget.minRatio)}`;
}

const fmt = (ms: number | null) => (ms === null ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const pct = (ratio: number) => `${Math.round(ratio * 100)} %`;

function printTable(results: RouteResult[]) {
  const header = [
    'route',
    'p50 ms',
    'p95 ms',
    'req/s',
    'vs health',
    'server CPU',
    'CPU ms/req',
    'load ms/req',
    'other CPU',
    'budget',
    'result',
  ];
  const rows = results.map((r) => [
    r.route,
    fmt(r.p50Ms),
    fmt(r.p95Ms),
    r.requestsPerSecond === null ? '–' : String(Math.round(r.requestsPerSecond)),
    r.ratioToBaseline === null ? '–' : pct(r.ratioToBaseline),
    r.serverCpuPercent === null ? '–' : `${Math.round(r.serverCpuPercent)} %`,
    fmt(r.serverCpuMsPerRequest),
    fmt(r.loadCpuMsPerRequest),
    r.otherCpuPercent === null ? '–' : `${Math.round(r.otherCpuPercent)} %`,
    budgetText(r.budget),
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ------------------------------------------------------------------------------------------------- main

async function main() {
  if (routes[0]?.budget !== 'baseline' || routes.filter((r) => r.budget === 'baseline').length !== 1) {
    throw new Error('bench/routes.ts must list exactly one baseline route, first');
  }
  const target = await freshDatabase();
  const engine = target.kind;
  console.log(
    `Generating the dataset on ${target.kind === 'pglite' ? `PGlite in ${target.dataDir}` : `PostgreSQL (database ${benchDatabaseName})`}${settings.analyze ? '' : ', without ANALYZE'} …`,
  );
  const generated = await generate(target);
  console.log(
    `  ${Object.entries(generated.sizes)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')} in ${generated.generationSeconds.toFixed(1)} s`,
  );
  const [fromPages, toPages] = generated.fixtures.comparedPages;
  console.log(
    `  the compared general part: version 1 ${fromPages.toFixed(0)} pages, version 2 ${toPages.toFixed(0)} pages`,
  );

  // Before the benchmark's own server opens the database: a PGlite folder is open in one process at a time.
  const everything = settings.only.length === 0;
  if (everything)
    console.log(`Timing the server's start on this database (${settings.startupRuns} runs each) …`);
  const startup = everything ? await benchStartup(rootDir, target, settings.startupRuns) : [];

  const server = await startServer(target);
  const cookie = await signIn(server.origin);
  const fixtures = { ...generated.fixtures, calendarFeedPath: await calendarFeedPath(server.origin) };
  console.log(
    `Server on ${server.origin} (${engine} ${generated.engineVersion}); ${settings.connections} connections, ` +
      `${settings.warmupSeconds} s warm-up + ${settings.seconds} s per route\n`,
  );

  const results: RouteResult[] = [];
  let baselineRps: number | null = null;
  for (const route of routes.filter(selected)) {
    process.stdout.write(`  ${route.name} … `);
    const result = await benchRoute(route, server, cookie, fixtures, baselineRps);
    if (route.budget === 'baseline') baselineRps = result.requestsPerSecond;
    results.push(result);
    console.log(
      result.verdict === 'ERROR' ? `error: ${result.reasons.join('; ')}` : `${result.requests} requests`,
    );
  }
  // Issue 15, item 2: health while four users' large PDFs are made in the document workers.
  let isolation: IsolationResult | null = null;
  if (everything || settings.only.includes('isolation')) {
    console.log('  documents off the main loop …');
    isolation = await benchDocumentIsolation(server.origin, fixtures.hearingId);
  }
  // Issue 15, item 6: last, as it writes.
  let mixedDetails: string[] = [];
  if (everything || settings.only.includes('mixed')) {
    process.stdout.write(`  ${mixedRouteName} … `);
    const mixed = await benchMixed(server, cookie, fixtures, baselineRps);
    results.push(mixed.result);
    mixedDetails = mixed.details;
    console.log(
      mixed.result.verdict === 'ERROR'
        ? `error: ${mixed.result.reasons.join('; ')}`
        : `${mixed.result.requests} requests`,
    );
  }
  await cleanUp();
  // Issue 15, item 7: the web app built afresh, and what its first pages load.
  const firstPage: FirstPageSize[] =
    everything || settings.only.includes('first-page') ? buildAndMeasureFirstPage() : [];
  // In this process, once the server has stopped: the documents' time is the renderers' alone.
  // Each is also run alone when its word is among BENCH_ROUTES.
  const documentBenches: [string, (runs: number) => Promise<DocumentBenchResult[]>][] = [
    ['agreement-document', benchAgreementDocuments],
    ['status-report', benchStatusReport],
    ['case-document', benchCaseDocument],
    ['annual-report', benchAnnualReport],
  ];
  const documents: DocumentBenchResult[] = [];
  for (const [word, bench] of documentBenches)
    if (everything || settings.only.includes(word)) documents.push(...(await bench(settings.documentRuns)));

  console.log(`\nLatency: ${latencyMethod}.`);
  console.log(
    `Server CPU: the server process's use of one core during the run; CPU ms/req: its CPU time per answer${
      engine === 'pglite'
        ? ' (PGlite runs inside the server process, so all database work is in it)'
        : ' (the PostgreSQL server’s own CPU is not in it)'
    }.`,
  );
  console.log(
    'Load ms/req: the load generator’s own CPU time per answer, on the same cores (autocannon decodes each body into a string: for a large answer it costs more than the server does).',
  );
  const others = results.map((r) => r.otherCpuPercent).filter((l) => l !== null);
  console.log(
    `Other CPU: what every other process used meanwhile (100 % = one of ${os.cpus().length} cores)${
      engine === 'pglite' ? '' : ', the PostgreSQL server included'
    }.`,
  );
  if (engine === 'pglite' && others.some((l) => l > 30)) {
    console.log(
      'WARNING: other processes took CPU during the runs: latencies and req/s are worse than the server alone gives; CPU ms/req is the least affected figure.',
    );
  }
  console.log('');
  printTable(results);
  if (mixedDetails.length > 0) console.log(`\n${mixedDetails.join('\n')}`);
  const failed = results.filter((r) => r.verdict === 'FAIL' || r.verdict === 'ERROR');
  console.log('');
  for (const r of failed)
    console.log(`${r.verdict === 'ERROR' ? 'ERROR' : 'FAIL '} ${r.route}: ${r.reasons.join('; ')}`);
  console.log(
    failed.length === 0
      ? 'All budgets met.'
      : `FAIL: ${failed.length} of ${results.length - 1} routes missed their budget or could not be measured.`,
  );
  console.log('');
  printDocumentResults(documents);
  console.log('');
  printIsolationResult(isolation);
  console.log('');
  printFirstPageSizes(firstPage);
  console.log('');
  printStartupResults(startup);

  const report = {
    engine,
    engineVersion: generated.engineVersion,
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      platform: process.platform,
    },
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    secondsPerRoute: settings.seconds,
    latencyMethod,
    dataset: generated.sizes,
    analyzed: settings.analyze,
    generationSeconds: Number(generated.generationSeconds.toFixed(2)),
    summary: {
      pass: results.filter((r) => r.verdict === 'PASS').length,
      fail: results.filter((r) => r.verdict === 'FAIL').length,
      error: results.filter((r) => r.verdict === 'ERROR').length,
    },
    // One string rather than a list, so that the file is already as Biome formats it (bench/** is checked).
    routes: results.map(({ reasons, ...r }) => ({
      ...r,
      problem: reasons.length > 0 ? reasons.join('; ') : null,
      p50Ms: round(r.p50Ms),
      p95Ms: round(r.p95Ms),
      p99Ms: round(r.p99Ms),
      maxMs: round(r.maxMs),
      requestsPerSecond: round(r.requestsPerSecond),
      ratioToBaseline: r.ratioToBaseline === null ? null : Number(r.ratioToBaseline.toFixed(3)),
      serverCpuPercent: round(r.serverCpuPercent),
      serverCpuMsPerRequest:
        r.serverCpuMsPerRequest === null ? null : Number(r.serverCpuMsPerRequest.toFixed(3)),
      loadCpuMsPerRequest: r.loadCpuMsPerRequest === null ? null : Number(r.loadCpuMsPerRequest.toFixed(3)),
      otherCpuPercent: round(r.otherCpuPercent),
    })),
    documents: documents.map((d) => ({
      ...d,
      medianMs: round(d.medianMs),
      cpuMedianMs: round(d.cpuMedianMs),
    })),
    startup: startup.map((r) => ({ ...r, medianMs: round(r.medianMs) })),
    documentIsolation: isolation && {
      ...isolation,
      seconds: round(isolation.seconds),
      documents: isolation.documents.map((d) => ({ ...d, ms: round(d.ms) })),
      healthP50Ms: round(isolation.healthP50Ms),
      healthP95Ms: round(isolation.healthP95Ms),
      healthMaxMs: round(isolation.healthMaxMs),
    },
    firstPage,
    // The mixed load's setup, each kind of request's answers and what its writes added (bench/mixed.ts).
    mixedLoad: mixedDetails.map((line) => line.trim()),
  };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${path.relative(rootDir, resultsFile)}`);
}

/** Builds the web app into a temporary folder (the checkout's dist/web is left alone) and measures it. */
function buildAndMeasureFirstPage(): FirstPageSize[] {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'partnerskap-bench-web-'));
  try {
    const vite = path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      {
        cwd: rootDir,
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) throw new Error(`vite build failed (${built.status})`);
    return firstPageSizes(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const round = (n: number | null) => (n === null ? null : Number(n.toFixed(2)));

main().catch(async (error: unknown) => {
  console.error(
    `\nThe benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  await cleanUp();
  process.exit(1);
});
