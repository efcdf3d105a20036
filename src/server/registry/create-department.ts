import { CreateDepartmentInput, type Department } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { toDepartment } from './department.mapper.js';
import { departments } from './registry.table.js';

export async function createDepartment(ctx: Ctx, raw: unknown): Promise<Department> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateDepartmentInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const [row] = await tx.insert(departments).values({ name: input.name }).returning();
      if (!row) throw new Error('insert returned nothing');
      const department = toDepartment(row);
      await appendAudit(tx, actx, {
        action: 'department.create',
        entityType: 'department',
        entityId: row.id,
        before: null,
        after: department,
      });
      return department;
    });
  } catch (error) {
    rethrowUnique(error, { departments_name_unique: ['name', 'validation.nameTaken'] });
  }
}
