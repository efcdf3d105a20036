import { type HearingInput, InputListQuery } from '../../shared/contracts/hearings.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { hearingForReader } from './hearing-access.js';
import { hearingReadKey } from './hearing-reads.js';
import { closedForInput, findHearing } from './hearing-rules.js';
import { loadInputs, matchesFilters } from './input-reads.js';
import { assertInputId } from './input-rules.js';

type InputList = { items: HearingInput[]; nextCursor: null };

/** A hearing's input can be a thousand answers long: kept while nothing is written, a few at a time. */
const inputLists = createReadCache<InputList>({ maxEntries: 16 });

/**
 * A hearing's input, as far as the caller may see it (hearing-rules.ts `visibleInputs`), filtered by
 * region, section, answered or not, and assigned department. Not paged: a region has at most one live
 * input per section, so a hearing has at most (invited regions × sections) of them.
 */
export async function listInputs(ctx: Ctx, hearingId: string, raw: unknown): Promise<InputList> {
  const actx = authorize(ctx, everyone);
  const { actor } = actx;
  assertInputId(hearingId);
  const query = parse(InputListQuery, raw ?? {});
  const row = await hearingForReader(actx, hearingId);
  return inputLists.read(
    ctx,
    [cacheScope.hearing(hearingId)],
    (now) => hearingReadKey(row, actor, now, query),
    async (reader, now) => {
      const hearing = await findHearing(reader, hearingId);
      const inputs = await loadInputs(reader, actor, hearing, closedForInput(hearing, now));
      return { items: inputs.filter((i) => matchesFilters(i, query)), nextCursor: null };
    },
  );
}
