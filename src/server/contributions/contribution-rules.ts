import { and, eq, type SQL, sql } from 'drizzle-orm';
import {
  type ContributionStatus,
  contributionStatuses,
  type OwnerInput,
} from '../../shared/contracts/contributions.js';
import { inAnyCase, politicalStatesOf } from '../adoption/political-state.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import type { Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { conflict, fieldError, forbidden, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { departments } from '../registry/registry.table.js';
import { contributions } from './contribution.table.js';

type ContributionRow = typeof contributions.$inferSelect;

/**
 * Who may write a contribution: the admin any; a department editor only their own department's, in any
 * region's agreement; a region contact only the region's own (no department), in their own agreement.
 */
export function mayWrite(actor: Actor, agreementRegionId: string, ownerDepartmentId: string | null): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'department':
      return ownerDepartmentId !== null && ownerDepartmentId === actor.departmentId;
    case 'region':
      return ownerDepartmentId === null && actor.regionId !== null && agreementRegionId === actor.regionId;
    default:
      return false;
  }
}

export function assertMayWrite(actor: Actor, agreementRegionId: string, ownerDepartmentId: string | null) {
  if (!mayWrite(actor, agreementRegionId, ownerDepartmentId)) throw forbidden();
}

/**
 * Whether the caller may change this item as it is now. An agreed item is what both parties settled: its
 * owner proposes and discusses, but only the coordinator records it as agreed, and only the coordinator
 * changes it (or takes it back to discussion) afterwards.
 */
export function mayChange(
  actor: Actor,
  agreementRegionId: string,
  ownerDepartmentId: string | null,
  status: string,
): boolean {
  return (
    mayWrite(actor, agreementRegionId, ownerDepartmentId) && (actor.role === 'admin' || status !== 'agreed')
  );
}

export function assertMayChange(
  actor: Actor,
  agreementRegionId: string,
  ownerDepartmentId: string | null,
  status: string,
) {
  if (!mayChange(actor, agreementRegionId, ownerDepartmentId, status)) throw forbidden();
}

/** The statuses the caller may move the item to: every other one for the coordinator, all but agreed for its owner. */
export function statusChoices(
  actor: Actor,
  agreementRegionId: string,
  ownerDepartmentId: string | null,
  status: string,
): ContributionStatus[] {
  if (!mayChange(actor, agreementRegionId, ownerDepartmentId, status)) return [];
  return contributionStatuses.filter((s) => s !== status && (actor.role === 'admin' || s !== 'agreed'));
}

/** The owner's department id as stored: null is the region. */
export const ownerDepartmentIdOf = (owner: OwnerInput) =>
  owner.type === 'department' ? owner.departmentId : null;

/**
 * The agreement, locked against a concurrent reordering of its items (creates, moves and subject area
 * changes take this lock, so two of them never hand out the same position).
 */
export async function lockAgreement(tx: Tx, agreementId: string) {
  return lockAgreementWhere(tx, eq(agreements.id, agreementId));
}

/** `lockAgreement` of the one agreement `where` selects, in the same statement as the lock. */
async function lockAgreementWhere(tx: Tx, where: SQL) {
  const [locked] = await tx
    .select({
      id: agreements.id,
      cycleId: agreements.cycleId,
      regionId: agreements.regionId,
      inCase: inAnyCase(agreements.id),
    })
    .from(agreements)
    .where(where)
    .for('no key update');
  if (!locked) throw notFound();
  const { inCase, ...row } = locked;
  // An agreement in force is what the councils adopted: its contributions change only through a new
  // version of the special part and a new decision. Only an agreement in a political case can be; one in
  // none (all of them while they are negotiated) needs no more queries to tell.
  if (inCase && (await politicalStatesOf(tx, { agreementId: row.id })).get(row.id) === 'in_force') {
    throw conflict('validation.agreementInForce');
  }
  return row;
}

/** The subject area must be of the agreement's cycle. */
export async function assertSubjectArea(tx: Tx, cycleId: string, subjectAreaId: string) {
  const [row] = await tx
    .select({ id: subjectAreas.id })
    .from(subjectAreas)
    .where(and(eq(subjectAreas.id, subjectAreaId), eq(subjectAreas.cycleId, cycleId)));
  if (!row) throw fieldError('subjectAreaId', 'validation.unknownSubjectArea');
}

/** A department owner must be an active department of the county. */
export async function assertDepartment(tx: Tx, departmentId: string | null) {
  if (departmentId === null) return;
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.active, true)));
  if (!row) throw fieldError('owner.departmentId', 'validation.unknownDepartment');
}

/** The next free position at the end of a subject area in an agreement. */
export async function nextPosition(tx: Tx, agreementId: string, subjectAreaId: string): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${contributions.position}) + 1, 0)::int` })
    .from(contributions)
    .where(and(eq(contributions.agreementId, agreementId), eq(contributions.subjectAreaId, subjectAreaId)));
  return Number(row?.next ?? 0);
}

/** What the audit keeps of a contribution: all of it but the timestamps. */
export const auditedContribution = (row: ContributionRow) => ({
  agreementId: row.agreementId,
  subjectAreaId: row.subjectAreaId,
  kind: row.kind,
  ownerDepartmentId: row.ownerDepartmentId,
  title: row.title,
  description: row.description,
  responsible: row.responsible,
  budgetNokPerYear: row.budgetNokPerYear,
  timeFrame: row.timeFrame,
  indicators: row.indicators,
  status: row.status,
  position: row.position,
  version: row.version,
});

/**
 * A contribution with its agreement's region, locked for a write. Refused with 404 when it does not exist;
 * the caller checks the version and the ownership (in that order of its choosing) after.
 */
export async function lockContribution(tx: Tx, id: string) {
  assertId(id);
  // The agreement found from the contribution and locked in one statement; a contribution stays in its
  // agreement. No agreement: no such contribution.
  const agreement = await lockAgreementWhere(
    tx,
    sql`${agreements.id} = (select ${contributions.agreementId} from ${contributions} where ${contributions.id} = ${id})`,
  );
  const [row] = await tx.select().from(contributions).where(eq(contributions.id, id)).for('update');
  if (!row) throw notFound();
  return { row, agreement };
}
