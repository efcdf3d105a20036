import { count, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit.js';
import { contributions } from '../contributions/contribution.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFound, pgErrorOf, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { DeleteQuery } from '../registry/delete-query.js';
import { agreementSubjectAreas, subjectAreas } from './agreement.table.js';
import { toSubjectArea } from './subject-area.mapper.js';
import { lockAreasOf, lockCycleOfArea, renumber } from './subject-area-rules.js';

const inUse = (contributionCount: number, wantedCount: number) =>
  new AppError('inUse', [
    {
      field: '_',
      code: 'validation.subjectAreaInUse',
      params: { contributions: contributionCount, wanted: wantedCount },
    },
  ]);

/**
 * Deletes a subject area nothing uses; one that contributions or a region's wish refer to is refused with
 * 409 saying how many, rather than taking them with it. The areas after it move up one.
 */
export async function deleteSubjectArea(ctx: Ctx, id: string, raw: unknown = {}): Promise<void> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const { version } = parse(DeleteQuery, raw ?? {});
  try {
    await actx.db.transaction(async (tx) => {
      await lockCycleOfArea(tx, id);
      // The row lock makes a concurrent mark or contribution (whose key check takes a share lock) wait.
      const [before] = await tx.select().from(subjectAreas).where(eq(subjectAreas.id, id)).for('update');
      if (!before) throw notFound();
      if (version !== undefined && before.version !== version) throw stale();
      const [used] = await tx
        .select({ n: count() })
        .from(contributions)
        .where(eq(contributions.subjectAreaId, id));
      const [wanted] = await tx
        .select({ n: count() })
        .from(agreementSubjectAreas)
        .where(eq(agreementSubjectAreas.subjectAreaId, id));
      const usedCount = Number(used?.n ?? 0);
      const wantedCount = Number(wanted?.n ?? 0);
      if (usedCount > 0 || wantedCount > 0) throw inUse(usedCount, wantedCount);
      await tx.delete(subjectAreas).where(eq(subjectAreas.id, id));
      await renumber(tx, await lockAreasOf(tx, before.cycleId));
      await appendAudit(tx, actx, {
        action: 'subjectArea.delete',
        entityType: 'subjectArea',
        entityId: id,
        before: toSubjectArea(before),
        after: null,
      });
    });
  } catch (error) {
    if (pgErrorOf(error).code === '23503') throw new AppError('inUse');
    throw error;
  }
}
