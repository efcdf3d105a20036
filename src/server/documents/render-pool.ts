import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../platform/errors.js';
import type { RenderTask } from './render-tasks.js';

/**
 * Documents are made off the server's main event loop. A large PDF (a closed hearing's summary with many
 * long inputs) takes seconds of CPU; on the main loop it held every other request, `/api/health` included,
 * for as long. Every DOCX, PDF, XLSX and ZIP is made here instead, in a pool of worker threads:
 * - the pool is bounded: one thread fewer than the machine has cores (at least one; `DOCUMENT_WORKERS`
 *   sets it), so a core is always left for the main loop, and at most `queuePerWorker` tasks wait per thread;
 *   beyond that a request is refused 429 (`busy`) rather than queued without end;
 * - each caller (a signed-in user, or all anonymous visitors together) has at most `documentsPerCaller`
 *   documents in progress; one more is refused 429 with Retry-After, before it takes a place in the queue;
 * - threads start on the first document and stop after a minute without work, so a server that makes no
 *   documents holds none of their memory.
 *
 * The worker entry is `render-worker.ts` beside this file: in the built server (`dist/server`) the compiled
 * `.js`; from source (tsx: tests, `npm run dev`) through `render-worker-from-source.mjs`, which registers
 * tsx's loader in the thread first (a worker does not inherit it).
 * The limits are per process: several server processes each have their own pool.
 */
export const documentWorkers = Math.max(
  1,
  Number.parseInt(process.env.DOCUMENT_WORKERS ?? '', 10) || availableParallelism() - 1,
);
export const documentsPerCaller = 2;
const queuePerWorker = 8;

/** A document refused for now, with a guess of when to try again (the recent time a render took). */
export class DocumentsBusy extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('busy');
  }
}

const here = new URL(import.meta.url);
const underTypeScript = here.pathname.endsWith('.ts');
const workerFile = new URL(underTypeScript ? './render-worker-from-source.mjs' : './render-worker.js', here);

let pool: Piscina<RenderTask, Uint8Array> | null = null;

function thePool(): Piscina<RenderTask, Uint8Array> {
  pool ??= new Piscina<RenderTask, Uint8Array>({
    filename: workerFile.href,
    minThreads: 0,
    maxThreads: documentWorkers,
    idleTimeout: 60_000,
    maxQueue: documentWorkers * queuePerWorker,
    execArgv: [],
  });
  return pool;
}

const inProgress = new Map<string, number>();
/** The recent time a render took, in ms, as a moving average: the Retry-After of a refusal. */
let typicalMs = 2000;

/** Who a document is made for: a user's id, or `anonymous` for every visitor of the public pages together. */
export type DocumentCaller = string;

/**
 * Makes a file in the worker pool for a caller, or refuses with 429 when the caller already has
 * `documentsPerCaller` in progress or the pool's queue is full.
 */
export async function renderOffLoop(caller: DocumentCaller, task: RenderTask): Promise<Buffer> {
  const busy = inProgress.get(caller) ?? 0;
  if (busy >= documentsPerCaller) throw new DocumentsBusy(retryAfter());
  inProgress.set(caller, busy + 1);
  const started = performance.now();
  try {
    const bytes = await thePool().run(task);
    typicalMs = typicalMs * 0.7 + (performance.now() - started) * 0.3;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message))
      throw new DocumentsBusy(retryAfter());
    throw error;
  } finally {
    const left = (inProgress.get(caller) ?? 1) - 1;
    if (left > 0) inProgress.set(caller, left);
    else inProgress.delete(caller);
  }
}

function retryAfter(): number {
  return Math.min(60, Math.max(1, Math.ceil(typicalMs / 1000)));
}

/** Stops the pool's threads (at shutdown, and after a test); the next document starts a new pool. */
export async function closeDocumentPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}

/** The caller a use case's documents count against: its user, or every anonymous visitor together. */
export const documentCaller = (ctx: { actor: { id: string } | null }): DocumentCaller =>
  ctx.actor?.id ?? 'anonymous';
