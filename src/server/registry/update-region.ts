import { eq } from 'drizzle-orm';
import { type Region, UpdateRegionInput } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { regionUnique } from './create-region.js';
import { regionFields, toRegion } from './region.mapper.js';
import { membersOf } from './region-members.js';
import { regions } from './registry.table.js';

/** Renames a region or changes its written standard. Its members change through their own endpoints. */
export async function updateRegion(ctx: Ctx, id: string, raw: unknown): Promise<Region> {
  const actx = authorize(ctx, adminOnly);
  const { version, ...changes } = parse(UpdateRegionInput, raw);
  assertId(id);
  try {
    return await actx.db.transaction(async (tx) => {
      const before = await lockVersioned(tx, regions, id, version);
      const [row] = await tx
        .update(regions)
        .set({ ...changes, ...nextVersion(regions) })
        .where(eq(regions.id, id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      await appendAudit(tx, actx, {
        action: 'region.update',
        entityType: 'region',
        entityId: id,
        before: regionFields(before),
        after: regionFields(row),
      });
      const members = await membersOf(tx, [id]);
      return toRegion(row, members.get(id) ?? []);
    });
  } catch (error) {
    rethrowUnique(error, regionUnique);
  }
}
