import { and, eq, sql } from 'drizzle-orm';
import { SpecialPartAnswerInput, type SpecialPartAnswerView } from '../../shared/contracts/special-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, notFound, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { specialPartAnswerComments, specialPartAnswers, specialPartSections } from './special-part.table.js';
import {
  answerOpen,
  auditedAnswer,
  loadAnsweredVersion,
  loadAnswerView,
} from './special-part-answer-reads.js';
import { answerWriters, assertMayAnswer } from './special-part-answer-rules.js';
import { lockAgreement } from './special-part-locks.js';

/** Comments in one order before and after, so the audit's comparison shows only what changed. */
const byKey = <C extends { sectionKey: string }>(comments: readonly C[]) =>
  [...comments].sort((a, b) => (a.sectionKey < b.sectionKey ? -1 : a.sectionKey > b.sectionKey ? 1 : 0));

/**
 * The region's contact answers a sent version for the region: the region agrees, or it has comments on one
 * or more of the version's sections. One answer per version and region, which the region may change (from
 * the answer's version it saw) until the version is agreed or a later one is. Another region's contact is
 * refused (403), and so is a version not sent (409). The agreement's lock orders the answer with sending and
 * agreeing: an answer never lands on a version agreed while it was being written.
 */
export async function answerSpecialPartVersion(
  ctx: Ctx,
  versionId: string,
  raw: unknown,
): Promise<SpecialPartAnswerView> {
  const actx = authorize(ctx, answerWriters);
  assertId(versionId);
  const input = parse(SpecialPartAnswerInput, raw);
  return actx.db.transaction(async (tx) => {
    const target = await loadAnsweredVersion(tx, versionId);
    if (!target) throw notFound();
    assertMayAnswer(actx.actor, target.region.id);
    await lockAgreement(tx, target.agreementId);
    const version = await loadAnsweredVersion(tx, versionId);
    if (!version) throw notFound();
    if (version.state === 'draft') throw conflict('validation.specialPartAnswerNotSent');
    if (!(await answerOpen(tx, version))) throw conflict('validation.specialPartAnswerClosed');

    const keys = new Set(
      (
        await tx
          .select({ key: specialPartSections.key })
          .from(specialPartSections)
          .where(eq(specialPartSections.versionId, versionId))
      ).map((s) => s.key),
    );
    input.comments.forEach((comment, i) => {
      if (!keys.has(comment.sectionKey)) {
        throw fieldError(`comments.${i}.sectionKey`, 'validation.unknownSection');
      }
    });

    const [existing] = await tx
      .select()
      .from(specialPartAnswers)
      .where(
        and(eq(specialPartAnswers.versionId, versionId), eq(specialPartAnswers.regionId, version.region.id)),
      )
      .for('update');
    // A first answer comes without a version; a change must come from the answer as it is now.
    if ((existing?.version ?? undefined) !== input.version) throw stale();
    const before = existing
      ? auditedAnswer(
          existing,
          byKey(
            await tx
              .select()
              .from(specialPartAnswerComments)
              .where(eq(specialPartAnswerComments.answerId, existing.id)),
          ),
        )
      : null;

    const who = { verdict: input.verdict, answeredBy: userIdOf(actx.actor), answeredAt: sql`now()` };
    const [row] = existing
      ? await tx
          .update(specialPartAnswers)
          .set({ ...who, ...nextVersion(specialPartAnswers) })
          .where(eq(specialPartAnswers.id, existing.id))
          .returning()
      : await tx
          .insert(specialPartAnswers)
          .values({ versionId, regionId: version.region.id, ...who })
          .returning();
    if (!row) throw new Error('write returned nothing');
    await tx.delete(specialPartAnswerComments).where(eq(specialPartAnswerComments.answerId, row.id));
    if (input.comments.length > 0) {
      await tx.insert(specialPartAnswerComments).values(
        input.comments.map((c) => ({
          answerId: row.id,
          versionId,
          sectionKey: c.sectionKey,
          text: c.text,
        })),
      );
    }
    await appendAudit(tx, actx, {
      action: existing ? 'specialPartAnswer.change' : 'specialPartAnswer.give',
      entityType: 'specialPartAnswer',
      entityId: row.id,
      before,
      after: auditedAnswer(row, byKey(input.comments)),
    });
    return loadAnswerView(tx, version);
  });
}
