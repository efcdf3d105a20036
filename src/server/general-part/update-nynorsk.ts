import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { FieldIssue } from '../../shared/contracts/field-errors.js';
import { type GeneralPartNynorsk, UpdateNynorskInput } from '../../shared/contracts/general-part.js';
import { isEmptyRichText, type RichTextDoc, toPlainText } from '../../shared/contracts/rich-text.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError, conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import {
  generalPartNynorskSections,
  generalPartSections,
  generalPartVersions,
} from './general-part.table.js';
import { loadNynorsk } from './nynorsk-reads.js';

/**
 * The coordinator enters the nynorsk text of an approved version, every section at once, so that the
 * documents of a region whose written standard is nynorsk are nynorsk throughout. Only an approved version
 * gets one: it is the text the agreements pin, and it no longer changes under its translation. The
 * version's `version` guards against a second save from a stale screen, as a draft's edit does.
 */
export async function updateNynorsk(ctx: Ctx, versionId: string, raw: unknown): Promise<GeneralPartNynorsk> {
  const actx = authorize(ctx, adminOnly);
  assertId(versionId);
  const input = parse(UpdateNynorskInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, generalPartVersions, versionId, input.version);
    if (before.state !== 'approved') throw conflict('validation.nynorskNotApproved');
    const sections = await tx
      .select({
        id: generalPartSections.id,
        key: generalPartSections.key,
        title: generalPartSections.title,
        body: generalPartSections.body,
      })
      .from(generalPartSections)
      .where(eq(generalPartSections.versionId, versionId))
      .orderBy(asc(generalPartSections.position));
    const issues = nynorskIssues(sections, input.sections);
    if (issues.length > 0) throw new AppError('validation', issues);

    // An approved version has its required sections, so neither list is ever empty.
    const ids = sections.map((s) => s.id);
    const existing = await tx
      .select()
      .from(generalPartNynorskSections)
      .where(inArray(generalPartNynorskSections.sectionId, ids));
    const given = new Map(input.sections.map((s) => [s.key, s]));
    const wanted = sections.flatMap((section) => {
      const nynorsk = given.get(section.key);
      return nynorsk ? [{ sectionId: section.id, title: nynorsk.title, body: nynorsk.body }] : [];
    });
    await tx.delete(generalPartNynorskSections).where(inArray(generalPartNynorskSections.sectionId, ids));
    await tx.insert(generalPartNynorskSections).values(wanted);
    await tx
      .update(generalPartVersions)
      .set(nextVersion(generalPartVersions))
      .where(eq(generalPartVersions.id, versionId));

    const had = new Map(existing.map((s) => [s.sectionId, s]));
    await appendAudit(tx, actx, {
      action: 'generalPartVersion.updateNynorsk',
      entityType: 'generalPartVersion',
      entityId: versionId,
      before: {
        version: before.version,
        sections: sections.flatMap((section) => {
          const old = had.get(section.id);
          return old ? [audited(section.key, old)] : [];
        }),
      },
      after: { version: before.version + 1, sections: input.sections.map((s) => audited(s.key, s)) },
    });
    const after = await loadNynorsk(tx, versionId);
    if (!after) throw new Error('version vanished');
    return after;
  });
}

/**
 * Every section of the version, and no other, with a title, and with text wherever the bokmål has text.
 * Each problem names its place in the form (`sections.<index>.…`), or the section that is missing.
 */
function nynorskIssues(
  sections: readonly { key: string; title: string; body: RichTextDoc }[],
  wanted: readonly { key: string; body: RichTextDoc }[],
): FieldIssue[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const issues: FieldIssue[] = [];
  wanted.forEach((s, i) => {
    const bokmal = byKey.get(s.key);
    if (!bokmal) issues.push({ field: `sections.${i}.key`, code: 'validation.unknownSection', params: {} });
    else if (isEmptyRichText(s.body) && !isEmptyRichText(bokmal.body))
      issues.push({ field: `sections.${i}.body`, code: 'validation.required', params: {} });
  });
  const given = new Set(wanted.map((s) => s.key));
  for (const section of sections) {
    if (!given.has(section.key))
      issues.push({
        field: `sections.${section.key}`,
        code: 'validation.nynorskSectionMissing',
        params: { title: section.title },
      });
  }
  return issues;
}

/** The audit keeps each section's title and a fingerprint of its text, as a draft's edit does. */
function audited(key: string, section: { title: string; body: RichTextDoc }) {
  return {
    key,
    title: section.title,
    characters: toPlainText(section.body).length,
    textHash: createHash('sha256').update(JSON.stringify(section.body)).digest('hex').slice(0, 16),
  };
}
