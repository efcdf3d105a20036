import { and, eq, ne } from 'drizzle-orm';
import type { CopyTarget } from '../../shared/contracts/contributions.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { regions } from '../registry/registry.table.js';
import { contributions } from './contribution.table.js';
import { mayWrite } from './contribution-rules.js';

export type CopySource = typeof contributions.$inferSelect & { regionId: string; regionName: string };

/**
 * The contribution to copy, with its agreement's region, refused unless the caller may write it (the
 * admin, or the editor of its department). Only a department's item is copied: a region's own wishes and
 * commitments are that region's, and another region's would be its own to make.
 */
export async function readCopySource(db: Db | Tx, actor: Actor, id: string): Promise<CopySource> {
  assertId(id);
  const [found] = await db
    .select({ row: contributions, regionId: agreements.regionId, regionName: regions.name })
    .from(contributions)
    .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(contributions.id, id));
  if (!found) throw notFound();
  if (!mayWrite(actor, found.regionId, found.row.ownerDepartmentId)) throw forbidden();
  if (found.row.ownerDepartmentId === null) throw conflict('validation.copyRegionOwned');
  return { ...found.row, regionId: found.regionId, regionName: found.regionName };
}

/**
 * Every region but the source's own, by name, with its agreement in the source's cycle and why a copy
 * cannot go there: no agreement, or one in force (whose contributions change only through a new version
 * and a new decision, as `lockAgreement` holds for every new contribution).
 */
export async function copyTargetsOf(db: Db | Tx, source: CopySource): Promise<CopyTarget[]> {
  const rows = await db
    .select({ regionId: regions.id, regionName: regions.name, agreementId: agreements.id })
    .from(regions)
    .leftJoin(agreements, and(eq(agreements.regionId, regions.id), eq(agreements.cycleId, source.cycleId)))
    .where(ne(regions.id, source.regionId));
  const states = await politicalStatesOf(db, { cycleId: source.cycleId });
  rows.sort((a, b) => a.regionName.localeCompare(b.regionName, 'nb'));
  return rows.map((r) => ({
    region: { id: r.regionId, name: r.regionName },
    agreementId: r.agreementId,
    blocked:
      r.agreementId === null ? 'noAgreement' : states.get(r.agreementId) === 'in_force' ? 'inForce' : null,
  }));
}
