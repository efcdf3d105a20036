import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { Id } from '../../shared/contracts/common.js';
import {
  emptyRichText,
  type RichTextDoc,
  sameRichText,
  toPlainText,
} from '../../shared/contracts/rich-text.js';
import {
  contributionsSectionKey,
  type SpecialPartVersion,
  UpdateSpecialPartSectionsInput,
} from '../../shared/contracts/special-part.js';
import { specialPartSections, specialPartVersions } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { conflict } from '../general-part/version-rules.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { loadSpecialPartVersion } from './special-part-reads.js';

type SectionRow = typeof specialPartSections.$inferSelect;
type Wanted = Pick<SectionRow, 'key' | 'title' | 'body' | 'position'>;

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
  if (!Id.safeParse(id).success) throw notFound();
  const input = parse(UpdateSpecialPartSectionsInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, specialPartVersions, id, input.version);
    if (before.state !== 'draft') throw conflict('validation.specialPartFrozen');
    const existing = await tx.select().from(specialPartSections).where(eq(specialPartSections.versionId, id));
    const byKey = new Map(existing.map((s) => [s.key, s]));
    const used = new Set([
      ...existing.map((s) => s.key),
      ...input.sections.flatMap((s) => (s.key ? [s.key] : [])),
    ]);
    const wanted: Wanted[] = input.sections.map((section, position) => {
      const key = section.key ?? newKey(used);
      const body = key === contributionsSectionKey ? emptyRichText() : (section.body ?? emptyRichText());
      return { key, title: section.title, body, position };
    });
    const keep = new Set(wanted.map((s) => s.key));
    const removed = existing.filter((s) => !keep.has(s.key)).map((s) => s.id);
    if (removed.length > 0) {
      await tx
        .delete(specialPartSections)
        .where(and(eq(specialPartSections.versionId, id), inArray(specialPartSections.id, removed)));
    }
    await writeSections(tx, id, wanted, byKey);
    await tx
      .update(specialPartVersions)
      .set(nextVersion(specialPartVersions))
      .where(eq(specialPartVersions.id, id));
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.updateSections',
      entityType: 'specialPartVersion',
      entityId: id,
      before: {
        version: before.version,
        sections: existing.sort((a, b) => a.position - b.position).map(audited),
      },
      after: { version: before.version + 1, sections: wanted.map(audited) },
    });
    const after = await loadSpecialPartVersion(tx, id);
    if (!after) throw new Error('version vanished');
    return after;
  });
}

/** Updates the sections that changed and inserts the new ones; an untouched section is not written. */
async function writeSections(tx: Tx, versionId: string, wanted: Wanted[], byKey: Map<string, SectionRow>) {
  const inserts: (Wanted & { versionId: string })[] = [];
  for (const section of wanted) {
    const current = byKey.get(section.key);
    if (!current) {
      inserts.push({ ...section, versionId });
      continue;
    }
    const same =
      current.title === section.title &&
      current.position === section.position &&
      sameRichText(current.body, section.body);
    if (!same) {
      await tx
        .update(specialPartSections)
        .set({ title: section.title, body: section.body, position: section.position })
        .where(eq(specialPartSections.id, current.id));
    }
  }
  if (inserts.length > 0) await tx.insert(specialPartSections).values(inserts);
}

/** A key for a new section: short, random, and unused in this version. */
function newKey(used: Set<string>): string {
  for (;;) {
    const key = `s-${randomBytes(5).toString('hex')}`;
    if (!used.has(key)) {
      used.add(key);
      return key;
    }
  }
}

/** Each section's key, title, place and a fingerprint of its text: what an edit touched, not the text. */
function audited(section: { key: string; title: string; position: number; body: RichTextDoc }) {
  return {
    key: section.key,
    title: section.title,
    position: section.position,
    characters: toPlainText(section.body).length,
    textHash: createHash('sha256').update(JSON.stringify(section.body)).digest('hex').slice(0, 16),
  };
}
