import { asc, eq } from 'drizzle-orm';
import { Role } from '../../shared/contracts/common.js';
import type { MentionableUserList } from '../../shared/contracts/contributions.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

/**
 * The active users a comment can mention, for everyone signed in: only their name, role and the
 * department or region they work for (no e-mail addresses; the full user list is the admin's).
 */
export async function listMentionableUsers(ctx: Ctx): Promise<MentionableUserList> {
  const actx = authorize(ctx, everyone);
  const rows = await actx.db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      departmentName: departments.name,
      regionName: regions.name,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(eq(users.active, true))
    .orderBy(asc(users.name), asc(users.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: Role.parse(r.role),
      organisation: r.departmentName ?? r.regionName ?? null,
    })),
  };
}
