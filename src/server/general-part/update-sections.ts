import { eq } from 'drizzle-orm';
import {
  type GeneralPartVersion,
  requiredSectionKeys,
  UpdateSectionsInput,
} from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { replaceSections, sectionsEditAudit, withKeys } from '../document-versions/section-edits.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { generalPartSections, generalPartVersions } from './general-part.table.js';
import { loadVersion } from './version-reads.js';

/**
 * Replaces a draft's sections with the given list, in order: sections can be added (no key: one is made),
 * renamed, rewritten, reordered and removed. A section that keeps its key keeps its id, so whatever points
 * at it (an input taken in) still does. Only a draft changes, and only from the version the editor loaded:
 * a second save from a stale screen gets 409 instead of overwriting the first.
 */
export async function updateSections(ctx: Ctx, id: string, raw: unknown): Promise<GeneralPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(UpdateSectionsInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, generalPartVersions, id, input.version);
    if (before.state !== 'draft') throw conflict('validation.versionFrozen');
    const existing = await tx.select().from(generalPartSections).where(eq(generalPartSections.versionId, id));
    const wanted = withKeys(existing, input.sections).map(({ key, title, body }, position) => ({
      key,
      title,
      body,
      position,
      required: requiredSectionKeys.includes(key),
    }));
    await replaceSections(tx, generalPartSections, id, existing, wanted);
    await tx
      .update(generalPartVersions)
      .set(nextVersion(generalPartVersions))
      .where(eq(generalPartVersions.id, id));

    await appendAudit(tx, actx, {
      action: 'generalPartVersion.updateSections',
      entityType: 'generalPartVersion',
      entityId: id,
      ...sectionsEditAudit(before.version, existing, wanted),
    });
    const after = await loadVersion(tx, id);
    if (!after) throw new Error('version vanished');
    return after;
  });
}
