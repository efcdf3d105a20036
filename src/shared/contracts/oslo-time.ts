/**
 * Moments in Europe/Oslo's wall clock, for things that happen at a time of day (a meeting from 10:00 to
 * 12:00): the API gives them as ISO date-times with Oslo's offset of that moment (+01:00 in winter, +02:00
 * in summer), and the web shows and edits the date and the time as Oslo reads them, whatever the browser's
 * or the server's own time zone. Pure functions of Intl, so the server and the browser share them.
 */

const zone = 'Europe/Oslo';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function partsAt(at: Date): Parts {
  const p = Object.fromEntries(wallClock.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** How far Oslo's clock is ahead of UTC at an instant, in whole minutes (60 or 120). */
function offsetMinutes(at: Date): number {
  const p = partsAt(at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** "2025-03-18T15:00:00+01:00": an instant as Oslo's wall clock with its offset, to the second. */
export function toOsloIso(at: Date): string {
  const p = partsAt(at);
  const offset = offsetMinutes(at);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar date ("2025-03-18") and time of day ("15:00") in Oslo of an ISO instant. */
export function osloParts(iso: string): { date: string; time: string } {
  const p = partsAt(new Date(iso));
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/**
 * The instant a date and time of day in Oslo stand for, as `toOsloIso` writes it; null when either is not
 * one. A time in the hour skipped when summer time starts moves an hour on; a time in the hour that repeats
 * when it ends is its second occurrence (winter time).
 */
export function fromOsloParts(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  // The offset before the wall-clock time is the right one unless a clock change lies between; a second
  // look settles it.
  const first = wall - offsetMinutes(new Date(wall - 60 * 60_000)) * 60_000;
  const at = wall - offsetMinutes(new Date(first)) * 60_000;
  return toOsloIso(new Date(at));
}
