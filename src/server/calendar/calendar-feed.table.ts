import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/user.table.js';

/**
 * A user's personal calendar feed: a calendar program subscribes to its address, which holds a long random
 * token. Only the token's HMAC is kept (as for sessions), so a copy of this table opens no feed. A revoked
 * feed keeps its row with `revoked_at`, and its token answers 404 from then on.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** HMAC-SHA-256 of the token with the session secret. */
    tokenHash: text('token_hash').notNull().unique('calendar_feeds_token_hash_unique'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_user').on(t.userId).where(sql`${t.revokedAt} is null`)],
);
