/** Whole days from `today` to `day` (both ISO calendar dates): negative when it has passed. */
export function daysBetween(today: string, day: string): number {
  const ms = Date.parse(`${day.slice(0, 10)}T12:00:00Z`) - Date.parse(`${today.slice(0, 10)}T12:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The proposed decision points as the numbered text a body adopts: "1. …", one point a line. */
export function numberedPoints(points: readonly { text: string }[]): string {
  return points
    .map((p) => p.text.trim())
    .filter(Boolean)
    .map((text, i) => `${i + 1}. ${text}`)
    .join('\n');
}

/** A vote count as typed: empty is none (null), anything else a number (not a number fails the schema). */
export function voteCount(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}
