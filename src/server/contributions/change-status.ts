import { eq } from 'drizzle-orm';
import { ChangeStatusInput, type ContributionDetail } from '../../shared/contracts/contributions.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { fieldError, forbidden, stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { contributionStatusChanges, contributions } from './contribution.table.js';
import { readDetail } from './contribution-reads.js';
import {
  assertMayWrite,
  auditedContribution,
  lockContribution,
  statusChoices,
} from './contribution-rules.js';
import { contributionWriters } from './create-contribution.js';

/**
 * Moves a contribution's negotiation status (any status to any other: talks go back and forth), always
 * with a reason, which the dated history keeps with who changed it. Only the coordinator records an item
 * as agreed or moves it out of agreed (see `statusChoices`).
 */
export async function changeStatus(ctx: Ctx, id: string, raw: unknown): Promise<ContributionDetail> {
  const actx = authorize(ctx, contributionWriters);
  const input = parse(ChangeStatusInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: before, agreement } = await lockContribution(tx, id);
    assertMayWrite(actx.actor, agreement.regionId, before.ownerDepartmentId);
    if (before.version !== input.version) throw stale();
    if (before.status === input.status) throw fieldError('status', 'validation.statusUnchanged');
    // Agreeing, and changing what was agreed, is the coordinator's: the owner's choices leave it out.
    if (
      !statusChoices(actx.actor, agreement.regionId, before.ownerDepartmentId, before.status).includes(
        input.status,
      )
    )
      throw forbidden();
    const [row] = await tx
      .update(contributions)
      .set({ status: input.status, ...nextVersion(contributions) })
      .where(eq(contributions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await tx.insert(contributionStatusChanges).values({
      contributionId: id,
      fromStatus: before.status,
      toStatus: input.status,
      reason: input.reason,
      changedBy: userIdOf(actx.actor),
    });
    await appendAudit(tx, actx, {
      action: 'contribution.changeStatus',
      entityType: 'contribution',
      entityId: id,
      scopes: [cacheScope.cycle(row.cycleId)],
      before: auditedContribution(before),
      after: { ...auditedContribution(row), reason: input.reason },
    });
    return readDetail(tx, actx.actor, id);
  });
}
