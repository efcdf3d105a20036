import { and, eq, sql } from 'drizzle-orm';
import { type Agreement, MarkSubjectAreaInput } from '../../shared/contracts/agreements.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { Tx } from '../db/client.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { agreementSubjectAreas, subjectAreas } from './agreement.table.js';
import { type AgreementRow, findAgreement, loadAgreement } from './agreement-reads.js';

const markers = ['admin', 'region'] as const;

/** Only the region's own contact (or the admin) says which subject areas the region wants. */
function assertOwnRegion(actor: Actor, agreement: AgreementRow): void {
  if (actor.role === 'region' && actor.regionId !== agreement.regionId) throw forbidden();
}

/** The agreement (share-locked) and the subject area of its cycle (share-locked against a delete), or 404. */
async function lockPair(tx: Tx, actor: Actor, agreementId: string, subjectAreaId: string) {
  const agreement = await findAgreement(tx, agreementId, 'share');
  assertOwnRegion(actor, agreement);
  assertId(subjectAreaId);
  const [area] = await tx
    .select({ id: subjectAreas.id })
    .from(subjectAreas)
    .where(and(eq(subjectAreas.id, subjectAreaId), eq(subjectAreas.cycleId, agreement.cycleId)))
    .for('share');
  if (!area) throw notFound();
  return agreement;
}

const markKey = (agreementId: string, subjectAreaId: string) =>
  and(
    eq(agreementSubjectAreas.agreementId, agreementId),
    eq(agreementSubjectAreas.subjectAreaId, subjectAreaId),
  );

/**
 * Marks a subject area as wanted by the agreement's region, with a short justification; marking it again
 * replaces the justification (and who marked it, and when).
 */
export async function markSubjectArea(
  ctx: Ctx,
  agreementId: string,
  subjectAreaId: string,
  raw: unknown,
): Promise<Agreement> {
  const actx = authorize(ctx, markers);
  const input = parse(MarkSubjectAreaInput, raw);
  return actx.db.transaction(async (tx) => {
    const agreement = await lockPair(tx, actx.actor, agreementId, subjectAreaId);
    const [before] = await tx
      .select()
      .from(agreementSubjectAreas)
      .where(markKey(agreementId, subjectAreaId))
      .for('update');
    const values = { justification: input.justification, markedBy: userIdOf(actx.actor) };
    const [after] = await tx
      .insert(agreementSubjectAreas)
      .values({ agreementId, subjectAreaId, ...values })
      .onConflictDoUpdate({
        target: [agreementSubjectAreas.agreementId, agreementSubjectAreas.subjectAreaId],
        set: { ...values, markedAt: sql`now()` },
      })
      .returning();
    await appendAudit(tx, actx, {
      action: 'agreement.markSubjectArea',
      scopes: [cacheScope.cycle(agreement.cycleId)],
      entityType: 'agreement',
      entityId: agreementId,
      before: before ? { subjectAreaId, justification: before.justification } : null,
      after: { subjectAreaId, justification: after?.justification ?? input.justification },
    });
    return loadAgreement(tx, agreementId);
  });
}

/** Takes a wanted subject area off the agreement; 404 when it was not marked. */
export async function unmarkSubjectArea(ctx: Ctx, agreementId: string, subjectAreaId: string): Promise<void> {
  const actx = authorize(ctx, markers);
  await actx.db.transaction(async (tx) => {
    const agreement = await lockPair(tx, actx.actor, agreementId, subjectAreaId);
    const [before] = await tx
      .delete(agreementSubjectAreas)
      .where(markKey(agreementId, subjectAreaId))
      .returning();
    if (!before) throw notFound();
    await appendAudit(tx, actx, {
      action: 'agreement.unmarkSubjectArea',
      scopes: [cacheScope.cycle(agreement.cycleId)],
      entityType: 'agreement',
      entityId: agreementId,
      before: { subjectAreaId, justification: before.justification },
      after: null,
    });
  });
}
