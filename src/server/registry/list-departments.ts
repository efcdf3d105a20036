import { asc } from 'drizzle-orm';
import type { Department } from '../../shared/contracts/registry.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { toDepartment } from './department.mapper.js';
import { departments } from './registry.table.js';

/** Departments are few (a county has a handful to a few dozen), so the list is not paged. */
export async function listDepartments(ctx: Ctx): Promise<{ items: Department[]; nextCursor: null }> {
  const { db } = authorize(ctx, everyone);
  const rows = await db.select().from(departments).orderBy(asc(departments.name));
  return { items: rows.map(toDepartment), nextCursor: null };
}
