import { asc, eq } from 'drizzle-orm';
import type { SubjectArea } from '../../shared/contracts/agreements.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { subjectAreas } from './agreement.table.js';
import { toSubjectArea } from './subject-area.mapper.js';

/** A cycle's subject areas in their order; everyone signed in reads them. */
export async function listSubjectAreas(
  ctx: Ctx,
  cycleId: string,
): Promise<{ items: SubjectArea[]; nextCursor: null }> {
  const actx = authorize(ctx, everyone);
  assertId(cycleId);
  const [cycle] = await actx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) throw notFound();
  const rows = await actx.db
    .select()
    .from(subjectAreas)
    .where(eq(subjectAreas.cycleId, cycleId))
    .orderBy(asc(subjectAreas.position), asc(subjectAreas.name));
  return { items: rows.map(toSubjectArea), nextCursor: null };
}
