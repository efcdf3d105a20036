import { and, eq, isNull } from 'drizzle-orm';
import {
  type AgreementAdoption,
  RecordAdoptionInput,
  ResolveDivergenceInput,
} from '../../shared/contracts/adoption.js';
import type { Role } from '../../shared/contracts/common.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { bodyMeetings, politicalBodies } from '../bodies/body.table.js';
import { createCommitmentsInForce } from '../follow-up/commitments-in-force.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, forbidden, notFound, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { membersOf } from '../registry/region-members.js';
import { specialPartVersions } from '../special-part/special-part.table.js';
import { agreementDivergences, municipalAdoptions } from './adoption.table.js';
import { loadAdoption, mayRecordFor } from './adoption-reads.js';
import { completePoliticalMilestones } from './complete-political-milestones.js';
import { requiredMunicipalities } from './in-force.js';

/** Who records municipal decisions: the coordinator for every region, a region contact for its own. */
export const adoptionRecorders: readonly Role[] = ['admin', 'region'];

/**
 * Records (or corrects) one member municipality's council decision on an agreement. Only a municipality
 * inside the county that was a member of the region on the agreement's start date; a council meeting from
 * that council's plan, and a decision not dated before it. Adopted with a change marks the agreement
 * diverged until the coordinator resolves it; a corrected decision replaces the open change it made.
 */
export async function recordAdoption(
  ctx: Ctx,
  agreementId: string,
  municipalityId: string,
  raw: unknown,
): Promise<AgreementAdoption> {
  const actx = authorize(ctx, adoptionRecorders);
  const input = parse(RecordAdoptionInput, raw);
  assertId(agreementId);
  assertId(municipalityId);
  return actx.db.transaction(async (tx) => {
    const [agreement] = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.id, agreementId))
      .for('update');
    if (!agreement) throw notFound();
    if (!mayRecordFor(actx.actor, agreement.regionId)) throw forbidden();
    const members = (await membersOf(tx, [agreement.regionId])).get(agreement.regionId) ?? [];
    if (!requiredMunicipalities(agreement.periodFrom, members).includes(municipalityId)) {
      throw fieldError('municipalityId', 'validation.notMemberOnStart');
    }
    if (input.bodyMeetingId) {
      const [meeting] = await tx
        .select({ date: bodyMeetings.date })
        .from(bodyMeetings)
        .innerJoin(politicalBodies, eq(politicalBodies.id, bodyMeetings.bodyId))
        .where(
          and(eq(bodyMeetings.id, input.bodyMeetingId), eq(politicalBodies.municipalityId, municipalityId)),
        );
      if (!meeting) throw fieldError('bodyMeetingId', 'validation.unknownBodyMeeting');
      if (input.decidedOn < meeting.date) throw fieldError('decidedOn', 'validation.decisionBeforeMeeting');
    }
    const [existing] = await tx
      .select()
      .from(municipalAdoptions)
      .where(
        and(
          eq(municipalAdoptions.agreementId, agreementId),
          eq(municipalAdoptions.municipalityId, municipalityId),
        ),
      )
      .for('update');
    if (existing && existing.version !== input.version) throw stale();
    const values = {
      bodyMeetingId: input.bodyMeetingId,
      decidedOn: input.decidedOn,
      caseReference: input.caseReference,
      recordUrl: input.recordUrl,
      outcome: input.outcome,
      changedText: input.outcome === 'adopted_with_changes' ? input.changedText : null,
      recordedBy: userIdOf(actx.actor),
    };
    let adoptionId: string;
    if (existing) {
      await tx
        .update(municipalAdoptions)
        .set({ ...values, ...nextVersion(municipalAdoptions) })
        .where(eq(municipalAdoptions.id, existing.id));
      await tx
        .delete(agreementDivergences)
        .where(
          and(eq(agreementDivergences.adoptionId, existing.id), isNull(agreementDivergences.resolution)),
        );
      adoptionId = existing.id;
    } else {
      const [made] = await tx
        .insert(municipalAdoptions)
        .values({ agreementId, municipalityId, ...values })
        .returning({ id: municipalAdoptions.id });
      if (!made) throw new Error('insert returned nothing');
      adoptionId = made.id;
    }
    if (input.outcome === 'adopted_with_changes') {
      await tx
        .insert(agreementDivergences)
        .values({ agreementId, adoptionId, changedText: input.changedText as string });
    }
    await appendAudit(tx, actx, {
      action: existing ? 'adoption.update' : 'adoption.create',
      entityType: 'adoption',
      entityId: adoptionId,
      before: existing ?? null,
      after: { agreementId, municipalityId, ...values },
    });
    await completePoliticalMilestones(tx, actx, agreementId, input.decidedOn);
    await createCommitmentsInForce(tx, actx, agreementId);
    return loadAdoption(tx, actx.actor, agreementId);
  });
}

/**
 * Resolves a change a body made: accepted into a new version (an agreed special part version or an approved
 * general part version made after the change), or the agreement sent back to negotiation, with a note.
 */
export async function resolveDivergence(ctx: Ctx, id: string, raw: unknown): Promise<AgreementAdoption> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(ResolveDivergenceInput, raw);
  assertId(id);
  return actx.db.transaction(async (tx) => {
    const [divergence] = await tx
      .select()
      .from(agreementDivergences)
      .where(eq(agreementDivergences.id, id))
      .for('update');
    if (!divergence) throw notFound();
    if (divergence.resolution !== null) throw conflict('validation.divergenceResolved');
    const [agreement] = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.id, divergence.agreementId))
      .for('update');
    if (!agreement) throw notFound();
    if (input.resolution === 'renegotiate' && !input.note) throw fieldError('note', 'validation.required');
    if (input.resolution === 'accepted' && input.specialPartVersionId) {
      const [version] = await tx
        .select()
        .from(specialPartVersions)
        .where(
          and(
            eq(specialPartVersions.id, input.specialPartVersionId),
            eq(specialPartVersions.agreementId, agreement.id),
          ),
        );
      if (
        !version ||
        version.state !== 'agreed' ||
        !version.agreedAt ||
        version.agreedAt <= divergence.createdAt
      ) {
        throw fieldError('specialPartVersionId', 'validation.versionNotNewer');
      }
    }
    if (input.resolution === 'accepted' && input.generalPartVersionId) {
      const [version] = await tx
        .select()
        .from(generalPartVersions)
        .where(
          and(
            eq(generalPartVersions.id, input.generalPartVersionId),
            eq(generalPartVersions.cycleId, agreement.cycleId),
          ),
        );
      if (
        !version ||
        version.state !== 'approved' ||
        !version.approvalRecordedAt ||
        version.approvalRecordedAt <= divergence.createdAt
      ) {
        throw fieldError('generalPartVersionId', 'validation.versionNotNewer');
      }
    }
    const [after] = await tx
      .update(agreementDivergences)
      .set({
        resolution: input.resolution,
        specialPartVersionId: input.resolution === 'accepted' ? input.specialPartVersionId : null,
        generalPartVersionId: input.resolution === 'accepted' ? input.generalPartVersionId : null,
        resolutionNote: input.note,
        resolvedBy: userIdOf(actx.actor),
        resolvedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(agreementDivergences.id, id))
      .returning();
    await appendAudit(tx, actx, {
      action: 'divergence.resolve',
      entityType: 'divergence',
      entityId: id,
      before: divergence,
      after,
    });
    const today = (await databaseNow(tx)).toISOString().slice(0, 10);
    await completePoliticalMilestones(tx, actx, agreement.id, today);
    await createCommitmentsInForce(tx, actx, agreement.id);
    return loadAdoption(tx, actx.actor, agreement.id);
  });
}
