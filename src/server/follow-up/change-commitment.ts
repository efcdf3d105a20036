import { eq } from 'drizzle-orm';
import { ChangeCommitmentInput, type CommitmentDetail } from '../../shared/contracts/follow-up.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { commitmentChanges, commitments } from './commitment.table.js';
import { checkOwner, checkResponsible, checkSubjectArea } from './commitment-checks.js';
import { loadCommitmentDetail } from './commitment-reads.js';
import { lockCommitment } from './commitment-rules.js';

const fields = [
  'subjectAreaId',
  'ownerDepartmentId',
  'title',
  'description',
  'responsibleUserId',
  'responsibleName',
  'startsOn',
  'endsOn',
  'budgetNok',
  'needsSeparateDecision',
  'state',
] as const;
type Field = (typeof fields)[number];

/**
 * Changes a commitment's substance after its agreement came into force: the fields given, with the reason
 * and the decision it rests on, kept as a change with the fields before and after. The admin only; a
 * change that changes nothing is refused.
 */
export async function changeCommitment(ctx: Ctx, id: string, raw: unknown): Promise<CommitmentDetail> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(ChangeCommitmentInput, raw);
  return actx.db.transaction(async (tx) => {
    const { commitment } = await lockCommitment(tx, id);
    if (commitment.version !== input.version) throw stale();
    if (input.subjectAreaId !== undefined)
      await checkSubjectArea(tx, commitment.cycleId, input.subjectAreaId);
    const ownerDepartmentId =
      input.owner === undefined ? commitment.ownerDepartmentId : await checkOwner(tx, input.owner);
    if (input.responsibleUserId !== undefined) await checkResponsible(tx, input.responsibleUserId);
    const next: Record<Field, unknown> = {
      subjectAreaId: input.subjectAreaId ?? commitment.subjectAreaId,
      ownerDepartmentId,
      title: input.title ?? commitment.title,
      description: input.description === undefined ? commitment.description : (input.description ?? ''),
      responsibleUserId:
        input.responsibleUserId === undefined ? commitment.responsibleUserId : input.responsibleUserId,
      responsibleName:
        input.responsibleName === undefined ? commitment.responsibleName : input.responsibleName,
      startsOn: input.startsOn === undefined ? commitment.startsOn : input.startsOn,
      endsOn: input.endsOn === undefined ? commitment.endsOn : input.endsOn,
      budgetNok: input.budgetNok === undefined ? commitment.budgetNok : input.budgetNok,
      needsSeparateDecision: input.needsSeparateDecision ?? commitment.needsSeparateDecision,
      state: input.state ?? commitment.state,
    };
    const startsOn = next.startsOn as string | null;
    const endsOn = next.endsOn as string | null;
    if (startsOn && endsOn && endsOn < startsOn) throw fieldError('endsOn', 'validation.endBeforeStart');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of fields) {
      if (next[field] !== commitment[field]) {
        before[field] = commitment[field];
        after[field] = next[field];
      }
    }
    if (Object.keys(after).length === 0) throw conflict('validation.nothingChanged');
    await tx
      .update(commitments)
      .set({ ...(after as Partial<typeof commitments.$inferInsert>), ...nextVersion(commitments) })
      .where(eq(commitments.id, id));
    await tx.insert(commitmentChanges).values({
      commitmentId: id,
      reason: input.reason,
      decisionReference: input.decisionReference,
      before,
      after,
      changedBy: userIdOf(actx.actor),
    });
    await appendAudit(tx, actx, {
      action: 'commitment.change',
      entityType: 'commitment',
      entityId: id,
      before,
      after: { ...after, reason: input.reason, decisionReference: input.decisionReference },
    });
    return loadCommitmentDetail(tx, actx.actor, id);
  });
}
