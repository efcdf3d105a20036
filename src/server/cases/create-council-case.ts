import { eq } from 'drizzle-orm';
import type { PoliticalCase } from '../../shared/contracts/cases.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { caseAgreements, caseDecisionPoints, caseTreatments, politicalCases } from './case.table.js';
import { countyBody, loadCase, openCasesOf } from './case-reads.js';
import { joinNames } from './case-template.js';
import { lockCases } from './create-case.js';

/**
 * Makes the county council's case from the executive board's, in one action: the same agreements and
 * document, for information, with the decision point the council is asked to take. Refused when the board's
 * case already has one, when it is not a board case, or when an agreement is in another open council case.
 */
export async function createCouncilCase(ctx: Ctx, sourceId: string): Promise<PoliticalCase> {
  const actx = authorize(ctx, adminOnly);
  assertId(sourceId);
  return actx.db.transaction(async (tx) => {
    await lockCases(tx);
    const [source] = await tx
      .select()
      .from(politicalCases)
      .where(eq(politicalCases.id, sourceId))
      .for('update');
    if (!source) throw notFound();
    const board = await countyBody(tx, 'executive_board');
    const council = await countyBody(tx, 'county_council');
    if (!board || !council) throw conflict('validation.bodiesMissing');
    const from = await loadCase(tx, sourceId);
    if (!from.treatments.some((t) => t.bodyId === board.id)) throw conflict('validation.notBoardCase');
    if (from.followUpCaseId) throw conflict('validation.councilCaseExists');
    const open = await openCasesOf(
      tx,
      council.id,
      from.agreements.map((a) => a.id),
    );
    if (open.size > 0) throw conflict('validation.councilCaseOpen');
    const regions = joinNames(from.agreements.map((a) => a.regionName));
    const plural = from.agreements.length > 1;
    const [row] = await tx
      .insert(politicalCases)
      .values({
        cycleId: source.cycleId,
        title: source.title,
        background: source.background,
        facts: source.facts,
        alternatives: source.alternatives,
        assessment: source.assessment,
        consequences: source.consequences,
        authority: source.authority,
        templateFilled: source.templateFilled,
        sourceCaseId: source.id,
        createdBy: userIdOf(actx.actor),
      })
      .returning({ id: politicalCases.id });
    if (!row) throw new Error('insert returned nothing');
    await tx
      .insert(caseAgreements)
      .values(from.agreements.map((a) => ({ caseId: row.id, agreementId: a.id })));
    await tx.insert(caseDecisionPoints).values({
      caseId: row.id,
      position: 0,
      text: `Fylkestinget tar ${plural ? 'partnerskapsavtalene' : 'partnerskapsavtalen'} med ${regions} til orientering.`,
      fromTemplate: true,
    });
    await tx
      .insert(caseTreatments)
      .values({ caseId: row.id, position: 0, bodyId: council.id, role: 'information' });
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
