import { serverVersion } from '../db/client.js';
import type { Ctx } from '../platform/context.js';

export async function checkHealth(ctx: Ctx, engine: 'pglite' | 'postgresql') {
  try {
    const version = await serverVersion(ctx.db);
    return { status: 'ok' as const, database: { reachable: true, engine, version } };
  } catch {
    return { status: 'unavailable' as const, database: { reachable: false, engine, version: 'unknown' } };
  }
}
