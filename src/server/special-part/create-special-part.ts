import { eq } from 'drizzle-orm';
import type { SpecialPartVersion } from '../../shared/contracts/special-part.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { regions } from '../registry/registry.table.js';
import { defaultSections } from './default-sections.js';
import { specialPartSections, specialPartVersions } from './special-part.table.js';
import { auditedVersion, loadSpecialPartVersion } from './special-part-reads.js';

/**
 * Starts an agreement's special part: version 1, a draft with the default sections titled in the region's
 * written standard. An agreement has one special part; once started, it changes through new drafts.
 */
export async function createSpecialPart(ctx: Ctx, agreementId: string): Promise<SpecialPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(agreementId);
  return actx.db.transaction(async (tx) => {
    // The agreement's lock orders the versions of one special part: numbers never collide.
    const [agreement] = await tx
      .select({ id: agreements.id, regionName: regions.name, writtenStandard: regions.writtenStandard })
      .from(agreements)
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(eq(agreements.id, agreementId))
      .for('update', { of: agreements });
    if (!agreement) throw notFound();
    const [existing] = await tx
      .select({ id: specialPartVersions.id })
      .from(specialPartVersions)
      .where(eq(specialPartVersions.agreementId, agreementId))
      .limit(1);
    if (existing) throw conflict('validation.specialPartExists');

    const [row] = await tx
      .insert(specialPartVersions)
      .values({ agreementId, number: 1, state: 'draft', createdBy: userIdOf(actx.actor) })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const sections = defaultSections(agreement.writtenStandard === 'nn' ? 'nn' : 'nb', agreement.regionName);
    await tx
      .insert(specialPartSections)
      .values(sections.map((s, position) => ({ ...s, position, versionId: row.id })));
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.create',
      entityType: 'specialPartVersion',
      entityId: row.id,
      before: null,
      after: { ...auditedVersion(row), sections: sections.map((s) => s.key) },
    });
    const created = await loadSpecialPartVersion(tx, row.id);
    if (!created) throw new Error('version vanished');
    return created;
  });
}
