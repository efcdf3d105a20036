import { and, eq } from 'drizzle-orm';
import { type PoliticalCase, RecordDecisionInput } from '../../shared/contracts/cases.js';
import { agreementDivergences } from '../adoption/adoption.table.js';
import { completePoliticalMilestones } from '../adoption/complete-political-milestones.js';
import { appendAudit } from '../audit/append-audit.js';
import { bodyMeetings } from '../bodies/body.table.js';
import { createCommitmentsInForce } from '../follow-up/commitments-in-force.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, notFound, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { caseAgreements, caseTreatments, politicalCases } from './case.table.js';
import { loadCase } from './case-reads.js';

/**
 * Records a body's treatment of a case at its meeting: the outcome, the decision text apart from the
 * recommendation, its date (never before the meeting) and the vote. Adopted with changes marks every
 * agreement of the case diverged until the coordinator resolves it. Postponed moves the case to a later
 * meeting of the same body, keeping everything else, so it can be decided there. A body taking a case for
 * information can only take it for information (or postpone it); a body that decides cannot.
 */
export async function recordDecision(
  ctx: Ctx,
  caseId: string,
  treatmentId: string,
  raw: unknown,
): Promise<PoliticalCase> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(RecordDecisionInput, raw);
  assertId(caseId);
  assertId(treatmentId);
  return actx.db.transaction(async (tx) => {
    await tx
      .select({ id: politicalCases.id })
      .from(politicalCases)
      .where(eq(politicalCases.id, caseId))
      .for('update');
    const [row] = await tx
      .select()
      .from(caseTreatments)
      .where(and(eq(caseTreatments.id, treatmentId), eq(caseTreatments.caseId, caseId)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== input.version) throw stale();
    if (row.outcome !== null && row.outcome !== 'postponed') throw conflict('validation.alreadyDecided');
    if (!row.bodyMeetingId) throw conflict('validation.treatmentHasNoMeeting');
    const [meeting] = await tx.select().from(bodyMeetings).where(eq(bodyMeetings.id, row.bodyMeetingId));
    if (!meeting) throw conflict('validation.treatmentHasNoMeeting');
    const forInformation = row.role === 'information';
    if (input.outcome !== 'postponed' && forInformation !== (input.outcome === 'information')) {
      throw fieldError('outcome', 'validation.outcomeForRole');
    }
    if (input.decidedOn < meeting.date) throw fieldError('decidedOn', 'validation.decisionBeforeMeeting');
    let meetingId = row.bodyMeetingId;
    if (input.outcome === 'postponed') {
      const [later] = await tx
        .select()
        .from(bodyMeetings)
        .where(
          and(eq(bodyMeetings.id, input.postponedToMeetingId as string), eq(bodyMeetings.bodyId, row.bodyId)),
        );
      if (!later || later.date <= meeting.date)
        throw fieldError('postponedToMeetingId', 'validation.postponeLater');
      meetingId = later.id;
    }
    const before = await loadCase(tx, caseId);
    await tx
      .update(caseTreatments)
      .set({
        outcome: input.outcome,
        decisionText: input.decisionText,
        changedText: input.outcome === 'adopted_with_changes' ? input.changedText : null,
        decidedOn: input.decidedOn,
        bodyMeetingId: meetingId,
        unanimous: input.unanimous,
        votesFor: input.unanimous ? null : input.votesFor,
        votesAgainst: input.unanimous ? null : (input.votesAgainst ?? 0),
        votesBlank: input.unanimous ? null : (input.votesBlank ?? 0),
        decidedBy: userIdOf(actx.actor),
        decidedAt: new Date(),
        ...nextVersion(caseTreatments),
      })
      .where(eq(caseTreatments.id, treatmentId));
    if (input.outcome === 'adopted_with_changes') {
      const members = await tx
        .select({ agreementId: caseAgreements.agreementId })
        .from(caseAgreements)
        .where(eq(caseAgreements.caseId, caseId));
      await tx.insert(agreementDivergences).values(
        members.map((m) => ({
          agreementId: m.agreementId,
          treatmentId,
          changedText: input.changedText as string,
        })),
      );
    }
    await tx.update(politicalCases).set(nextVersion(politicalCases)).where(eq(politicalCases.id, caseId));
    const after = await loadCase(tx, caseId);
    await appendAudit(tx, actx, {
      action: 'caseTreatment.decide',
      entityType: 'caseTreatment',
      entityId: treatmentId,
      before: before.treatments.find((t) => t.id === treatmentId),
      after: after.treatments.find((t) => t.id === treatmentId),
    });
    // The board's approval may be the last step into force, which completes the political milestones.
    for (const { agreementId } of await tx
      .select({ agreementId: caseAgreements.agreementId })
      .from(caseAgreements)
      .where(eq(caseAgreements.caseId, caseId))) {
      await completePoliticalMilestones(tx, actx, agreementId, input.decidedOn);
    }
    // The board's approval may be the last step that brings an agreement into force.
    const inCase = await tx
      .select({ agreementId: caseAgreements.agreementId })
      .from(caseAgreements)
      .where(eq(caseAgreements.caseId, caseId));
    for (const { agreementId } of inCase) await createCommitmentsInForce(tx, actx, agreementId);
    return after;
  });
}
