import { eq } from 'drizzle-orm';
import { type CommitmentDetail, CreateCommitmentInput } from '../../shared/contracts/follow-up.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError } from '../platform/errors.js';
import { insertIndicator } from './add-indicator.js';
import { commitments } from './commitment.table.js';
import { checkOwner, checkResponsible, checkSubjectArea } from './commitment-checks.js';
import { loadCommitmentDetail } from './commitment-reads.js';

/**
 * Adds a commitment that was agreed outside the contributions (in a decision, a letter, a meeting), with a
 * reference to where, to an agreement in force. The admin only.
 */
export async function createCommitment(ctx: Ctx, raw: unknown): Promise<CommitmentDetail> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateCommitmentInput, raw);
  return actx.db.transaction(async (tx) => {
    const [agreement] = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.id, input.agreementId))
      .for('share');
    if (!agreement) throw fieldError('agreementId', 'validation.unknownAgreement');
    const states = await politicalStatesOf(tx, { agreementId: agreement.id });
    if (states.get(agreement.id) !== 'in_force') throw conflict('validation.agreementNotInForce');
    await checkSubjectArea(tx, agreement.cycleId, input.subjectAreaId);
    const ownerDepartmentId = await checkOwner(tx, input.owner);
    await checkResponsible(tx, input.responsibleUserId);
    const values = {
      agreementId: agreement.id,
      cycleId: agreement.cycleId,
      subjectAreaId: input.subjectAreaId,
      ownerDepartmentId,
      agreedElsewhere: input.agreedElsewhere,
      title: input.title,
      description: input.description,
      responsibleUserId: input.responsibleUserId,
      responsibleName: input.responsibleName,
      startsOn: input.startsOn ?? agreement.periodFrom,
      endsOn: input.endsOn ?? agreement.periodTo,
      budgetNok: input.budgetNok,
      needsSeparateDecision: input.needsSeparateDecision,
      createdBy: userIdOf(actx.actor),
    };
    if (values.endsOn < values.startsOn) throw fieldError('endsOn', 'validation.endBeforeStart');
    const [made] = await tx.insert(commitments).values(values).returning({ id: commitments.id });
    if (!made) throw new Error('insert returned nothing');
    for (const indicator of input.indicators) await insertIndicator(tx, made.id, indicator);
    await appendAudit(tx, actx, {
      action: 'commitment.create',
      entityType: 'commitment',
      entityId: made.id,
      before: null,
      after: { ...values, indicators: input.indicators },
    });
    return loadCommitmentDetail(tx, actx.actor, made.id);
  });
}
