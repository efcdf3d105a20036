import { eq } from 'drizzle-orm';
import { type County, UpdateCountyInput } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { toCounty } from './county.mapper.js';
import { county } from './registry.table.js';

/** The county row has the fixed key 'county' (a CHECK constraint keeps it single). */
const countyId = 'county';

export async function updateCounty(ctx: Ctx, raw: unknown): Promise<County> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(UpdateCountyInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, county, countyId, input.version);
    const [row] = await tx
      .update(county)
      .set({ name: input.name, number: input.number, ...nextVersion(county) })
      .where(eq(county.id, countyId))
      .returning();
    if (!row) throw new Error('update returned nothing');
    const after = toCounty(row);
    await appendAudit(tx, actx, {
      action: 'county.update',
      entityType: 'county',
      entityId: countyId,
      before: toCounty(before),
      after,
    });
    return after;
  });
}
