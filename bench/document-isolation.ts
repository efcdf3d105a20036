import { benchPassword } from './dataset.js';

/**
 * Issue 15, item 2: documents cannot stall the server. While four users each download the PDF of a large
 * agreement over and over (a cycle of the matrix dataset: the general part of about 50 pages and some 140
 * contributions; drafts, so every download is made afresh in the document workers), `/api/health` is asked
 * one request at a time, and its latency is recorded. Budget: p95 under 100 ms. Before the worker pool, one
 * such PDF held the main loop for seconds, and health with it.
 */
export const isolationBudget = { healthP95Ms: 100 } as const;

export type IsolationResult = {
  seconds: number;
  /** Documents made (200) and refused (429: a user's limit or a full queue) while health was asked. */
  documents: number;
  refused: number;
  documentMedianMs: number | null;
  documentBytes: number | null;
  healthRequests: number;
  healthP50Ms: number | null;
  healthP95Ms: number | null;
  healthMaxMs: number | null;
  budgetMs: number;
  verdict: 'PASS' | 'FAIL' | 'ERROR';
  note: string | null;
};

/** The four readers: each has one document in progress at a time, within the per-user limit. */
const readers = [
  'admin@bench.partnerskap.no',
  'leser-0001@bench.partnerskap.no',
  'leser-0002@bench.partnerskap.no',
  'avdeling-0001@bench.partnerskap.no',
];

async function signInAs(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email}: HTTP ${response.status}`);
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('partnerskap_session='));
  if (!session) throw new Error(`signing in as ${email} set no session cookie`);
  return session;
}

const nearestRank = (sorted: number[], p: number) =>
  sorted.length === 0
    ? null
    : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null);

export async function benchDocumentIsolation(
  origin: string,
  matrixCycleId: string,
  seconds: number,
): Promise<IsolationResult> {
  const cookies = await Promise.all(readers.map((email) => signInAs(origin, email)));
  const list = await fetch(`${origin}/api/v1/agreements?cycle=${matrixCycleId}`, {
    headers: { cookie: cookies[0] ?? '' },
  });
  const ids = ((await list.json()) as { items: { id: string }[] }).items.map((a) => a.id).slice(0, 4);
  if (ids.length < 4) throw new Error(`the matrix cycle has ${ids.length} agreements, not 4`);

  const until = performance.now() + seconds * 1000;
  const documentTimes: number[] = [];
  let refused = 0;
  let bytes: number | null = null;
  let failure: string | null = null;
  const downloads = readers.map(async (_, i) => {
    while (performance.now() < until && failure === null) {
      const started = performance.now();
      const res = await fetch(`${origin}/api/v1/agreements/${ids[i]}/document?format=pdf`, {
        headers: { cookie: cookies[i] ?? '' },
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status === 200) {
        documentTimes.push(performance.now() - started);
        bytes = body.length;
      } else if (res.status === 429) refused += 1;
      else failure = `a document answered HTTP ${res.status}: ${body.subarray(0, 200).toString()}`;
    }
  });
  const healthTimes: number[] = [];
  const health = (async () => {
    // Health is asked once the first documents are under way, and until the last download ends.
    await new Promise((resolve) => setTimeout(resolve, 300));
    while (performance.now() < until) {
      const asked = performance.now();
      const res = await fetch(`${origin}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) failure = `/api/health answered HTTP ${res.status}`;
      healthTimes.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  await Promise.all([...downloads, health]);

  const sortedHealth = [...healthTimes].sort((a, b) => a - b);
  const sortedDocs = [...documentTimes].sort((a, b) => a - b);
  const p95 = nearestRank(sortedHealth, 0.95);
  return {
    seconds,
    documents: documentTimes.length,
    refused,
    documentMedianMs: nearestRank(sortedDocs, 0.5),
    documentBytes: bytes,
    healthRequests: healthTimes.length,
    healthP50Ms: nearestRank(sortedHealth, 0.5),
    healthP95Ms: p95,
    healthMaxMs: sortedHealth.at(-1) ?? null,
    budgetMs: isolationBudget.healthP95Ms,
    verdict: failure ? 'ERROR' : p95 !== null && p95 < isolationBudget.healthP95Ms ? 'PASS' : 'FAIL',
    note: failure,
  };
}

export function printIsolationResult(r: IsolationResult | null) {
  if (!r) return;
  const ms = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)} ms`);
  console.log(
    `Documents off the main loop (four users downloading a large agreement PDF for ${r.seconds} s): ` +
      `${r.documents} PDFs made (median ${ms(r.documentMedianMs)}, ${((r.documentBytes ?? 0) / 1e6).toFixed(2)} MB), ${r.refused} refused 429;`,
  );
  console.log(
    `  /api/health meanwhile: ${r.healthRequests} requests, p50 ${ms(r.healthP50Ms)}, p95 ${ms(r.healthP95Ms)}, ` +
      `max ${ms(r.healthMaxMs)}; budget p95 < ${r.budgetMs} ms: ${r.verdict}${r.note ? ` (${r.note})` : ''}`,
  );
}
