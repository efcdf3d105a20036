import { eq } from 'drizzle-orm';
import type { Role } from '../../shared/contracts/common.js';
import type { Tx } from '../db/client.js';
import { fieldError } from '../platform/errors.js';
import { departments, regions } from '../registry/registry.table.js';

export type Binding = { departmentId: string | null; regionId: string | null };

/**
 * What a role binds a user to: a department editor to one department, a region contact to one region,
 * everyone else to nothing (a binding given for another role is dropped, not kept by accident). The
 * department or region must exist; it is share-locked so that it cannot be deleted before the user is saved.
 * A bound region's written standard comes along: its contact person starts in it.
 */
export async function resolveBinding(
  tx: Tx,
  role: Role,
  wanted: Binding,
): Promise<{ binding: Binding; writtenStandard: 'nb' | 'nn' | null }> {
  if (role === 'department') {
    if (!wanted.departmentId) throw fieldError('departmentId', 'validation.departmentRequired');
    const [found] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, wanted.departmentId))
      .for('key share');
    if (!found) throw fieldError('departmentId', 'validation.unknownDepartment');
    return { binding: { departmentId: found.id, regionId: null }, writtenStandard: null };
  }
  if (role === 'region') {
    if (!wanted.regionId) throw fieldError('regionId', 'validation.regionRequired');
    const [found] = await tx
      .select({ id: regions.id, writtenStandard: regions.writtenStandard })
      .from(regions)
      .where(eq(regions.id, wanted.regionId))
      .for('key share');
    if (!found) throw fieldError('regionId', 'validation.unknownRegion');
    return {
      binding: { departmentId: null, regionId: found.id },
      writtenStandard: found.writtenStandard === 'nn' ? 'nn' : 'nb',
    };
  }
  return { binding: { departmentId: null, regionId: null }, writtenStandard: null };
}
