import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreement.table.js';
import { politicalBodies } from '../bodies/body.table.js';
import { caseAgreements, caseTreatments } from '../cases/case.table.js';
import type { Db, Tx } from '../db/client.js';
import { membersOf } from '../registry/region-members.js';
import { agreementDivergences, municipalAdoptions } from './adoption.table.js';
import { inForceOf, type Outcome, type Resolution } from './in-force.js';

/** Where an agreement stands politically: in a case on its way through the bodies, or in force. */
export type PoliticalState = 'processing' | 'in_force';

export type PoliticalScope = { cycleId: string } | { agreementId: string } | { all: true };

const scoped = (scope: PoliticalScope): SQL | undefined => {
  if ('all' in scope) return undefined;
  return 'cycleId' in scope ? eq(agreements.cycleId, scope.cycleId) : eq(agreements.id, scope.agreementId);
};

/**
 * Whether the agreement is in a political case, as a column of a select: an agreement in none has no
 * political state (`politicalStatesOf` leaves it out), so a write can ask this in its first statement and
 * the rest only when it is.
 */
export const inAnyCase = (agreementId: AnyPgColumn) =>
  sql<boolean>`exists (select 1 from ${caseAgreements} where ${caseAgreements.agreementId} = ${agreementId})`;

/**
 * The political state of every agreement of a cycle that is in a case (or of one agreement), in five
 * queries whatever their number: the agreements in cases, their regions' memberships, the municipal
 * decisions, the changes made, and each one's latest treatment by the executive board. An agreement in no
 * case, or whose case the board rejected or sent back to negotiation, is not in the map.
 */
export async function politicalStatesOf(
  db: Db | Tx,
  scope: PoliticalScope,
): Promise<Map<string, PoliticalState>> {
  const inCases = await db
    .selectDistinct({ id: agreements.id, regionId: agreements.regionId, startDate: agreements.periodFrom })
    .from(caseAgreements)
    .innerJoin(agreements, eq(agreements.id, caseAgreements.agreementId))
    .where(scoped(scope));
  const states = new Map<string, PoliticalState>();
  if (inCases.length === 0) return states;
  const ids = inCases.map((a) => a.id);
  const members = await membersOf(db, [...new Set(inCases.map((a) => a.regionId))]);
  const adoptions = await db
    .select({
      id: municipalAdoptions.id,
      agreementId: municipalAdoptions.agreementId,
      municipalityId: municipalAdoptions.municipalityId,
      outcome: municipalAdoptions.outcome,
    })
    .from(municipalAdoptions)
    .where(inArray(municipalAdoptions.agreementId, ids));
  const divergences = await db
    .select({
      agreementId: agreementDivergences.agreementId,
      treatmentId: agreementDivergences.treatmentId,
      adoptionId: agreementDivergences.adoptionId,
      resolution: agreementDivergences.resolution,
    })
    .from(agreementDivergences)
    .where(inArray(agreementDivergences.agreementId, ids));
  const boards = await db
    .selectDistinctOn([caseAgreements.agreementId], {
      agreementId: caseAgreements.agreementId,
      treatmentId: caseTreatments.id,
      outcome: caseTreatments.outcome,
    })
    .from(caseAgreements)
    .innerJoin(caseTreatments, eq(caseTreatments.caseId, caseAgreements.caseId))
    .innerJoin(
      politicalBodies,
      and(eq(politicalBodies.id, caseTreatments.bodyId), eq(politicalBodies.kind, 'executive_board')),
    )
    .where(inArray(caseAgreements.agreementId, ids))
    .orderBy(caseAgreements.agreementId, desc(caseTreatments.createdAt), desc(caseTreatments.id));
  for (const a of inCases) {
    const board = boards.find((b) => b.agreementId === a.id);
    const own = divergences.filter((d) => d.agreementId === a.id);
    // Rejected, or sent back to negotiation: the joint work goes on until a new case.
    const sentBack = own.some((d) => d.treatmentId === board?.treatmentId && d.resolution === 'renegotiate');
    if (board?.outcome === 'rejected' || sentBack) continue;
    const result = inForceOf({
      startDate: a.startDate,
      board: board
        ? {
            outcome: board.outcome as Outcome | null,
            divergences: own
              .filter((d) => d.treatmentId === board.treatmentId)
              .map((d) => d.resolution as Resolution),
          }
        : null,
      memberships: (members.get(a.regionId) ?? []).map((m) => ({
        municipalityId: m.municipalityId,
        outsideCounty: m.outsideCounty,
        validFrom: m.validFrom,
        validTo: m.validTo,
      })),
      adoptions: new Map(
        adoptions
          .filter((x) => x.agreementId === a.id)
          .map((x) => [
            x.municipalityId,
            {
              outcome: x.outcome as Outcome,
              divergences: own.filter((d) => d.adoptionId === x.id).map((d) => d.resolution as Resolution),
            },
          ]),
      ),
    });
    states.set(a.id, result.inForce ? 'in_force' : 'processing');
  }
  return states;
}
