import { asc, eq } from 'drizzle-orm';
import {
  type HearingInput,
  type HearingOverview,
  InputListQuery,
  type RegionTally,
  type SectionTally,
} from '../../shared/contracts/hearings.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { regions } from '../registry/registry.table.js';
import { hearingInvitations, hearings } from './hearing.table.js';
import { loadHearingSummaries } from './hearing-reads.js';
import { assertTakesPart, closedForInput, databaseNow, findHearing } from './hearing-rules.js';
import { loadInputs, matchesFilters, sectionsOf } from './input-reads.js';
import { assertInputId } from './input-rules.js';

const unanswered = (inputs: HearingInput[]) => inputs.filter((i) => i.disposition?.final !== true).length;

/**
 * The hearing screen: per invited region and per section (the whole document first), what came in and
 * what is still unanswered, and the inputs the filters select. The tallies count what the caller may see,
 * before the filters; while the hearing is open a region contact gets only their own region's line, since
 * zeros for the others would be a false picture of input they may not see yet.
 */
export async function getOverview(ctx: Ctx, hearingId: string, raw: unknown): Promise<HearingOverview> {
  const { db, actor } = authorize(ctx, everyone);
  assertInputId(hearingId);
  const query = parse(InputListQuery, raw ?? {});
  const hearing = await findHearing(db, hearingId);
  await assertTakesPart(db, actor, hearingId);
  const now = await databaseNow(db);
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
  const regionTallies: RegionTally[] = shown.map((region) => {
    const mine = inputs.filter((i) => i.region.id === region.id);
    return {
      region,
      inputs: mine.length,
      late: mine.filter((i) => i.late).length,
      unanswered: unanswered(mine),
    };
  });

  const sections = await sectionsOf(db, hearing.versionId);
  const sectionTallies: SectionTally[] = [{ key: null, title: null }, ...sections].map(({ key, title }) => {
    const on = inputs.filter((i) => i.sectionKey === key);
    return { key, title, inputs: on.length, unanswered: unanswered(on) };
  });

  return {
    hearing: summary,
    regions: regionTallies,
    sections: sectionTallies,
    inputs: inputs.filter((i) => matchesFilters(i, query)),
  };
}
