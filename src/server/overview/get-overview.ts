import { type Overview, OverviewQuery, shortId } from '../../shared/contracts/overview.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { noId } from '../platform/ids.js';
import { derivedValue } from '../platform/read-cache.js';
import { overviewPage } from './overview-page.js';
import { loadOverview, type OverviewReader, osloDateOf } from './overview-reads.js';

/**
 * The coordinator and the county's people keep the overview open and come back to it: kept while nothing is
 * written, and with it its JSON and its compressed copies (platform/http/cached-responses.ts), so that a
 * repeated request costs the stamp's lookup and sending the bytes kept. The value depends on the day (days in the phase, the last and the next meeting), so the key names
 * the Oslo date, and on the kind of reader: the county's (everyone but region contacts reads the same
 * rows) or one region's.
 */
const overviews = createReadCache<Overview | null>({ maxEntries: 32 });

/**
 * The overview of all regions in a cycle. The admin, viewers and department editors read every row (the
 * county's own status of its work with the regions); a region contact reads only their region's row,
 * without the county's internal meetings, as with the milestones and meetings themselves. `agreement`
 * narrows it to one agreement's row, taken from the same cached answer; otherwise the answer is the page the
 * query asks for (overview-page.ts).
 */
export async function getOverview(ctx: Ctx, raw: unknown): Promise<Overview> {
  const { actor } = authorize(ctx, everyone);
  const query = parse(OverviewQuery, raw ?? {});
  const reader: OverviewReader =
    actor.role === 'region' ? { kind: 'region', regionId: actor.regionId ?? noId } : { kind: 'county' };
  const readerKey = reader.kind === 'region' ? `region:${reader.regionId}` : 'county';
  const overview = await overviews.read(
    ctx,
    [cacheScope.cycle(query.cycle)],
    (now) => `${query.cycle}|${osloDateOf(now)}|${readerKey}`,
    (reader_, now) => loadOverview(reader_, query.cycle, reader, osloDateOf(now)),
  );
  if (!overview) throw notFound();
  if (query.agreement) {
    const id = shortId(query.agreement);
    const rows = overview.rows.filter(([agreementId]) => agreementId === id);
    return { ...overview, rows, matching: rows.length };
  }
  // A page of it, kept with the whole overview it was made from: as current as that, and made once.
  const { cycle: _cycle, agreement: _agreement, ...page } = query;
  return derivedValue(overview, JSON.stringify(page), () => overviewPage(overview, query));
}
