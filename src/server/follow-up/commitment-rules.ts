import { eq } from 'drizzle-orm';
import type { Role } from '../../shared/contracts/common.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { commitments } from './commitment.table.js';

/** Who reports on commitments: the admin on all, a department editor and a region contact on their own. */
export const reporters: readonly Role[] = ['admin', 'department', 'region'];

/** What decides who owns a commitment: its department, or (when none) its agreement's region. */
export type Ownership = { ownerDepartmentId: string | null; regionId: string };

/**
 * Whether the actor reports on a commitment: the admin on every one; a department editor on their
 * department's; a region contact on the region's own commitments of their own region.
 */
export function mayReportOn(actor: Pick<Actor, 'role' | 'departmentId' | 'regionId'>, c: Ownership): boolean {
  if (actor.role === 'admin') return true;
  if (c.ownerDepartmentId !== null) {
    return actor.role === 'department' && actor.departmentId === c.ownerDepartmentId;
  }
  return actor.role === 'region' && actor.regionId === c.regionId;
}

/** Locks a commitment's row and returns it with its agreement's region. */
export async function lockCommitment(tx: Tx, id: string) {
  const [row] = await tx
    .select({ commitment: commitments, regionId: agreements.regionId })
    .from(commitments)
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .where(eq(commitments.id, id))
    .for('update', { of: commitments });
  if (!row) throw notFound();
  return row;
}
