import { eq } from 'drizzle-orm';
import type { GeneralPartVersion } from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { copyIntoNewDraft } from '../document-versions/new-draft.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { auditedVersion } from './general-part.mapper.js';
import { cycles, generalPartSections, generalPartVersions } from './general-part.table.js';
import { loadVersion } from './version-reads.js';

/**
 * Editing a version that was sent on hearing or approved means a new draft copied from it (same section
 * keys, so compare can follow each section). One draft per cycle: if there is one, continue in it.
 */
export async function createDraft(ctx: Ctx, sourceId: string): Promise<GeneralPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(sourceId);
  return actx.db.transaction(async (tx) => {
    const [source] = await tx.select().from(generalPartVersions).where(eq(generalPartVersions.id, sourceId));
    if (!source) throw notFound();
    // The cycle's lock orders drafts and approvals of one cycle: numbers never collide, drafts never double.
    await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, source.cycleId)).for('update');
    const { row, sectionKeys } = await copyIntoNewDraft(
      tx,
      { versions: generalPartVersions, sections: generalPartSections, owner: 'cycleId' },
      source,
      userIdOf(actx.actor),
      'validation.draftExists',
    );
    await appendAudit(tx, actx, {
      action: 'generalPartVersion.createDraft',
      entityType: 'generalPartVersion',
      entityId: row.id,
      before: null,
      after: { ...auditedVersion(row), sections: sectionKeys },
    });
    const created = await loadVersion(tx, row.id);
    if (!created) throw new Error('draft vanished');
    return created;
  });
}
