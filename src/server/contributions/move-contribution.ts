import { and, asc, eq } from 'drizzle-orm';
import { type ContributionDetail, MoveContributionInput } from '../../shared/contracts/contributions.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { contributions } from './contribution.table.js';
import { readDetail } from './contribution-reads.js';
import { assertMayChange, lockContribution } from './contribution-rules.js';
import { contributionWriters } from './create-contribution.js';

/**
 * Moves a contribution one step up or down within its subject area of the agreement, or to a position
 * (beyond the end: last). The subject area's items are numbered 0, 1, 2 … again in the same transaction;
 * only the moved item's version changes, so nobody editing a neighbour is refused for it.
 */
export async function moveContribution(ctx: Ctx, id: string, raw: unknown): Promise<ContributionDetail> {
  const actx = authorize(ctx, contributionWriters);
  const input = parse(MoveContributionInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row, agreement } = await lockContribution(tx, id);
    assertMayChange(actx.actor, agreement.regionId, row.ownerDepartmentId, row.status);
    if (row.version !== input.version) throw stale();
    const siblings = await tx
      .select({ id: contributions.id, position: contributions.position })
      .from(contributions)
      .where(
        and(
          eq(contributions.agreementId, row.agreementId),
          eq(contributions.subjectAreaId, row.subjectAreaId),
        ),
      )
      .orderBy(asc(contributions.position), asc(contributions.createdAt));
    const order = siblings.map((s) => s.id);
    const from = order.indexOf(id);
    const wanted =
      input.direction === 'up' ? from - 1 : input.direction === 'down' ? from + 1 : input.direction;
    const to = Math.max(0, Math.min(order.length - 1, wanted));
    order.splice(from, 1);
    order.splice(to, 0, id);
    for (const [position, siblingId] of order.entries()) {
      const current = siblings.find((s) => s.id === siblingId);
      if (siblingId === id || current?.position === position) continue;
      await tx.update(contributions).set({ position }).where(eq(contributions.id, siblingId));
    }
    if (to !== from || row.position !== to) {
      await tx
        .update(contributions)
        .set({ position: to, ...nextVersion(contributions) })
        .where(eq(contributions.id, id));
      await appendAudit(tx, actx, {
        action: 'contribution.move',
        entityType: 'contribution',
        entityId: id,
        scopes: [cacheScope.cycle(row.cycleId)],
        before: { subjectAreaId: row.subjectAreaId, position: row.position, version: row.version },
        after: { subjectAreaId: row.subjectAreaId, position: to, version: row.version + 1 },
      });
    }
    return readDetail(tx, actx.actor, id);
  });
}
