import { eq } from 'drizzle-orm';
import { emptyRichText } from '../../shared/contracts/rich-text.js';
import {
  contributionsSectionKey,
  type SpecialPartVersion,
  UpdateSpecialPartSectionsInput,
} from '../../shared/contracts/special-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { replaceSections, sectionsEditAudit, withKeys } from '../document-versions/section-edits.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { specialPartSections, specialPartVersions } from './special-part.table.js';
import { loadSpecialPartVersion } from './special-part-reads.js';

/**
 * Replaces a draft's sections with the given list, in order: sections can be added (no key: one is made),
 * renamed, rewritten, reordered and removed, except the contributions section, which must stay (its title
 * and place may change; its body is generated, so a body sent for it is ignored). Only a draft changes, and
 * only from the version the editor loaded: a second save from a stale screen gets 409.
 */
export async function updateSpecialPartSections(
  ctx: Ctx,
  id: string,
  raw: unknown,
): Promise<SpecialPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(UpdateSpecialPartSectionsInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, specialPartVersions, id, input.version);
    if (before.state !== 'draft') throw conflict('validation.specialPartFrozen');
    const existing = await tx.select().from(specialPartSections).where(eq(specialPartSections.versionId, id));
    const wanted = withKeys(existing, input.sections).map(({ key, title, body }, position) => ({
      key,
      title,
      body: key === contributionsSectionKey ? emptyRichText() : (body ?? emptyRichText()),
      position,
    }));
    await replaceSections(tx, specialPartSections, id, existing, wanted);
    await tx
      .update(specialPartVersions)
      .set(nextVersion(specialPartVersions))
      .where(eq(specialPartVersions.id, id));
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.updateSections',
      entityType: 'specialPartVersion',
      entityId: id,
      ...sectionsEditAudit(before.version, existing, wanted),
    });
    const after = await loadSpecialPartVersion(tx, id);
    if (!after) throw new Error('version vanished');
    return after;
  });
}
