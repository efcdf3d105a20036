import { eq } from 'drizzle-orm';
import { type Department, UpdateDepartmentInput } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { toDepartment } from './department.mapper.js';
import { departments } from './registry.table.js';

export async function updateDepartment(ctx: Ctx, id: string, raw: unknown): Promise<Department> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(UpdateDepartmentInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const before = await lockVersioned(tx, departments, id, input.version);
      const [row] = await tx
        .update(departments)
        .set({ name: input.name, active: input.active, ...nextVersion(departments) })
        .where(eq(departments.id, id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      const department = toDepartment(row);
      await appendAudit(tx, actx, {
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        before: toDepartment(before),
        after: department,
      });
      return department;
    });
  } catch (error) {
    rethrowUnique(error, { departments_name_unique: ['name', 'validation.nameTaken'] });
  }
}
