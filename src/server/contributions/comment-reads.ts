import { asc, eq, inArray } from 'drizzle-orm';
import type { Comment } from '../../shared/contracts/contributions.js';
import type { Db, Tx } from '../db/client.js';
import { users } from '../users/user.table.js';
import { contributionComments } from './contribution.table.js';

type CommentRow = typeof contributionComments.$inferSelect;

/** The comments of a contribution (or one of them), oldest first, with the names of authors and mentioned. */
export async function readComments(db: Db | Tx, where: { contributionId: string } | { id: string }) {
  const rows = await db
    .select({ comment: contributionComments, authorName: users.name })
    .from(contributionComments)
    .innerJoin(users, eq(users.id, contributionComments.authorId))
    .where(
      'id' in where
        ? eq(contributionComments.id, where.id)
        : eq(contributionComments.contributionId, where.contributionId),
    )
    .orderBy(asc(contributionComments.createdAt), asc(contributionComments.id));
  const mentioned = [...new Set(rows.flatMap((r) => r.comment.mentionedUserIds))];
  const names = new Map(
    mentioned.length
      ? (
          await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, mentioned))
        ).map((u) => [u.id, u.name])
      : [],
  );
  return rows.map((r) => toComment(r.comment, r.authorName, names));
}

function toComment(row: CommentRow, authorName: string, names: Map<string, string>): Comment {
  return {
    id: row.id,
    contributionId: row.contributionId,
    parentId: row.parentId,
    author: { id: row.authorId, name: authorName },
    body: row.body,
    mentions: row.mentionedUserIds.flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    createdAt: row.createdAt.toISOString(),
  };
}
