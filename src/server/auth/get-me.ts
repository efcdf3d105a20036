import { eq } from 'drizzle-orm';
import type { Me } from '../../shared/contracts/auth.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';

export async function getMe(ctx: Ctx): Promise<Me> {
  const { actor, db } = authorize(ctx, everyone);
  const [department] = actor.departmentId
    ? await db
        .select({ name: departments.name })
        .from(departments)
        .where(eq(departments.id, actor.departmentId))
    : [];
  const [region] = actor.regionId
    ? await db.select({ name: regions.name }).from(regions).where(eq(regions.id, actor.regionId))
    : [];
  return {
    id: actor.id,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    departmentId: actor.departmentId,
    departmentName: department?.name ?? null,
    regionId: actor.regionId,
    regionName: region?.name ?? null,
    locale: actor.locale,
  };
}
