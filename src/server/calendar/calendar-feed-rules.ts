import { createHmac, randomBytes } from 'node:crypto';

/** The session secret, with which a feed's token is kept as an HMAC. */
export type FeedKeys = { secret: string };

/**
 * A feed token's HMAC, kept instead of the token. A prefix of its own keeps it apart from the sessions'
 * HMACs made with the same secret.
 */
export const feedTokenHash = (keys: FeedKeys, token: string) =>
  createHmac('sha256', keys.secret).update(`calendar-feed:${token}`).digest('base64url');

/** 256 random bits, as a session's token: nobody guesses a feed's address. */
export const newFeedToken = () => randomBytes(32).toString('base64url');

export const feedUrl = (appUrl: string, token: string) =>
  `${appUrl.replace(/\/+$/, '')}/api/v1/calendar/${token}.ics`;
