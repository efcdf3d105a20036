/**
 * Deadlines are calendar dates in Europe/Oslo (DESIGN.md): input is accepted until the end of that day in
 * Oslo, whatever the server's own time zone and whether Norway is on summer time. Pure functions of an
 * instant, so that the rules can be tested at any moment of the year, daylight saving changes included.
 */

const zone = 'Europe/Oslo';

const dateInOslo = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const wallClockInOslo = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const dayMs = 86_400_000;

/** The calendar date in Oslo at an instant, as ISO (`2025-09-15`). */
export function osloDate(at: Date): string {
  const parts = Object.fromEntries(dateInOslo.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Whether a deadline has passed at an instant: true from midnight in Oslo after the deadline day. The
 * whole deadline day, to its last second, is still inside it.
 */
export function deadlinePassed(deadline: string, at: Date): boolean {
  return osloDate(at) > deadline;
}

/** A calendar date moved by whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** Calendar days left before a deadline at an instant: 0 on the deadline day itself, null once it passed. */
export function daysLeft(deadline: string, at: Date): number | null {
  if (deadlinePassed(deadline, at)) return null;
  return daysBetween(osloDate(at), deadline);
}

/** How far Oslo's wall clock is ahead of UTC at an instant, in milliseconds (one or two hours). */
function osloOffsetMs(at: Date): number {
  const p = Object.fromEntries(wallClockInOslo.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock hour on a date in Oslo begins. Norway changes its clocks at 02:00 and 03:00
 * local time, never at the hours this is used for (midnight, the morning), so that hour exists once.
 */
export function osloInstant(date: string, hour: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  // The offset at the first guess is right unless a clock change lies between the guess and the answer;
  // a second look settles it.
  const first = wall - osloOffsetMs(new Date(wall));
  return new Date(wall - osloOffsetMs(new Date(first)));
}

/** The instant input stops: midnight in Oslo at the end of the deadline day. */
export function deadlineEnd(deadline: string): Date {
  return osloInstant(addDays(deadline, 1), 0);
}
