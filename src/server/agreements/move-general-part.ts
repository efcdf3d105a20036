import { eq } from 'drizzle-orm';
import { type Agreement, MoveGeneralPartInput } from '../../shared/contracts/agreements.js';
import { appendAudit } from '../audit/append-audit.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { agreementGeneralPartMoves, agreements } from './agreement.table.js';
import { auditedAgreement, loadAgreement } from './agreement-reads.js';

/**
 * Moves an agreement's pin to a newer general part version of its cycle that has been approved (the
 * current one, or one approved since the pin and superseded already), with the reason recorded in the
 * agreement's history. An older or the same version, or one never approved, is refused.
 */
export async function moveGeneralPart(ctx: Ctx, id: string, raw: unknown): Promise<Agreement> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(MoveGeneralPartInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, agreements, id, input.version);
    // Share-locked so an approval in flight settles first and the state read here holds until commit.
    const [target] = await tx
      .select()
      .from(generalPartVersions)
      .where(eq(generalPartVersions.id, input.versionId))
      .for('share');
    if (!target || target.cycleId !== before.cycleId) {
      throw fieldError('versionId', 'validation.versionNotInCycle');
    }
    if (target.state !== 'approved' && target.state !== 'superseded') {
      throw conflict('validation.generalPartNotApproved');
    }
    const [from] = await tx
      .select({ number: generalPartVersions.number })
      .from(generalPartVersions)
      .where(eq(generalPartVersions.id, before.generalPartVersionId));
    if (!from || target.number <= from.number) throw conflict('validation.generalPartNotNewer');

    await tx.insert(agreementGeneralPartMoves).values({
      agreementId: id,
      fromVersionId: before.generalPartVersionId,
      toVersionId: target.id,
      reason: input.reason,
      movedBy: userIdOf(actx.actor),
    });
    const [after] = await tx
      .update(agreements)
      .set({ generalPartVersionId: target.id, ...nextVersion(agreements) })
      .where(eq(agreements.id, id))
      .returning();
    if (!after) throw notFound();
    await appendAudit(tx, actx, {
      action: 'agreement.moveGeneralPart',
      entityType: 'agreement',
      entityId: id,
      before: auditedAgreement(before),
      after: { ...auditedAgreement(after), reason: input.reason },
    });
    return loadAgreement(tx, id);
  });
}
