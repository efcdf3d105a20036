import { eq } from 'drizzle-orm';
import type { SpecialPartVersion } from '../../shared/contracts/special-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { copyIntoNewDraft } from '../document-versions/new-draft.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { specialPartSections, specialPartVersions } from './special-part.table.js';
import { lockAgreement } from './special-part-locks.js';
import { auditedVersion, loadSpecialPartVersion } from './special-part-reads.js';

/**
 * Changing a sent or agreed version means a new draft copied from it (same section keys, so compare can
 * follow each section); its contributions section is live again until it is sent. One draft per agreement:
 * if there is one, continue in it.
 */
export async function createSpecialPartDraft(ctx: Ctx, sourceId: string): Promise<SpecialPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(sourceId);
  return actx.db.transaction(async (tx) => {
    const [source] = await tx.select().from(specialPartVersions).where(eq(specialPartVersions.id, sourceId));
    if (!source) throw notFound();
    await lockAgreement(tx, source.agreementId);
    const { row, sectionKeys } = await copyIntoNewDraft(
      tx,
      { versions: specialPartVersions, sections: specialPartSections, owner: 'agreementId' },
      source,
      userIdOf(actx.actor),
      'validation.specialPartDraftExists',
    );
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.createDraft',
      entityType: 'specialPartVersion',
      entityId: row.id,
      before: null,
      after: { ...auditedVersion(row), sections: sectionKeys },
    });
    const created = await loadSpecialPartVersion(tx, row.id);
    if (!created) throw new Error('draft vanished');
    return created;
  });
}
