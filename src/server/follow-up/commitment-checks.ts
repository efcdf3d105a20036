import { and, eq } from 'drizzle-orm';
import type { OwnerInput } from '../../shared/contracts/follow-up.js';
import { subjectAreas } from '../agreements/agreement.table.js';
import type { Tx } from '../db/client.js';
import { fieldError } from '../platform/errors.js';
import { departments } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

/** Refuses a subject area that is not of the cycle. */
export async function checkSubjectArea(tx: Tx, cycleId: string, subjectAreaId: string): Promise<void> {
  const [area] = await tx
    .select({ id: subjectAreas.id })
    .from(subjectAreas)
    .where(and(eq(subjectAreas.id, subjectAreaId), eq(subjectAreas.cycleId, cycleId)));
  if (!area) throw fieldError('subjectAreaId', 'validation.unknownSubjectArea');
}

/** The owning department's id (null: the region), refusing a department that is unknown or inactive. */
export async function checkOwner(tx: Tx, owner: OwnerInput): Promise<string | null> {
  if (owner.type === 'region') return null;
  const [department] = await tx
    .select({ id: departments.id, active: departments.active })
    .from(departments)
    .where(eq(departments.id, owner.departmentId));
  if (!department?.active) throw fieldError('owner.departmentId', 'validation.unknownDepartment');
  return department.id;
}

/** Refuses a responsible user who is unknown or deactivated. */
export async function checkResponsible(tx: Tx, userId: string | null): Promise<void> {
  if (userId === null) return;
  const [user] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId));
  if (!user?.active) throw fieldError('responsibleUserId', 'validation.unknownUser');
}
