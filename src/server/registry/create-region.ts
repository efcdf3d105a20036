import { CreateRegionInput, type Region } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { regionFields, toRegion } from './region.mapper.js';
import { regions } from './registry.table.js';

export const regionUnique = {
  regions_name_unique: ['name', 'validation.nameTaken'],
} satisfies Record<string, [string, string]>;

/** A new region starts without members; they are added with their dates one by one. */
export async function createRegion(ctx: Ctx, raw: unknown): Promise<Region> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateRegionInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const [row] = await tx.insert(regions).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      await appendAudit(tx, actx, {
        action: 'region.create',
        entityType: 'region',
        entityId: row.id,
        before: null,
        after: regionFields(row),
      });
      return toRegion(row, []);
    });
  } catch (error) {
    rethrowUnique(error, regionUnique);
  }
}
