import { and, eq, inArray, sql } from 'drizzle-orm';
import { CreateCaseInput, type PoliticalCase, templateFields } from '../../shared/contracts/cases.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { bodyMeetings } from '../bodies/body.table.js';
import type { Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError } from '../platform/errors.js';
import { loadBatchFacts } from './batch-facts.js';
import { caseAgreements, caseDecisionPoints, caseTreatments, politicalCases } from './case.table.js';
import { countyBody, loadCase, readinessOf } from './case-reads.js';
import { caseDraft } from './case-template.js';

/** One batch at a time: two made at once could put the same agreement in two open cases. */
export const lockCases = (tx: Tx) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('political_cases'))`);

/** The meeting of a body, or a field error: a case goes to the meetings of the body that treats it. */
export async function checkBodyMeeting(tx: Tx, bodyId: string, meetingId: string | null, field: string) {
  if (meetingId === null) return;
  const [meeting] = await tx
    .select({ id: bodyMeetings.id })
    .from(bodyMeetings)
    .where(and(eq(bodyMeetings.id, meetingId), eq(bodyMeetings.bodyId, bodyId)));
  if (!meeting) throw fieldError(field, 'validation.unknownBodyMeeting');
}

/**
 * Puts a batch of ready agreements in one case for the executive board, written from the live process
 * (case-template.ts): every part the template filled is marked so until someone edits it. An agreement
 * that is not ready (its final meeting not held, its special part not agreed, its general part not the
 * approved one) or already in an open case of the board is refused, with the regions named.
 */
export async function createCase(ctx: Ctx, raw: unknown): Promise<PoliticalCase> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateCaseInput, raw);
  return actx.db.transaction(async (tx) => {
    await lockCases(tx);
    const [cycle] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(eq(cycles.id, input.cycleId))
      .for('key share');
    if (!cycle) throw fieldError('cycleId', 'validation.unknownCycle');
    const board = await countyBody(tx, 'executive_board');
    if (!board) throw conflict('validation.bodiesMissing');
    const found = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.cycleId, cycle.id), inArray(agreements.id, input.agreementIds)))
      .for('share');
    if (found.length !== input.agreementIds.length)
      throw fieldError('agreementIds', 'validation.unknownAgreement');
    const chosen = new Set(input.agreementIds);
    const readiness = (await readinessOf(tx, cycle.id, board.id)).filter((r) => chosen.has(r.agreementId));
    const inCase = readiness.filter((r) => r.caseId !== null);
    if (inCase.length > 0) {
      throw fieldError('agreementIds', 'validation.agreementInOpenCase', {
        regions: inCase.map((r) => r.regionName).join(', '),
      });
    }
    const notReady = readiness.filter((r) => r.reasons.length > 0);
    if (notReady.length > 0) {
      throw fieldError('agreementIds', 'validation.agreementNotReady', {
        regions: notReady.map((r) => r.regionName).join(', '),
      });
    }
    await checkBodyMeeting(tx, board.id, input.meetingId, 'meetingId');

    const draft = caseDraft(await loadBatchFacts(tx, cycle.id, input.agreementIds));
    const [row] = await tx
      .insert(politicalCases)
      .values({
        cycleId: cycle.id,
        title: draft.title,
        background: draft.background,
        facts: draft.facts,
        alternatives: draft.alternatives,
        assessment: draft.assessment,
        consequences: draft.consequences,
        authority: draft.authority,
        templateFilled: [...templateFields],
        createdBy: userIdOf(actx.actor),
      })
      .returning({ id: politicalCases.id });
    if (!row) throw new Error('insert returned nothing');
    await tx
      .insert(caseAgreements)
      .values(input.agreementIds.map((agreementId) => ({ caseId: row.id, agreementId })));
    await tx.insert(caseDecisionPoints).values(
      draft.decisionPoints.map((text, position) => ({
        caseId: row.id,
        position,
        text,
        fromTemplate: true,
      })),
    );
    await tx.insert(caseTreatments).values({
      caseId: row.id,
      position: 0,
      bodyId: board.id,
      role: 'decide',
      bodyMeetingId: input.meetingId,
    });
    const made = await loadCase(tx, row.id);
    await appendAudit(tx, actx, {
      action: 'case.create',
      entityType: 'case',
      entityId: row.id,
      before: null,
      after: made,
    });
    return made;
  });
}
