import { eq } from 'drizzle-orm';
import { DeleteContributionQuery } from '../../shared/contracts/contributions.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError, stale } from '../platform/errors.js';
import { contributions } from './contribution.table.js';
import { assertMayWrite, auditedContribution, lockContribution } from './contribution-rules.js';
import { contributionWriters } from './create-contribution.js';

/**
 * Deletes a contribution that is still only proposed (a slip, a double). Once it has been discussed it is
 * part of the negotiation's record: it is dropped through its status, with a reason, instead.
 */
export async function deleteContribution(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const actx = authorize(ctx, contributionWriters);
  const query = parse(DeleteContributionQuery, raw);
  await actx.db.transaction(async (tx) => {
    const { row, agreement } = await lockContribution(tx, id);
    assertMayWrite(actx.actor, agreement.regionId, row.ownerDepartmentId);
    if (row.version !== query.version) throw stale();
    if (row.status !== 'proposed') {
      throw new AppError('conflict', [
        { field: 'status', code: 'validation.onlyProposedDeleted', params: {} },
      ]);
    }
    await tx.delete(contributions).where(eq(contributions.id, id));
    await appendAudit(tx, actx, {
      action: 'contribution.delete',
      entityType: 'contribution',
      entityId: id,
      scopes: [cacheScope.cycle(row.cycleId)],
      before: auditedContribution(row),
      after: null,
    });
  });
}
