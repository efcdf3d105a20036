import { eq, sql } from 'drizzle-orm';
import { type Population, SetPopulationInput } from '../../shared/contracts/populations.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { municipalityPopulations } from './population.table.js';
import { populationOn } from './population-reads.js';
import { municipalities } from './registry.table.js';

/**
 * Sets a municipality's number of inhabitants on a date, with its source; a count already there for that
 * date is replaced (and its version raised). The municipality's row is locked, so two admins setting the
 * same date one after the other each see the other's count as `before` in the audit trail.
 */
export async function setPopulation(ctx: Ctx, municipalityId: string, raw: unknown): Promise<Population> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(SetPopulationInput, raw);
  assertId(municipalityId);
  return actx.db.transaction(async (tx) => {
    const [municipality] = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.id, municipalityId))
      .for('update');
    if (!municipality) throw notFound();
    const before = await populationOn(tx, municipalityId, input.countedOn);
    await tx
      .insert(municipalityPopulations)
      .values({ municipalityId, ...input })
      .onConflictDoUpdate({
        target: [municipalityPopulations.municipalityId, municipalityPopulations.countedOn],
        set: {
          count: input.count,
          source: input.source,
          version: sql`${municipalityPopulations.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
    const after = await populationOn(tx, municipalityId, input.countedOn);
    if (!after) throw new Error('the count was not written');
    await appendAudit(tx, actx, {
      action: before ? 'population.update' : 'population.create',
      entityType: 'municipality',
      entityId: municipalityId,
      before: before ?? null,
      after,
    });
    return after;
  });
}
