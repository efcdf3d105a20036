import type { Locale, Role } from '../../shared/contracts/common.js';
import { type ContributionDetail, CreateContributionInput } from '../../shared/contracts/contributions.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { readDetail } from './contribution-reads.js';
import {
  assertDepartment,
  assertMayWrite,
  assertSubjectArea,
  lockAgreement,
  ownerDepartmentIdOf,
} from './contribution-rules.js';
import { insertProposed } from './insert-proposed.js';

export const contributionWriters: readonly Role[] = ['admin', 'department', 'region'];

/** The first history entry's reason when the creator gives none, in the creator's language. */
const createdReason: Record<Locale, string> = { nb: 'Opprettet', nn: 'Oppretta', en: 'Created' };

/**
 * Adds a contribution to an agreement, last in its subject area, as proposed. A department editor adds
 * only their own department's, in any region's agreement; a region contact only the region's own, in
 * their own agreement; the admin any. The first status history entry (none → proposed) is written with it.
 */
export async function createContribution(
  ctx: Ctx,
  agreementId: string,
  raw: unknown,
): Promise<ContributionDetail> {
  const actx = authorize(ctx, contributionWriters);
  assertId(agreementId);
  const input = parse(CreateContributionInput, raw);
  const ownerDepartmentId = ownerDepartmentIdOf(input.owner);
  return actx.db.transaction(async (tx) => {
    const agreement = await lockAgreement(tx, agreementId);
    assertMayWrite(actx.actor, agreement.regionId, ownerDepartmentId);
    await assertSubjectArea(tx, agreement.cycleId, input.subjectAreaId);
    await assertDepartment(tx, ownerDepartmentId);
    const row = await insertProposed(
      tx,
      actx,
      {
        agreementId,
        cycleId: agreement.cycleId,
        subjectAreaId: input.subjectAreaId,
        kind: input.kind,
        ownerDepartmentId,
        title: input.title,
        description: input.description,
        responsible: input.responsible,
        budgetNokPerYear: input.budgetNokPerYear,
        timeFrame: input.timeFrame,
        indicators: input.indicators,
      },
      input.note ?? createdReason[actx.actor.locale],
    );
    return readDetail(tx, actx.actor, row.id);
  });
}
