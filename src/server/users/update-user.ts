import { and, asc, eq } from 'drizzle-orm';
import { Role } from '../../shared/contracts/common.js';
import { UpdateUserInput, type User } from '../../shared/contracts/users.js';
import { appendAudit } from '../audit/append-audit.js';
import { endSessions } from '../auth/sessions.js';
import type { Tx } from '../db/client.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { toUser } from './user.mapper.js';
import { users } from './user.table.js';
import { resolveBinding } from './user-binding.js';

/**
 * The admin renames a user, changes their role and binding, or (de)activates them. Deactivating ends the
 * user's sessions in the same transaction. The last active admin can be neither demoted nor deactivated:
 * nobody could manage users any more.
 */
export async function updateUser(ctx: Ctx, id: string, raw: unknown): Promise<User> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(UpdateUserInput, raw);
  assertId(id);
  return actx.db.transaction(async (tx) => {
    const mayRemoveAdmin = input.role !== undefined || input.active === false;
    // Locked before the user itself and in id order, so two admins demoting each other at the same time
    // are serialised (the second sees the first's change) without deadlocking.
    const activeAdmins = mayRemoveAdmin ? await lockActiveAdmins(tx) : [];
    const before = await lockVersioned(tx, users, id, input.version);
    const role = input.role ?? Role.parse(before.role);
    const active = input.active ?? before.active;
    const { binding } = await resolveBinding(tx, role, {
      departmentId: input.departmentId === undefined ? before.departmentId : input.departmentId,
      regionId: input.regionId === undefined ? before.regionId : input.regionId,
    });
    const wasActiveAdmin = before.role === 'admin' && before.active;
    if (wasActiveAdmin && (role !== 'admin' || !active) && !activeAdmins.some((a) => a !== id)) {
      throw fieldError(role !== 'admin' ? 'role' : 'active', 'validation.lastAdmin');
    }

    const [row] = await tx
      .update(users)
      .set({ name: input.name, role, ...binding, active, ...nextVersion(users) })
      .where(eq(users.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    const deactivated = before.active && !active;
    if (deactivated) await endSessions(tx, id);
    const user = toUser(row);
    await appendAudit(tx, actx, {
      action: deactivated ? 'user.deactivate' : 'user.update',
      entityType: 'user',
      entityId: id,
      before: toUser(before),
      after: user,
    });
    return user;
  });
}

async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}
