import { eq } from 'drizzle-orm';
import type { GeneralPart } from '../../shared/contracts/general-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { cycles, generalPartVersions } from './general-part.table.js';
import { selectVersionSummaries } from './version-reads.js';

/** A cycle's general part: every version, newest first; the approved one is the cycle's current text. */
export async function getGeneralPart(ctx: Ctx, cycleId: string): Promise<GeneralPart> {
  const { db } = authorize(ctx, everyone);
  assertId(cycleId);
  const [cycle] = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) throw notFound();
  const versions = await selectVersionSummaries(db, eq(generalPartVersions.cycleId, cycleId));
  return {
    cycleId,
    currentVersionId: versions.find((v) => v.state === 'approved')?.id ?? null,
    draftVersionId: versions.find((v) => v.state === 'draft')?.id ?? null,
    versions,
  };
}
