import { aliasedTable, and, desc, eq, ne, not, type SQL, sql } from 'drizzle-orm';
import {
  type CommentNotice,
  type CommentTasks,
  recentCommentDays,
  recentCommentsShown,
} from '../../shared/contracts/tasks.js';
import { agreements } from '../agreements/agreement.table.js';
import { contributionComments, contributions } from '../contributions/contribution.table.js';
import type { Db } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';

const excerptLength = 200;

/**
 * The recent comments for the caller in a cycle: those that mention them (anyone may be mentioned), and for
 * a department editor those others wrote on the department's contributions. Each list is one query, bounded
 * by the cycle's contributions (their index), the last days and a limit.
 */
export async function commentTasks(db: Db, actor: Actor, cycleId: string): Promise<CommentTasks> {
  if (actor.role === 'viewer') return { mentions: [], onOwn: [] };
  const mentionsMe = sql`${contributionComments.mentionedUserIds} @> array[${actor.id}]::uuid[]`;
  const mentions = await recentComments(db, actor, cycleId, mentionsMe);
  const onOwn =
    actor.role === 'department' && actor.departmentId
      ? await recentComments(
          db,
          actor,
          cycleId,
          and(eq(contributions.ownerDepartmentId, actor.departmentId), not(mentionsMe)),
        )
      : [];
  return { mentions, onOwn };
}

async function recentComments(
  db: Db,
  actor: Actor,
  cycleId: string,
  which: SQL | undefined,
): Promise<CommentNotice[]> {
  const author = aliasedTable(users, 'author');
  const rows = await db
    .select({
      commentId: contributionComments.id,
      contributionId: contributions.id,
      contributionTitle: contributions.title,
      agreementId: contributions.agreementId,
      regionName: regions.name,
      authorName: author.name,
      excerpt: sql<string>`left(${contributionComments.body}, ${excerptLength})`,
      createdAt: contributionComments.createdAt,
    })
    .from(contributionComments)
    .innerJoin(contributions, eq(contributions.id, contributionComments.contributionId))
    .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(author, eq(author.id, contributionComments.authorId))
    .where(
      and(
        eq(contributions.cycleId, cycleId),
        ne(contributionComments.authorId, actor.id),
        sql`${contributionComments.createdAt} > now() - make_interval(days => ${recentCommentDays})`,
        which,
      ),
    )
    .orderBy(desc(contributionComments.createdAt), desc(contributionComments.id))
    .limit(recentCommentsShown);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
