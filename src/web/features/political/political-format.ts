/** Whole days from `today` to `day` (both ISO calendar dates): negative when it has passed. */
export function daysBetween(today: string, day: string): number {
  const ms = Date.parse(`${day.slice(0, 10)}T12:00:00Z`) - Date.parse(`${today.slice(0, 10)}T12:00:00Z`);
  return Math.round(ms / 86_400_000);
}
