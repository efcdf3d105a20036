import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { Id } from '../../shared/contracts/common.js';
import {
  type GeneralPartVersion,
  requiredSectionKeys,
  UpdateSectionsInput,
} from '../../shared/contracts/general-part.js';
import { type RichTextDoc, sameRichText, toPlainText } from '../../shared/contracts/rich-text.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { documentSections, documentVersions } from './general-part.table.js';
import { loadVersion } from './version-reads.js';
import { conflict } from './version-rules.js';

type SectionRow = typeof documentSections.$inferSelect;

/**
 * Replaces a draft's sections with the given list, in order: sections can be added (no key: one is made),
 * renamed, rewritten, reordered and removed. A section that keeps its key keeps its id, so whatever points
 * at it (an input taken in) still does. Only a draft changes, and only from the version the editor loaded:
 * a second save from a stale screen gets 409 instead of overwriting the first.
 */
export async function updateSections(ctx: Ctx, id: string, raw: unknown): Promise<GeneralPartVersion> {
  const actx = authorize(ctx, adminOnly);
  if (!Id.safeParse(id).success) throw notFound();
  const input = parse(UpdateSectionsInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, documentVersions, id, input.version);
    if (before.state !== 'draft') throw conflict('validation.versionFrozen');
    const existing = await tx.select().from(documentSections).where(eq(documentSections.versionId, id));
    const byKey = new Map(existing.map((s) => [s.key, s]));
    const used = new Set([
      ...existing.map((s) => s.key),
      ...input.sections.flatMap((s) => (s.key ? [s.key] : [])),
    ]);

    const wanted = input.sections.map((section, position) => {
      const key = section.key ?? newKey(used);
      return {
        key,
        title: section.title,
        body: section.body,
        position,
        required: requiredSectionKeys.includes(key),
      };
    });
    const keep = new Set(wanted.map((s) => s.key));
    const removed = existing.filter((s) => !keep.has(s.key)).map((s) => s.id);
    if (removed.length > 0) {
      await tx
        .delete(documentSections)
        .where(and(eq(documentSections.versionId, id), inArray(documentSections.id, removed)));
    }
    await writeSections(tx, id, wanted, byKey);
    await tx.update(documentVersions).set(nextVersion(documentVersions)).where(eq(documentVersions.id, id));

    await appendAudit(tx, actx, {
      action: 'generalPartVersion.updateSections',
      entityType: 'generalPartVersion',
      entityId: id,
      before: {
        version: before.version,
        sections: existing.sort((a, b) => a.position - b.position).map(audited),
      },
      after: { version: before.version + 1, sections: wanted.map(audited) },
    });
    const after = await loadVersion(tx, id);
    if (!after) throw new Error('version vanished');
    return after;
  });
}

type Wanted = Pick<SectionRow, 'key' | 'title' | 'body' | 'position' | 'required'>;

/** Updates the sections that changed, inserts the new ones; an untouched section is not written at all. */
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
      current.required === section.required &&
      sameRichText(current.body, section.body);
    if (!same) {
      await tx
        .update(documentSections)
        .set({
          title: section.title,
          body: section.body,
          position: section.position,
          required: section.required,
        })
        .where(eq(documentSections.id, current.id));
    }
  }
  if (inserts.length > 0) await tx.insert(documentSections).values(inserts);
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

/**
 * The audit keeps each section's key, title, place and a fingerprint of its text: enough to see what an
 * edit touched without copying up to 200 kB of text per section into the log on every save.
 */
function audited(section: { key: string; title: string; position: number; body: RichTextDoc }) {
  const text = toPlainText(section.body);
  return {
    key: section.key,
    title: section.title,
    position: section.position,
    characters: text.length,
    textHash: createHash('sha256').update(JSON.stringify(section.body)).digest('hex').slice(0, 16),
  };
}
