import { and, eq, max } from 'drizzle-orm';
import { Id } from '../../shared/contracts/common.js';
import type { SpecialPartVersion } from '../../shared/contracts/special-part.js';
import { agreements, specialPartSections, specialPartVersions } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { conflict, userIdOf } from '../general-part/version-rules.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { auditedVersion, loadSpecialPartVersion } from './special-part-reads.js';

/**
 * Changing a sent or agreed version means a new draft copied from it (same section keys, so compare can
 * follow each section); its contributions section is live again until it is sent. One draft per agreement:
 * if there is one, continue in it.
 */
export async function createSpecialPartDraft(ctx: Ctx, sourceId: string): Promise<SpecialPartVersion> {
  const actx = authorize(ctx, adminOnly);
  if (!Id.safeParse(sourceId).success) throw notFound();
  return actx.db.transaction(async (tx) => {
    const [source] = await tx.select().from(specialPartVersions).where(eq(specialPartVersions.id, sourceId));
    if (!source) throw notFound();
    await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.id, source.agreementId))
      .for('update');
    const [draft] = await tx
      .select({ id: specialPartVersions.id })
      .from(specialPartVersions)
      .where(
        and(eq(specialPartVersions.agreementId, source.agreementId), eq(specialPartVersions.state, 'draft')),
      );
    if (draft) throw conflict('validation.specialPartDraftExists');
    const [last] = await tx
      .select({ number: max(specialPartVersions.number) })
      .from(specialPartVersions)
      .where(eq(specialPartVersions.agreementId, source.agreementId));
    const [row] = await tx
      .insert(specialPartVersions)
      .values({
        agreementId: source.agreementId,
        number: (last?.number ?? 0) + 1,
        state: 'draft',
        basedOnVersionId: source.id,
        createdBy: userIdOf(actx.actor),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const sections = await tx
      .select()
      .from(specialPartSections)
      .where(eq(specialPartSections.versionId, source.id));
    if (sections.length > 0) {
      await tx
        .insert(specialPartSections)
        .values(
          sections.map(({ id: _id, versionId: _versionId, ...copy }) => ({ ...copy, versionId: row.id })),
        );
    }
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.createDraft',
      entityType: 'specialPartVersion',
      entityId: row.id,
      before: null,
      after: { ...auditedVersion(row), sections: sections.map((s) => s.key) },
    });
    const created = await loadSpecialPartVersion(tx, row.id);
    if (!created) throw new Error('draft vanished');
    return created;
  });
}
