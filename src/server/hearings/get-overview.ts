import { asc, eq } from 'drizzle-orm';
import {
  type HearingInput,
  type HearingOverview,
  InputListQuery,
  type RegionTally,
  type SectionTally,
} from '../../shared/contracts/hearings.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { derivedValue } from '../platform/read-cache.js';
import { regions } from '../registry/registry.table.js';
import { hearingInvitations, hearings } from './hearing.table.js';
import { hearingForReader } from './hearing-access.js';
import { hearingReadKey, loadHearingSummaries } from './hearing-reads.js';
import { closedForInput, findHearing } from './hearing-rules.js';
import { filtersOf, inDocumentOrder, type OrderedInputs, pageKey, pageOfInputs } from './input-pages.js';
import { loadInputs, matchesFilters, sectionsOf } from './input-reads.js';
import { assertInputId } from './input-rules.js';

type Overview = Pick<HearingOverview, 'hearing' | 'regions' | 'sections'> & { ordered: OrderedInputs };

/**
 * The hearing screen is opened again and again while input is answered: kept while nothing is written, with
 * every input the filters select in order, and cut into the page asked for.
 */
const overviews = createReadCache<Overview>({ maxEntries: 16 });

type Tally = { inputs: number; late: number; unanswered: number };

function tally(inputs: readonly HearingInput[], keyOf: (input: HearingInput) => string): Map<string, Tally> {
  const byKey = new Map<string, Tally>();
  for (const input of inputs) {
    const key = keyOf(input);
    const t = byKey.get(key) ?? { inputs: 0, late: 0, unanswered: 0 };
    t.inputs += 1;
    if (input.late) t.late += 1;
    if (input.disposition?.final !== true) t.unanswered += 1;
    byKey.set(key, t);
  }
  return byKey;
}

const none: Tally = { inputs: 0, late: 0, unanswered: 0 };
const wholeDocumentKey = '\u0000';

/**
 * The hearing screen: per invited region and per section (the whole document first), what came in and
 * what is still unanswered, and the inputs the filters select (or a page of them). The tallies count what
 * the caller may see, before the filters; while the hearing is open a region contact gets only their own
 * region's line, since zeros for the others would be a false picture of input they may not see yet.
 */
export async function getOverview(ctx: Ctx, hearingId: string, raw: unknown): Promise<HearingOverview> {
  const actx = authorize(ctx, everyone);
  const { actor } = actx;
  assertInputId(hearingId);
  const query = parse(InputListQuery, raw ?? {});
  const row = await hearingForReader(actx, hearingId);
  const kept = await overviews.read(
    ctx,
    [cacheScope.hearing(hearingId)],
    (now) => hearingReadKey(row, actor, now, filtersOf(query)),
    (reader, now) => loadOverview(reader, actor, hearingId, query, now),
  );
  // Each page is made once from what is kept, and goes with it: its JSON and compressed bytes are kept too.
  return derivedValue(kept, pageKey(query), () => {
    const { ordered, ...overview } = kept;
    const { items, nextCursor } = pageOfInputs(ordered, query);
    return { ...overview, inputs: items, matching: ordered.length, nextCursor };
  });
}

async function loadOverview(
  db: Db | Tx,
  actor: Actor,
  hearingId: string,
  query: InputListQuery,
  now: Date,
): Promise<Overview> {
  const hearing = await findHearing(db, hearingId);
  const closed = closedForInput(hearing, now);
  const [summary] = await loadHearingSummaries(db, actor, now, eq(hearings.id, hearingId));
  if (!summary) throw new Error('hearing vanished');
  const inputs = await loadInputs(db, actor, hearing, closed);

  const invited = await db
    .select({ id: regions.id, name: regions.name })
    .from(hearingInvitations)
    .innerJoin(regions, eq(regions.id, hearingInvitations.regionId))
    .where(eq(hearingInvitations.hearingId, hearingId))
    .orderBy(asc(regions.name));
  const shown = actor.role === 'region' && !closed ? invited.filter((r) => r.id === actor.regionId) : invited;
  const byRegion = tally(inputs, (i) => i.region.id);
  const regionTallies: RegionTally[] = shown.map((region) => ({
    region,
    ...(byRegion.get(region.id) ?? none),
  }));

  const sections = await sectionsOf(db, hearing.versionId);
  const bySection = tally(inputs, (i) => i.sectionKey ?? wholeDocumentKey);
  const sectionTallies: SectionTally[] = [{ key: null, title: null }, ...sections].map(({ key, title }) => {
    const on = bySection.get(key ?? wholeDocumentKey) ?? none;
    return { key, title, inputs: on.inputs, unanswered: on.unanswered };
  });

  return {
    hearing: summary,
    regions: regionTallies,
    sections: sectionTallies,
    ordered: inDocumentOrder(
      inputs.filter((i) => matchesFilters(i, query)),
      sections,
    ),
  };
}
