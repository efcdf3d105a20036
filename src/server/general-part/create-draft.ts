import { and, eq, max } from 'drizzle-orm';
import { Id } from '../../shared/contracts/common.js';
import type { GeneralPartVersion } from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { auditedVersion } from './general-part.mapper.js';
import { cycles, documentSections, documentVersions } from './general-part.table.js';
import { loadVersion } from './version-reads.js';
import { conflict, userIdOf } from './version-rules.js';

/**
 * Editing a version that was sent on hearing or approved means a new draft copied from it (same section
 * keys, so compare can follow each section). One draft per cycle: if there is one, continue in it.
 */
export async function createDraft(ctx: Ctx, sourceId: string): Promise<GeneralPartVersion> {
  const actx = authorize(ctx, adminOnly);
  if (!Id.safeParse(sourceId).success) throw notFound();
  return actx.db.transaction(async (tx) => {
    const [source] = await tx.select().from(documentVersions).where(eq(documentVersions.id, sourceId));
    if (!source) throw notFound();
    // The cycle's lock orders drafts and approvals of one cycle: numbers never collide, drafts never double.
    await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, source.cycleId)).for('update');
    const [draft] = await tx
      .select({ id: documentVersions.id })
      .from(documentVersions)
      .where(and(eq(documentVersions.cycleId, source.cycleId), eq(documentVersions.state, 'draft')));
    if (draft) throw conflict('validation.draftExists');
    const [last] = await tx
      .select({ number: max(documentVersions.number) })
      .from(documentVersions)
      .where(eq(documentVersions.cycleId, source.cycleId));
    const [row] = await tx
      .insert(documentVersions)
      .values({
        cycleId: source.cycleId,
        number: (last?.number ?? 0) + 1,
        state: 'draft',
        basedOnVersionId: source.id,
        createdBy: userIdOf(actx.actor),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const sections = await tx
      .select()
      .from(documentSections)
      .where(eq(documentSections.versionId, source.id));
    if (sections.length > 0) {
      await tx
        .insert(documentSections)
        .values(
          sections.map(({ id: _id, versionId: _versionId, ...copy }) => ({ ...copy, versionId: row.id })),
        );
    }
    await appendAudit(tx, actx, {
      action: 'generalPartVersion.createDraft',
      entityType: 'generalPartVersion',
      entityId: row.id,
      before: null,
      after: { ...auditedVersion(row), sections: sections.map((s) => s.key) },
    });
    const created = await loadVersion(tx, row.id);
    if (!created) throw new Error('draft vanished');
    return created;
  });
}
