import { type AuditCtx, appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { Tx } from '../db/client.js';
import { userIdOf } from '../platform/context.js';
import { contributionStatusChanges, contributions } from './contribution.table.js';
import { auditedContribution, nextPosition } from './contribution-rules.js';

/** What a new contribution is made of; its status, place, author and history come from `insertProposed`. */
export type NewContribution = Pick<
  typeof contributions.$inferInsert,
  | 'agreementId'
  | 'cycleId'
  | 'subjectAreaId'
  | 'kind'
  | 'ownerDepartmentId'
  | 'title'
  | 'description'
  | 'responsible'
  | 'budgetNokPerYear'
  | 'timeFrame'
  | 'indicators'
> & { agreementId: string; subjectAreaId: string };

/**
 * Writes a new contribution as proposed, last in its subject area, with its first history entry (none →
 * proposed, for `reason`) and its audit event (`contribution.create`, with `auditExtra` beside the row), in
 * the caller's transaction. Adding one and copying one to other regions make it the same way.
 */
export async function insertProposed(
  tx: Tx,
  actx: AuditCtx,
  values: NewContribution,
  reason: string,
  auditExtra: Record<string, unknown> = {},
) {
  const [row] = await tx
    .insert(contributions)
    .values({
      ...values,
      status: 'proposed',
      position: await nextPosition(tx, values.agreementId, values.subjectAreaId),
      createdBy: userIdOf(actx.actor),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(contributionStatusChanges).values({
    contributionId: row.id,
    fromStatus: null,
    toStatus: 'proposed',
    reason,
    changedBy: userIdOf(actx.actor),
  });
  await appendAudit(tx, actx, {
    action: 'contribution.create',
    entityType: 'contribution',
    entityId: row.id,
    scopes: [cacheScope.cycle(row.cycleId)],
    before: null,
    after: { ...auditedContribution(row), ...auditExtra },
  });
  return row;
}
