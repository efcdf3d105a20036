import { eq } from 'drizzle-orm';
import { type ContributionDetail, UpdateContributionInput } from '../../shared/contracts/contributions.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { contributions } from './contribution.table.js';
import { readDetail } from './contribution-reads.js';
import {
  assertDepartment,
  assertMayChange,
  assertMayWrite,
  assertSubjectArea,
  auditedContribution,
  lockContribution,
  nextPosition,
  ownerDepartmentIdOf,
} from './contribution-rules.js';
import { contributionWriters } from './create-contribution.js';

/**
 * Changes the fields given, from the version the caller saw. Only who may write the contribution may, and
 * only to an owner they may write for: a department editor cannot hand an item to another department or
 * the region, nor a region contact to a department. A new subject area puts the item last in it.
 */
export async function updateContribution(ctx: Ctx, id: string, raw: unknown): Promise<ContributionDetail> {
  const actx = authorize(ctx, contributionWriters);
  const input = parse(UpdateContributionInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: before, agreement } = await lockContribution(tx, id);
    assertMayChange(actx.actor, agreement.regionId, before.ownerDepartmentId, before.status);
    const ownerDepartmentId = input.owner ? ownerDepartmentIdOf(input.owner) : before.ownerDepartmentId;
    assertMayWrite(actx.actor, agreement.regionId, ownerDepartmentId);
    if (before.version !== input.version) throw stale();
    if (ownerDepartmentId !== before.ownerDepartmentId) await assertDepartment(tx, ownerDepartmentId);
    const subjectAreaId = input.subjectAreaId ?? before.subjectAreaId;
    let position = before.position;
    if (subjectAreaId !== before.subjectAreaId) {
      await assertSubjectArea(tx, agreement.cycleId, subjectAreaId);
      position = await nextPosition(tx, before.agreementId, subjectAreaId);
    }
    const [row] = await tx
      .update(contributions)
      .set({
        subjectAreaId,
        position,
        ownerDepartmentId,
        kind: input.kind ?? before.kind,
        title: input.title ?? before.title,
        description: input.description ?? before.description,
        responsible: input.responsible === undefined ? before.responsible : input.responsible,
        budgetNokPerYear:
          input.budgetNokPerYear === undefined ? before.budgetNokPerYear : input.budgetNokPerYear,
        timeFrame: input.timeFrame === undefined ? before.timeFrame : input.timeFrame,
        indicators: input.indicators ?? before.indicators,
        ...nextVersion(contributions),
      })
      .where(eq(contributions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'contribution.update',
      entityType: 'contribution',
      entityId: id,
      scopes: [cacheScope.cycle(row.cycleId)],
      before: auditedContribution(before),
      after: auditedContribution(row),
    });
    return readDetail(tx, actx.actor, id);
  });
}
