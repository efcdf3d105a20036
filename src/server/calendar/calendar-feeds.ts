import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CalendarFeed, CalendarFeedList, CreatedCalendarFeed } from '../../shared/contracts/calendar.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { calendarFeeds } from './calendar-feed.table.js';
import { type FeedKeys, feedTokenHash, feedUrl, newFeedToken } from './calendar-feed-rules.js';

const toFeed = (row: typeof calendarFeeds.$inferSelect): CalendarFeed => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Makes a personal calendar feed for the caller and answers its address, the only time the token is
 * shown: the database keeps its HMAC. Every signed-in user may have feeds; each shows what they may read.
 */
export async function createCalendarFeed(
  ctx: Ctx,
  keys: FeedKeys,
  appUrl: string,
): Promise<CreatedCalendarFeed> {
  const actx = authorize(ctx, everyone);
  const token = newFeedToken();
  return actx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ userId: actx.actor.id, tokenHash: feedTokenHash(keys, token) })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actx, {
      action: 'calendarFeed.create',
      entityType: 'calendarFeed',
      entityId: row.id,
      before: null,
      after: { userId: row.userId },
      // Only the feeds themselves read them, and they read every scope.
      scopes: [],
    });
    return { ...toFeed(row), url: feedUrl(appUrl, token) };
  });
}

/** The caller's own feeds that are not revoked, newest first, without their tokens. */
export async function listCalendarFeeds(ctx: Ctx): Promise<CalendarFeedList> {
  const { db, actor } = authorize(ctx, everyone);
  const rows = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id));
  return { items: rows.map(toFeed) };
}

/**
 * Revokes one of the caller's feeds: its address answers 404 from now on. Another user's feed, or one
 * revoked already, is not found.
 */
export async function revokeCalendarFeed(ctx: Ctx, id: string): Promise<void> {
  const actx = authorize(ctx, everyone);
  assertId(id);
  await actx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(calendarFeeds)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(calendarFeeds.id, id),
          eq(calendarFeeds.userId, actx.actor.id),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound();
    await appendAudit(tx, actx, {
      action: 'calendarFeed.revoke',
      entityType: 'calendarFeed',
      entityId: id,
      before: { userId: row.userId },
      after: { userId: row.userId, revokedAt: row.revokedAt?.toISOString() ?? null },
      scopes: [],
    });
  });
}
