import { eq } from 'drizzle-orm';
import { CreateSubjectAreaInput, type SubjectArea } from '../../shared/contracts/agreements.js';
import { appendAudit } from '../audit/append-audit.js';
import { cycles } from '../general-part/general-part.table.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound, rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { subjectAreas } from './agreement.table.js';
import { toSubjectArea } from './subject-area.mapper.js';
import { lockAreasOf, renumber } from './subject-area-rules.js';

/** Adds a subject area to a cycle, last or at the given place (the ones from there move down one). */
export async function createSubjectArea(ctx: Ctx, cycleId: string, raw: unknown): Promise<SubjectArea> {
  const actx = authorize(ctx, adminOnly);
  assertId(cycleId);
  const input = parse(CreateSubjectAreaInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      // The cycle's lock orders concurrent additions; the areas' locks order them with reorderings.
      const [cycle] = await tx
        .select({ id: cycles.id })
        .from(cycles)
        .where(eq(cycles.id, cycleId))
        .for('update');
      if (!cycle) throw notFound();
      const areas = await lockAreasOf(tx, cycleId);
      const position = Math.min(input.position ?? areas.length, areas.length);
      const [row] = await tx
        .insert(subjectAreas)
        .values({ cycleId, name: input.name, description: input.description, position })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      const ordered = [...areas];
      ordered.splice(position, 0, { id: row.id, position });
      await renumber(tx, ordered);
      const area = toSubjectArea(row);
      await appendAudit(tx, actx, {
        action: 'subjectArea.create',
        entityType: 'subjectArea',
        entityId: row.id,
        before: null,
        after: area,
      });
      return area;
    });
  } catch (error) {
    rethrowUnique(error, { subject_areas_name_unique: ['name', 'validation.nameTaken'] });
  }
}
