import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/user.table.js';

/** Sessions live in the database so that several server processes can serve the same user. */
export const sessions = pgTable(
  'sessions',
  {
    /** HMAC of the cookie's token: a copy of this table does not let anyone sign in. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/**
 * Failed sign-ins, counted to slow down password guessing (login-limits.ts): those from a browser with a
 * device cookie for the account by that cookie (`device`, its id), the others per account and per address.
 * A row is written when an attempt begins and removed when it succeeds or is refused, so it holds the
 * failures only; rows older than the window are deleted on every attempt.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    /** The device cookie's id when the attempt carried a valid one for this account; null: an unknown device. */
    device: text('device'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_failures_email_at').on(t.email, t.at),
    index('login_failures_address_at').on(t.address, t.at),
    index('login_failures_device_at').on(t.device, t.at),
    index('login_failures_at').on(t.at),
  ],
);

/** When an account's owner was last told by e-mail that someone is guessing its password: once per window. */
export const loginAlerts = pgTable('login_alerts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
