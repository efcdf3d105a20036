import { eq } from 'drizzle-orm';
import { type SubjectArea, UpdateSubjectAreaInput } from '../../shared/contracts/agreements.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound, rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { subjectAreas } from './agreement.table.js';
import { toSubjectArea } from './subject-area.mapper.js';
import { lockAreasOf, lockCycleOfArea, renumber } from './subject-area-rules.js';

/**
 * Renames, describes or moves a subject area. A move takes it out of the cycle's order and puts it at the
 * given place (clamped to the last), the others closing up behind it.
 */
export async function updateSubjectArea(ctx: Ctx, id: string, raw: unknown): Promise<SubjectArea> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(UpdateSubjectAreaInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      await lockCycleOfArea(tx, id);
      const before = await lockVersioned(tx, subjectAreas, id, input.version);
      let position = before.position;
      if (input.position !== undefined) {
        const others = (await lockAreasOf(tx, before.cycleId)).filter((a) => a.id !== id);
        position = Math.min(input.position, others.length);
        const ordered = [...others];
        ordered.splice(position, 0, { id, position: before.position });
        await renumber(tx, ordered);
      }
      const [after] = await tx
        .update(subjectAreas)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          position,
          ...nextVersion(subjectAreas),
        })
        .where(eq(subjectAreas.id, id))
        .returning();
      if (!after) throw notFound();
      const area = toSubjectArea(after);
      await appendAudit(tx, actx, {
        action: 'subjectArea.update',
        entityType: 'subjectArea',
        entityId: id,
        before: toSubjectArea(before),
        after: area,
      });
      return area;
    });
  } catch (error) {
    rethrowUnique(error, { subject_areas_name_unique: ['name', 'validation.nameTaken'] });
  }
}
