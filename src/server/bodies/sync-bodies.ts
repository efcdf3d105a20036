import { eq, sql } from 'drizzle-orm';
import type { BodySyncResult } from '../../shared/contracts/bodies.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { municipalities, regions } from '../registry/registry.table.js';
import { politicalBodies } from './body.table.js';

/**
 * A region is often registered by its council's name ("Indre Østfold regionråd", "Samarbeidsrådet for
 * Nedre Romerike"): that is the body's name; otherwise it is "Regionrådet for" the region.
 */
export const regionalCouncilName = (region: string) =>
  /råd\b|råd$|rådet/i.test(region) ? region : `Regionrådet for ${region}`;

/**
 * Makes the political bodies the registry calls for and that are missing: the executive board and the
 * county council, a regional council for each region, and a council for each municipality inside the county
 * (also one that has since merged or moved: its council adopted agreements of its time). Bodies already there are left as they are (with their plans), so it is safe to run
 * again after the registry changed; each body made is audited.
 */
export async function syncBodies(ctx: Ctx): Promise<BodySyncResult> {
  const actx = authorize(ctx, adminOnly);
  return actx.db.transaction(async (tx) => {
    // One sync at a time: two at once would both find a body missing.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('political_bodies.sync'))`);
    const existing = await tx.select().from(politicalBodies);
    const has = new Set(existing.map((b) => b.regionId ?? b.municipalityId ?? b.kind));
    const wanted: (typeof politicalBodies.$inferInsert)[] = [];
    if (!has.has('executive_board')) wanted.push({ kind: 'executive_board', name: 'Fylkesrådet' });
    if (!has.has('county_council')) wanted.push({ kind: 'county_council', name: 'Fylkestinget' });
    for (const r of await tx
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .orderBy(regions.name)) {
      if (!has.has(r.id))
        wanted.push({ kind: 'regional_council', name: regionalCouncilName(r.name), regionId: r.id });
    }
    const inside = await tx
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.outsideCounty, false))
      .orderBy(municipalities.number);
    for (const m of inside) {
      if (!has.has(m.id)) {
        wanted.push({ kind: 'municipal_council', name: `Kommunestyret i ${m.name}`, municipalityId: m.id });
      }
    }
    if (wanted.length > 0) {
      const made = await tx.insert(politicalBodies).values(wanted).returning();
      for (const body of made) {
        await appendAudit(tx, actx, {
          action: 'politicalBody.create',
          entityType: 'politicalBody',
          entityId: body.id,
          before: null,
          after: {
            kind: body.kind,
            name: body.name,
            regionId: body.regionId,
            municipalityId: body.municipalityId,
          },
        });
      }
    }
    return { created: wanted.length, existing: existing.length };
  });
}
