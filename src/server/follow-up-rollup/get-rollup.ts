import { type Rollup, type RollupGroup, RollupQuery } from '../../shared/contracts/follow-up-rollup.js';
import { osloParts } from '../../shared/contracts/oslo-time.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { derivedValue } from '../platform/read-cache.js';
import { afterKey, compareKeys, pageAfter, type SortKey } from './paging.js';
import { emptyTally, mergeTallies, summarize, type Tally } from './rollup.js';
import { cycleOf, groupNames, tallyRollup } from './rollup-reads.js';

/** The whole roll-up of a cycle in one dimension: its figures and every group in the order they are paged. */
type WholeRollup = Omit<Rollup, 'items' | 'nextCursor'> & {
  groups: { key: SortKey; row: RollupGroup }[];
};

/**
 * The coordinator and the county's leaders open the roll-up and come back to it while few reports change:
 * the whole roll-up is kept while nothing is written, and each page is made from it once and kept with it
 * (`derivedValue`), with its JSON and compressed copies (platform/http/cached-responses.ts). So after a
 * write the figures are made once, whichever pages are then asked for. "Overdue" depends on the day, so the
 * key names the Oslo date.
 */
const rollups = createReadCache<WholeRollup | null>({ maxEntries: 16 });

export const osloDate = (at: Date) => osloParts(at.toISOString()).date;

/**
 * The roll-up of a cycle's commitments by region, department, subject area or agreement: for each group
 * and for the cycle as a whole, its figures (progress with the rule it was weighted by, the number in each
 * status, indicators towards and away from their targets, what is overdue), and the county's side and the
 * region's side apart. Everyone signed in reads it: the regions see each other's figures side by side.
 *
 * The groups come a page at a time (`limit`, `cursor`): a national county has 1,200 regions, and the whole
 * roll-up by region was a megabyte that every request sent though a screen shows a hundred. The county's
 * figures are made over every group, on every page.
 */
export async function getRollup(ctx: Ctx, raw: unknown): Promise<Rollup> {
  authorize(ctx, everyone);
  const query = parse(RollupQuery, raw ?? {});
  const after = afterKey(query.cursor);
  const whole = await rollups.read(
    ctx,
    'every scope',
    (now) => `${query.cycle}|${query.by}|${osloDate(now)}`,
    (reader, now) => loadRollup(reader, query, osloDate(now)),
  );
  if (!whole) throw notFound();
  return derivedValue(whole, `${query.limit}|${query.cursor ?? ''}`, () => {
    const { groups, ...figures } = whole;
    const page = pageAfter(groups, after, query.limit);
    return { ...figures, items: page.rows, nextCursor: page.nextCursor };
  });
}

async function loadRollup(
  db: Db | Tx,
  query: Pick<RollupQuery, 'cycle' | 'by'>,
  today: string,
): Promise<WholeRollup | null> {
  const cycle = await cycleOf(db, query.cycle);
  if (!cycle) return null;
  const tallies = await tallyRollup(db, cycle.id, today, query.by);
  const names = await groupNames(db, cycle.id, query.by);
  const sides = new Map<string, Tally>();
  const sideKey = (key: string | null, countySide: boolean) =>
    `${key ?? ''}|${countySide ? 'county' : 'region'}`;
  for (const t of tallies) sides.set(sideKey(t.key, t.countySide), t.tally);
  const groupOf = (id: string | null, name: string | null): RollupGroup => {
    const county = sides.get(sideKey(id, true)) ?? emptyTally();
    const region = sides.get(sideKey(id, false)) ?? emptyTally();
    return {
      id,
      name,
      total: summarize(mergeTallies([county, region])),
      county: summarize(county),
      region: summarize(region),
    };
  };
  const present = new Set(tallies.map((t) => t.key));
  const groups = names
    .filter((n) => present.has(n.id))
    .map((n) => ({ key: { rank: n.position, name: n.name, id: n.id }, row: groupOf(n.id, n.name) }));
  // By department, the regions' own commitments have no department: they form a group of their own, last.
  if (query.by === 'department' && present.has(null))
    groups.push({ key: { rank: 1, name: '', id: '' }, row: groupOf(null, null) });
  groups.sort((a, b) => compareKeys(a.key, b.key));
  const all = [...sides.entries()];
  const countySide = mergeTallies(all.filter(([k]) => k.endsWith('|county')).map(([, t]) => t));
  const regionSide = mergeTallies(all.filter(([k]) => k.endsWith('|region')).map(([, t]) => t));
  return {
    cycle: { id: cycle.id, name: cycle.name },
    by: query.by,
    date: today,
    total: {
      total: summarize(mergeTallies([countySide, regionSide])),
      county: summarize(countySide),
      region: summarize(regionSide),
    },
    count: groups.length,
    groups,
  };
}
