import { sql } from 'drizzle-orm';
import { type Db, serverVersion } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import type { Lifecycle } from './lifecycle.js';

export async function checkHealth(ctx: Ctx, engine: 'pglite' | 'postgresql') {
  try {
    const version = await serverVersion(ctx.db);
    return { status: 'ok' as const, database: { reachable: true, engine, version } };
  } catch {
    return { status: 'unavailable' as const, database: { reachable: false, engine, version: 'unknown' } };
  }
}

/**
 * A database that has not answered within this counts as not answering: a query stuck behind a lost
 * connection or a full pool would otherwise hold the check until the load balancer's own timeout.
 */
const databaseAnswerMs = 2_000;

/**
 * Whether this process should get requests: only while it runs (not while starting or stopping) and its
 * database answers. The phase is read again after the query, since shutdown may have begun meanwhile.
 */
export async function checkReadiness(
  ctx: Ctx,
  lifecycle: Lifecycle,
): Promise<{ status: 'ready' | 'starting' | 'stopping' | 'unavailable' }> {
  if (lifecycle.phase !== 'running') return { status: lifecycle.phase };
  const answers = await databaseAnswers(ctx.db);
  if (lifecycle.phase !== 'running') return { status: lifecycle.phase };
  return { status: answers ? 'ready' : 'unavailable' };
}

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), databaseAnswerMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, late]);
  } finally {
    clearTimeout(timer);
  }
}
