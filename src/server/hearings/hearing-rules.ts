import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { deadlinePassed } from './deadline.js';
import { hearingInputs, hearingInvitations, hearings } from './hearing.table.js';

export type HearingRow = typeof hearings.$inferSelect;

/** A hearing takes input until the end of its deadline day in Oslo, unless the admin closed it earlier. */
export function closedForInput(hearing: Pick<HearingRow, 'deadline' | 'closedAt'>, now: Date): boolean {
  return hearing.closedAt !== null || deadlinePassed(hearing.deadline, now);
}

/**
 * The same rule in SQL, with today's date in Oslo given (or an expression for it, such as
 * {@link osloTodaySql}): for queries over several hearings.
 */
export function closedSql(osloToday: string | SQL): SQL {
  const today = typeof osloToday === 'string' ? sql`${osloToday}::date` : osloToday;
  return sql`(${hearings.closedAt} is not null or ${hearings.deadline} < ${today})`;
}

/** Today's date in Oslo by the database's clock (the transaction's start), for {@link closedSql}. */
export const osloTodaySql = sql`(now() at time zone 'Europe/Oslo')::date`;

/** A 409 that says why: the state of the hearing does not allow the change (a catalogue key). */
export const hearingClosed = () => conflict('validation.hearingClosed');

/**
 * Reads a hearing under a lock: `update` for changes to the hearing itself (extend, close), `share` for
 * writes that depend on its state (input, dispositions), so those wait for a close or an extension in
 * flight and then see it.
 */
export async function lockHearing(tx: Tx, id: string, mode: 'update' | 'share'): Promise<HearingRow> {
  assertId(id);
  const [row] = await tx
    .select()
    .from(hearings)
    .where(eq(hearings.id, id))
    .for(mode === 'update' ? 'update' : 'share');
  if (!row) throw notFound();
  return row;
}

/**
 * The database's clock at this very moment, read after the hearing's lock is taken (not `now()`, which is
 * the time the transaction began, before it waited for the lock). A close and the input around it hold the
 * hearing's row in turn, so the times they write are in the order the locks were held: input taken before
 * the close took effect is earlier than `closed_at`, and input after it sees the close and is marked late.
 * In milliseconds, as a Date carries it, so the value written is the value the rules were checked with.
 */
export async function momentUnderLock(tx: Tx): Promise<Date> {
  const result = (await tx.execute(
    sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`,
  )) as { rows: { ms: number | string }[] };
  const ms = Math.floor(Number(result.rows[0]?.ms));
  if (!Number.isFinite(ms)) throw new Error('the database gave no time');
  return new Date(ms);
}

export async function findHearing(db: Db | Tx, id: string): Promise<HearingRow> {
  assertId(id);
  const [row] = await db.select().from(hearings).where(eq(hearings.id, id));
  if (!row) throw notFound();
  return row;
}

export async function isInvited(db: Db | Tx, hearingId: string, regionId: string): Promise<boolean> {
  const [row] = await db
    .select({ regionId: hearingInvitations.regionId })
    .from(hearingInvitations)
    .where(and(eq(hearingInvitations.hearingId, hearingId), eq(hearingInvitations.regionId, regionId)));
  return Boolean(row);
}

/**
 * A region contact takes part only in the hearings their region is invited to; to the others they are
 * refused (403: that a hearing exists is no secret, every county employee sees the list). Others pass.
 */
export async function assertTakesPart(db: Db | Tx, actor: Actor, hearingId: string): Promise<void> {
  if (actor.role !== 'region') return;
  if (!actor.regionId || !(await isInvited(db, hearingId, actor.regionId))) throw forbidden();
}

/**
 * Which of a hearing's inputs an actor sees (withdrawn input is seen by nobody):
 * - admin and viewer: all of it, at any time;
 * - a region contact: while the hearing is open, their own region's only; once it closed, all of it
 *   (likeverdighet: every invited region sees what the others said, at the same moment);
 * - a department editor: none while it is open, all of it once closed (they answer it then).
 * `closed` is the hearing's state, as a value or (for queries over several hearings) in SQL.
 */
export function visibleInputs(actor: Actor, closed: boolean | SQL): SQL {
  const live = sql`${hearingInputs.withdrawnAt} is null`;
  if (actor.role === 'admin' || actor.role === 'viewer') return live;
  const closedNow = typeof closed === 'boolean' ? (closed ? sql`true` : sql`false`) : closed;
  if (actor.role === 'region' && actor.regionId) {
    const own = eq(hearingInputs.regionId, actor.regionId);
    return and(live, or(closedNow, own)) ?? live;
  }
  return and(live, closedNow) ?? live;
}

/** County staff see a disposition while it is being worked on; a region contact only once it is final. */
export const seesDraftDispositions = (actor: Actor) => actor.role !== 'region';
