import { eq, sql } from 'drizzle-orm';
import { type AgreementMilestones, MarkRegionReadyInput } from '../../shared/contracts/milestones.js';
import { agreements } from '../agreements/agreement.table.js';
import { findAgreement } from '../agreements/agreement-reads.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { reloadAgreementMilestones } from './milestone-reads.js';
import { canMarkRegionReady } from './milestone-rules.js';

const markers = ['admin', 'region'] as const;

const audited = (row: typeof agreements.$inferSelect) => ({
  regionReady: row.regionReady,
  regionReadyNote: row.regionReadyNote,
  version: row.version,
});

/**
 * Marks the agreement's region ready or not ready to start, with a note: regions are ready at different
 * times. The coordinator or the region's own contact says so; it is the agreement's change, so it takes
 * the agreement's version.
 */
export async function markRegionReady(
  ctx: Ctx,
  agreementId: string,
  raw: unknown,
): Promise<AgreementMilestones> {
  const actx = authorize(ctx, markers);
  const input = parse(MarkRegionReadyInput, raw);
  return actx.db.transaction(async (tx) => {
    const agreement = await findAgreement(tx, agreementId);
    if (!canMarkRegionReady(actx.actor, agreement)) throw forbidden();
    const before = await lockVersioned(tx, agreements, agreementId, input.version);
    const [after] = await tx
      .update(agreements)
      .set({
        regionReady: input.ready,
        regionReadyNote: input.note,
        regionReadyMarkedBy: userIdOf(actx.actor),
        regionReadyMarkedAt: sql`now()`,
        ...nextVersion(agreements),
      })
      .where(eq(agreements.id, agreementId))
      .returning();
    if (!after) throw notFound();
    await appendAudit(tx, actx, {
      action: 'agreement.markRegionReady',
      entityType: 'agreement',
      entityId: agreementId,
      scopes: [cacheScope.cycle(agreement.cycleId)],
      before: audited(before),
      after: audited(after),
    });
    return reloadAgreementMilestones(tx, agreementId, actx.actor);
  });
}
