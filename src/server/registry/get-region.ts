import { eq } from 'drizzle-orm';
import type { Region } from '../../shared/contracts/registry.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { toRegion } from './region.mapper.js';
import { membersOf, regionColumns } from './region-members.js';
import { regions } from './registry.table.js';

/** One region with its members, kept per process while no write happened since (platform/read-cache.ts). */
const regionsById = createReadCache<Region>({ maxEntries: 256 });

export async function getRegion(ctx: Ctx, id: string): Promise<Region> {
  authorize(ctx, everyone);
  assertId(id);
  return regionsById.read(ctx, [cacheScope.registry], id, async (reader) => {
    const [row] = await reader.select(regionColumns).from(regions).where(eq(regions.id, id));
    if (!row) throw notFound();
    const members = await membersOf(reader, [id]);
    return toRegion(row, members.get(id) ?? []);
  });
}
