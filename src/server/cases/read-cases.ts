import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import {
  type BatchPlan,
  type CaseList,
  CaseListQuery,
  type CaseRole,
  formatBodyCaseNumber,
  type PoliticalCase,
} from '../../shared/contracts/cases.js';
import type { Role } from '../../shared/contracts/common.js';
import { agreements } from '../agreements/agreement.table.js';
import { bodyMeetings, politicalBodies } from '../bodies/body.table.js';
import { osloToday } from '../bodies/list-bodies.js';
import { cycles } from '../general-part/general-part.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { regions } from '../registry/registry.table.js';
import { caseAgreements, caseTreatments, politicalCases } from './case.table.js';
import { countyBody, loadCase, readinessOf } from './case-reads.js';

/**
 * Who reads cases: the county's people (the coordinator, the departments, the leadership). A region
 * contact follows its agreement's political treatment on the agreement itself, not through the county's
 * drafts.
 */
export const caseReaders: readonly Role[] = ['admin', 'department', 'viewer'];

export async function getCase(ctx: Ctx, id: string): Promise<PoliticalCase> {
  const { db } = authorize(ctx, caseReaders);
  assertId(id);
  return loadCase(db, id);
}

/** A cycle's cases, newest first, with their regions and treatments, in three queries. */
export async function listCases(ctx: Ctx, raw: unknown): Promise<CaseList> {
  const { db } = authorize(ctx, caseReaders);
  const { cycleId } = parse(CaseListQuery, raw);
  const rows = await db
    .select()
    .from(politicalCases)
    .where(eq(politicalCases.cycleId, cycleId))
    .orderBy(desc(politicalCases.createdAt), desc(politicalCases.id));
  const ids = rows.map((r) => r.id);
  const regionRows = ids.length
    ? await db
        .select({ caseId: caseAgreements.caseId, name: regions.name })
        .from(caseAgreements)
        .innerJoin(agreements, eq(agreements.id, caseAgreements.agreementId))
        .innerJoin(regions, eq(regions.id, agreements.regionId))
        .where(inArray(caseAgreements.caseId, ids))
        .orderBy(asc(regions.name))
    : [];
  const treatmentRows = ids.length
    ? await db
        .select({ t: caseTreatments, bodyName: politicalBodies.name, date: bodyMeetings.date })
        .from(caseTreatments)
        .innerJoin(politicalBodies, eq(politicalBodies.id, caseTreatments.bodyId))
        .leftJoin(bodyMeetings, eq(bodyMeetings.id, caseTreatments.bodyMeetingId))
        .where(inArray(caseTreatments.caseId, ids))
        .orderBy(asc(caseTreatments.position))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      archiveReference: r.archiveYear === null ? null : `${r.archiveYear}/${r.archiveSequence}`,
      regions: regionRows.filter((x) => x.caseId === r.id).map((x) => x.name),
      treatments: treatmentRows
        .filter((x) => x.t.caseId === r.id)
        .map((x) => ({
          bodyName: x.bodyName,
          role: x.t.role as CaseRole,
          date: x.date,
          caseNumber: formatBodyCaseNumber(x.t.caseNumber, x.t.caseYear),
        })),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/**
 * The batch planner: every agreement of the cycle, ready or with what it still lacks, and the executive
 * board's meetings whose deadline for case documents has not passed, so the coordinator sees which meeting
 * a region can still reach.
 */
export async function getBatchPlan(ctx: Ctx, cycleId: string): Promise<BatchPlan> {
  const { db } = authorize(ctx, adminOnly);
  assertId(cycleId);
  const [cycle] = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) throw notFound();
  const board = await countyBody(db, 'executive_board');
  const today = await osloToday(db);
  const meetings = board
    ? await db
        .select()
        .from(bodyMeetings)
        .where(and(eq(bodyMeetings.bodyId, board.id), gte(bodyMeetings.date, today)))
        .orderBy(asc(bodyMeetings.date))
    : [];
  const readiness = await readinessOf(db, cycleId, board?.id ?? null);
  return {
    cycleId,
    reachableMeetings: meetings
      .filter((m) => (m.documentsDue ?? m.date) >= today)
      .map((m) => ({ id: m.id, date: m.date, documentsDue: m.documentsDue })),
    agreements: readiness.map((r) => ({
      agreementId: r.agreementId,
      regionName: r.regionName,
      ready: r.reasons.length === 0,
      reasons: r.reasons,
      caseId: r.caseId,
    })),
  };
}
