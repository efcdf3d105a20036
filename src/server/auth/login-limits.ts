import { and, count, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../platform/errors.js';
import { loginFailures } from './session.table.js';

/**
 * How password guessing is slowed, without letting anyone lock a user out (OWASP: "Slow down online guessing
 * attacks with device cookies"). Failures are counted over a sliding window, by the database's clock, in
 * three separate tallies:
 * - a browser with a valid device cookie for the account: that cookie's failures only (`perDevice`);
 * - a browser without one ("an unknown device"): the account's failures from unknown devices
 *   (`perAccount`) and its address's failures from unknown devices (`perAddress`).
 * Below its tally's allowance an attempt goes through. Beyond it, an attempt has to wait after the tally's
 * last failure: `firstDelaySeconds`, doubling with every further failure up to `maxDelaySeconds`; sooner,
 * it is answered 429 with Retry-After, and does not count. Nothing is a fixed lock-out, and failures from
 * elsewhere never hold back a browser the account's owner has signed in with.
 */
export const loginLimits = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 30,
  perDevice: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
};

/** The wait after the last failure of a tally holding `failures`, given its allowance: 0 within it. */
export function delaySeconds(failures: number, allowance: number): number {
  if (failures < allowance) return 0;
  const doublings = Math.min(failures - allowance, 30);
  return Math.min(loginLimits.firstDelaySeconds * 2 ** doublings, loginLimits.maxDelaySeconds);
}

/** A sign-in refused for now: 429, with how many seconds to wait. */
export class SignInThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rateLimited');
  }
}

export type Attempt = { id: string; email: string; address: string; device: string | null };

// now() (the statement's start) rather than clock_timestamp(): a stable value, so the indexes on `at` serve.
const window = sql`now() - make_interval(mins => ${loginLimits.windowMinutes})`;
const ms = (column: unknown) => sql<number | null>`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Writes the attempt as a failure before anything is checked, then counts the failures of its tallies
 * besides itself: a burst of parallel guesses sees itself, and no more of it reaches the password check
 * than the allowance (and one more for each delay that passes while it lasts). An attempt that has to wait
 * is removed again and refused. Failures that no longer
 * count are deleted here, so the table holds one window's failures and no more.
 */
export async function beginAttempt(
  db: Db,
  who: { email: string; address: string; device: string | null },
): Promise<Attempt> {
  // Rows another attempt is deleting at the same time are skipped, not waited for: no deadlocks.
  const expired = db
    .select({ id: loginFailures.id })
    .from(loginFailures)
    .where(lt(loginFailures.at, window))
    .limit(10_000)
    .for('update', { skipLocked: true });
  await db.delete(loginFailures).where(inArray(loginFailures.id, expired));
  const [mine] = await db
    .insert(loginFailures)
    .values({ ...who, at: sql`clock_timestamp()` })
    .returning({ id: loginFailures.id, at: ms(loginFailures.at) });
  if (!mine) throw new Error('insert returned nothing');
  const attempt = { id: mine.id, ...who };
  const others = and(ne(loginFailures.id, mine.id), sql`${loginFailures.at} > ${window}`);
  const tallies = who.device
    ? [
        {
          allowance: loginLimits.perDevice,
          where: and(others, eq(loginFailures.device, who.device), eq(loginFailures.email, who.email)),
        },
      ]
    : [
        {
          allowance: loginLimits.perAccount,
          where: and(others, eq(loginFailures.email, who.email), isNull(loginFailures.device)),
        },
        {
          allowance: loginLimits.perAddress,
          where: and(others, eq(loginFailures.address, who.address), isNull(loginFailures.device)),
        },
      ];
  let wait = 0;
  for (const tally of tallies) {
    const [row] = await db
      .select({ n: count(), last: ms(sql`max(${loginFailures.at})`) })
      .from(loginFailures)
      .where(tally.where);
    const delay = delaySeconds(row?.n ?? 0, tally.allowance);
    if (delay === 0 || row?.last == null) continue;
    wait = Math.max(wait, Number(row.last) + delay * 1000 - Number(mine.at));
  }
  if (wait > 0) {
    await endAttempt(db, attempt);
    throw new SignInThrottled(Math.max(1, Math.ceil(wait / 1000)));
  }
  return attempt;
}

/** An attempt that failed: the delay after it runs from now, when the failure is known, not from its start. */
export async function failAttempt(db: Db, attempt: Attempt): Promise<void> {
  await db.update(loginFailures).set({ at: sql`clock_timestamp()` }).where(eq(loginFailures.id, attempt.id));
}

/** An attempt that was not a failure after all (it succeeded, or was refused for another reason). */
export async function endAttempt(db: Db | Tx, attempt: Attempt): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.id, attempt.id));
}

/** The failures from unknown devices that an account has in the window now, the given attempt's included. */
export async function unknownDeviceFailures(db: Db, email: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(eq(loginFailures.email, email), isNull(loginFailures.device), sql`${loginFailures.at} > ${window}`),
    );
  return row?.n ?? 0;
}
