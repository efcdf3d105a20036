import { eq } from 'drizzle-orm';
import type { MilestoneTemplate } from '../../shared/contracts/milestones.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadTemplate } from './milestone-reads.js';

/** A cycle's milestone template in order, and how many of its agreements differ from it; everyone reads it. */
export async function getMilestoneTemplate(ctx: Ctx, cycleId: string): Promise<MilestoneTemplate> {
  const actx = authorize(ctx, everyone);
  assertId(cycleId);
  const [cycle] = await actx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) throw notFound();
  return loadTemplate(actx.db, cycleId);
}
