import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../shared/contracts/common.js';
import {
  type Comment,
  type ContributionStatus,
  CreateCommentInput,
  contributionsPath,
} from '../../shared/contracts/contributions.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { queueMail } from '../mail/queue-mail.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError, fieldError, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { readComments } from './comment-reads.js';
import { contributionComments, contributions } from './contribution.table.js';
import { mentionMail } from './mention-mail.js';

export type CommentLinks = { appUrl: string };

/**
 * Comments on a contribution, or replies to one of its comments. Everyone signed in may: every agreement
 * is visible to all of them. Each mentioned user (active, checked) gets an e-mail in their own language,
 * queued in the same transaction, so the mail goes out only if the comment is saved; the author is not
 * mailed about their own comment.
 */
export async function addComment(
  ctx: Ctx,
  contributionId: string,
  raw: unknown,
  links: CommentLinks,
): Promise<Comment> {
  const actx = authorize(ctx, everyone);
  assertId(contributionId);
  const input = parse(CreateCommentInput, raw);
  return actx.db.transaction(async (tx) => {
    const [contribution] = await tx
      .select({
        id: contributions.id,
        agreementId: contributions.agreementId,
        cycleId: contributions.cycleId,
        title: contributions.title,
        status: contributions.status,
        regionName: regions.name,
      })
      .from(contributions)
      .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(eq(contributions.id, contributionId))
      .for('share', { of: contributions });
    if (!contribution) throw notFound();
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: contributionComments.id })
        .from(contributionComments)
        .where(
          and(
            eq(contributionComments.id, input.parentId),
            eq(contributionComments.contributionId, contributionId),
          ),
        );
      if (!parent) throw fieldError('parentId', 'validation.unknownComment');
    }
    const mentioned = input.mentionUserIds.length
      ? await tx
          .select({ id: users.id, email: users.email, locale: users.locale })
          .from(users)
          .where(and(inArray(users.id, input.mentionUserIds), eq(users.active, true)))
      : [];
    const unknown = input.mentionUserIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !mentioned.some((u) => u.id === id));
    if (unknown.length) {
      throw new AppError(
        'validation',
        unknown.map(({ index }) => ({
          field: `mentionUserIds.${index}`,
          code: 'validation.unknownUser',
          params: {},
        })),
      );
    }
    const [row] = await tx
      .insert(contributionComments)
      .values({
        contributionId,
        parentId: input.parentId,
        authorId: actx.actor.id,
        body: input.body,
        mentionedUserIds: input.mentionUserIds,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actx, {
      action: 'contribution.comment',
      entityType: 'contributionComment',
      entityId: row.id,
      scopes: [cacheScope.comments(contribution.cycleId)],
      before: null,
      after: {
        contributionId,
        parentId: row.parentId,
        body: row.body,
        mentionedUserIds: row.mentionedUserIds,
      },
    });
    const link = `${links.appUrl.replace(/\/+$/, '')}${contributionsPath(contribution.agreementId, contributionId)}`;
    for (const user of mentioned) {
      if (user.id === actx.actor.id) continue;
      const mail = mentionMail(user.locale as Locale, {
        authorName: actx.actor.name,
        regionName: contribution.regionName,
        contributionTitle: contribution.title,
        status: contribution.status as ContributionStatus,
        body: row.body,
        link,
      });
      await queueMail(tx, { to: user.email, ...mail, related: { type: 'contribution', id: contributionId } });
    }
    const [saved] = await readComments(tx, { id: row.id });
    if (!saved) throw new Error('comment vanished');
    return saved;
  });
}
