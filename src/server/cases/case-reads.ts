import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { BodyKind } from '../../shared/contracts/bodies.js';
import {
  type CaseRole,
  type Decision,
  formatBodyCaseNumber,
  type PoliticalCase,
  type ReadinessReason,
  type TemplateField,
  type TreatmentOutcome,
} from '../../shared/contracts/cases.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import { bodyMeetings, politicalBodies } from '../bodies/body.table.js';
import type { Db, Tx } from '../db/client.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { evidenceFactsOf } from '../milestones/milestone-reads.js';
import { notFound } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { caseAgreements, caseDecisionPoints, caseTreatments, politicalCases } from './case.table.js';
import { closedHearingsOfCase } from './case-hearings.js';

/** A treatment's decision as the API shows it; null until one is recorded. */
export function decisionOf(
  t: typeof caseTreatments.$inferSelect,
  recordedBy: string | null,
): Decision | null {
  if (t.outcome === null || t.decidedOn === null) return null;
  return {
    outcome: t.outcome as TreatmentOutcome,
    decisionText: t.decisionText ?? '',
    changedText: t.changedText,
    decidedOn: t.decidedOn,
    unanimous: t.unanimous ?? true,
    votes:
      t.unanimous === false
        ? { for: t.votesFor ?? 0, against: t.votesAgainst ?? 0, blank: t.votesBlank ?? 0 }
        : null,
    recordedBy,
  };
}

/** A case as the API shows it, in six queries. */
export async function loadCase(db: Db | Tx, id: string): Promise<PoliticalCase> {
  const [row] = await db.select().from(politicalCases).where(eq(politicalCases.id, id));
  if (!row) throw notFound();
  const agreementRows = await db
    .select({
      id: agreements.id,
      regionId: agreements.regionId,
      regionName: regions.name,
      periodFrom: agreements.periodFrom,
      periodTo: agreements.periodTo,
    })
    .from(caseAgreements)
    .innerJoin(agreements, eq(agreements.id, caseAgreements.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(caseAgreements.caseId, id))
    .orderBy(asc(regions.name));
  const points = await db
    .select()
    .from(caseDecisionPoints)
    .where(eq(caseDecisionPoints.caseId, id))
    .orderBy(asc(caseDecisionPoints.position));
  const treatments = await db
    .select({
      t: caseTreatments,
      bodyName: politicalBodies.name,
      bodyKind: politicalBodies.kind,
      meeting: bodyMeetings,
      recordedBy: users.name,
    })
    .from(caseTreatments)
    .innerJoin(politicalBodies, eq(politicalBodies.id, caseTreatments.bodyId))
    .leftJoin(bodyMeetings, eq(bodyMeetings.id, caseTreatments.bodyMeetingId))
    .leftJoin(users, eq(users.id, caseTreatments.decidedBy))
    .where(eq(caseTreatments.caseId, id))
    .orderBy(asc(caseTreatments.position));
  const closedHearings = await closedHearingsOfCase(db, id);
  const [followUp] = await db
    .select({ id: politicalCases.id })
    .from(politicalCases)
    .where(eq(politicalCases.sourceCaseId, id))
    .limit(1);
  return {
    id: row.id,
    cycleId: row.cycleId,
    title: row.title,
    archiveReference: row.archiveYear === null ? null : `${row.archiveYear}/${row.archiveSequence}`,
    agreements: agreementRows,
    hearingSummaries: closedHearings,
    decisionPoints: points.map((p) => ({ id: p.id, text: p.text, fromTemplate: p.fromTemplate })),
    background: row.background,
    facts: row.facts,
    alternatives: row.alternatives,
    assessment: row.assessment,
    consequences: row.consequences,
    authority: row.authority,
    signer: { name: row.signerName, title: row.signerTitle, date: row.signedOn },
    templateFilled: row.templateFilled as TemplateField[],
    treatments: treatments.map(({ t, bodyName, bodyKind, meeting, recordedBy }) => ({
      id: t.id,
      bodyId: t.bodyId,
      bodyName,
      bodyKind: bodyKind as BodyKind,
      role: t.role as CaseRole,
      meeting: meeting ? { id: meeting.id, date: meeting.date, documentsDue: meeting.documentsDue } : null,
      caseNumber: formatBodyCaseNumber(t.caseNumber, t.caseYear),
      decision: decisionOf(t, recordedBy),
      version: t.version,
    })),
    sourceCaseId: row.sourceCaseId,
    followUpCaseId: followUp?.id ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The county's body of a kind (the executive board, the county council); null before the bodies are made. */
export async function countyBody(db: Db | Tx, kind: 'executive_board' | 'county_council') {
  const [body] = await db.select().from(politicalBodies).where(eq(politicalBodies.kind, kind));
  return body ?? null;
}

/**
 * The open case in a body of each of the agreements: a case with a treatment in the body that has no
 * decision yet, or was postponed. An agreement is in at most one such case per body.
 */
export async function openCasesOf(db: Db | Tx, bodyId: string, agreementIds: readonly string[]) {
  const open = new Map<string, string>();
  if (agreementIds.length === 0) return open;
  const rows = await db
    .select({ agreementId: caseAgreements.agreementId, caseId: caseAgreements.caseId })
    .from(caseAgreements)
    .innerJoin(caseTreatments, eq(caseTreatments.caseId, caseAgreements.caseId))
    .where(
      and(
        inArray(caseAgreements.agreementId, [...agreementIds]),
        eq(caseTreatments.bodyId, bodyId),
        or(isNull(caseTreatments.outcome), eq(caseTreatments.outcome, 'postponed')),
      ),
    );
  for (const r of rows) open.set(r.agreementId, r.caseId);
  return open;
}

export type Readiness = {
  agreementId: string;
  regionName: string;
  reasons: ReadinessReason[];
  caseId: string | null;
};

/**
 * Whether each agreement of a cycle is ready for the executive board: its final joint meeting held, its
 * special part agreed, the general part it pins approved, and not already in an open case of the board.
 * An agreement the board has approved (not rejected, not sent back to negotiation) is not ready again.
 * In a fixed number of queries whatever the number of agreements.
 */
export async function readinessOf(
  db: Db | Tx,
  cycleId: string,
  boardId: string | null,
): Promise<Readiness[]> {
  const rows = await db
    .select({ id: agreements.id, regionName: regions.name, gpState: generalPartVersions.state })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, agreements.generalPartVersionId))
    .where(eq(agreements.cycleId, cycleId))
    .orderBy(asc(regions.name));
  const facts = await evidenceFactsOf(db, { cycleId });
  const political = await politicalStatesOf(db, { cycleId });
  const open = boardId
    ? await openCasesOf(
        db,
        boardId,
        rows.map((r) => r.id),
      )
    : new Map<string, string>();
  return rows.map((r) => {
    const f = facts.get(r.id);
    const reasons: ReadinessReason[] = [];
    if (!f?.heldMeetings.some((m) => m.type === 'final')) reasons.push('finalMeetingNotHeld');
    if (!f?.agreedSpecialPart) reasons.push('specialPartNotAgreed');
    if (r.gpState !== 'approved') reasons.push('generalPartNotApproved');
    const caseId = open.get(r.id) ?? null;
    if (caseId) reasons.push('inOpenCase');
    // Decided by the board (and not rejected or sent back): it goes on to the councils, not to a new case.
    else if (political.has(r.id)) reasons.push('approvedByBoard');
    return { agreementId: r.id, regionName: r.regionName, reasons, caseId };
  });
}

/** Locks the case row for a change at the caller's version (optimistic concurrency). */
export const lockCaseSql = (id: string) =>
  sql`select 1 from ${politicalCases} where ${politicalCases.id} = ${id} for update`;
