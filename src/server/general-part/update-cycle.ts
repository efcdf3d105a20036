import { eq } from 'drizzle-orm';
import { type Cycle, UpdateCycleInput } from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError, rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { toCycle } from './general-part.mapper.js';
import { cycles } from './general-part.table.js';

export async function updateCycle(ctx: Ctx, id: string, raw: unknown): Promise<Cycle> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(UpdateCycleInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const before = await lockVersioned(tx, cycles, id, input.version);
      // One end of the period may change alone: the rule holds against the end that stays.
      const periodFrom = input.periodFrom ?? before.periodFrom;
      const periodTo = input.periodTo ?? before.periodTo;
      if (periodTo <= periodFrom) throw fieldError('periodTo', 'validation.endBeforeStart');
      const [row] = await tx
        .update(cycles)
        .set({
          name: input.name,
          periodFrom,
          periodTo,
          status: input.status,
          representationRatio: input.representationRatio,
          ...nextVersion(cycles),
        })
        .where(eq(cycles.id, id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      const cycle = toCycle(row);
      await appendAudit(tx, actx, {
        action: 'cycle.update',
        entityType: 'cycle',
        entityId: id,
        before: toCycle(before),
        after: cycle,
      });
      return cycle;
    });
  } catch (error) {
    rethrowUnique(error, { cycles_name_unique: ['name', 'validation.nameTaken'] });
  }
}
