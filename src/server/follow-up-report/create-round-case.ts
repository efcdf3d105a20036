import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { PoliticalCase } from '../../shared/contracts/cases.js';
import { RoundCaseInput } from '../../shared/contracts/follow-up-report.js';
import { appendAudit } from '../audit/append-audit.js';
import { caseDecisionPoints, caseTreatments, politicalCases } from '../cases/case.table.js';
import { countyBody, loadCase } from '../cases/case-reads.js';
import { checkBodyMeeting, lockCases } from '../cases/create-case.js';
import { reportingRounds } from '../follow-up/reporting-round.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { reportingRoundCases } from './round-case.table.js';
import { roundCaseDraft } from './round-case-template.js';
import { loadRoundReportData } from './round-report-data.js';

/** The fields the template fills; the decision authority is left to the coordinator. */
const filled = ['title', 'background', 'facts', 'alternatives', 'assessment', 'consequences'];

/**
 * Makes a round's annual report a political case for the executive board in one action (the admin): the
 * title, decision points ("Fylkesrådet tar årsrapporten … til orientering"), the round's figures and
 * deviations, and the report listed as the attachment, all from the template and editable afterwards. A
 * round has one open case at a time (one without a decision, or postponed): a second is refused 409
 * `validation.roundInOpenCase`. The case concerns no agreement, so deciding it brings nothing into force.
 */
export async function createRoundCase(ctx: Ctx, roundId: string, raw: unknown): Promise<PoliticalCase> {
  const actx = authorize(ctx, adminOnly);
  assertId(roundId);
  const input = parse(RoundCaseInput, raw ?? {});
  return actx.db.transaction(async (tx) => {
    await lockCases(tx);
    const [round] = await tx
      .select({ id: reportingRounds.id, cycleId: reportingRounds.cycleId })
      .from(reportingRounds)
      .where(eq(reportingRounds.id, roundId))
      .for('key share');
    if (!round) throw notFound();
    const board = await countyBody(tx, 'executive_board');
    if (!board) throw conflict('validation.bodiesMissing');
    const open = await tx
      .select({ caseId: reportingRoundCases.caseId })
      .from(reportingRoundCases)
      .innerJoin(caseTreatments, eq(caseTreatments.caseId, reportingRoundCases.caseId))
      .where(
        and(
          eq(reportingRoundCases.roundId, round.id),
          eq(caseTreatments.bodyId, board.id),
          or(isNull(caseTreatments.outcome), inArray(caseTreatments.outcome, ['postponed'])),
        ),
      );
    if (open.length > 0) throw conflict('validation.roundInOpenCase');
    await checkBodyMeeting(tx, board.id, input.meetingId, 'meetingId');

    const draft = roundCaseDraft(await loadRoundReportData(tx, round.id, null));
    const [row] = await tx
      .insert(politicalCases)
      .values({
        cycleId: round.cycleId,
        title: draft.title,
        background: draft.background,
        facts: draft.facts,
        alternatives: draft.alternatives,
        assessment: draft.assessment,
        consequences: draft.consequences,
        authority: '',
        templateFilled: filled,
        createdBy: userIdOf(actx.actor),
      })
      .returning({ id: politicalCases.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(reportingRoundCases).values({ caseId: row.id, roundId: round.id });
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
      action: 'reportingRound.case',
      entityType: 'case',
      entityId: row.id,
      before: null,
      after: { ...made, roundId: round.id },
    });
    return made;
  });
}
