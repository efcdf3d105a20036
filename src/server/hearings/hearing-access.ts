import { eq } from 'drizzle-orm';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { ActorCtx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { hearingInvitations } from './hearing.table.js';
import { findHearing, type HearingRow } from './hearing-rules.js';

type HearingFacts = { row: HearingRow; invited: readonly string[] };

/**
 * A hearing's row and the regions it invites: what every read of a hearing checks before it reads (does it
 * exist, may this reader take part). Kept while nothing is written, like the reads themselves, so that a
 * hearing, its inputs or its overview served from the cache asks the database nothing beyond the session.
 */
const factsById = createReadCache<HearingFacts>({ maxEntries: 256 });

/**
 * The hearing, when the actor takes part in it: not found when there is none, and a region contact whose
 * region is not invited is refused (403, as assertTakesPart in hearing-rules.ts says why).
 */
export async function hearingForReader(ctx: ActorCtx, id: string): Promise<HearingRow> {
  assertId(id);
  const { row, invited } = await factsById.read(ctx, [cacheScope.hearing(id)], id, async (reader) => {
    const hearing = await findHearing(reader, id);
    const rows = await reader
      .select({ regionId: hearingInvitations.regionId })
      .from(hearingInvitations)
      .where(eq(hearingInvitations.hearingId, id));
    return { row: hearing, invited: rows.map((r) => r.regionId) };
  });
  const { actor } = ctx;
  if (actor.role === 'region' && !(actor.regionId && invited.includes(actor.regionId))) throw forbidden();
  return row;
}
