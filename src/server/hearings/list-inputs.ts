import { type InputList, InputListQuery } from '../../shared/contracts/hearings.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { derivedValue } from '../platform/read-cache.js';
import { hearingForReader } from './hearing-access.js';
import { hearingReadKey } from './hearing-reads.js';
import { closedForInput, findHearing } from './hearing-rules.js';
import { filtersOf, inDocumentOrder, type OrderedInputs, pageKey, pageOfInputs } from './input-pages.js';
import { loadInputs, matchesFilters, sectionsOf } from './input-reads.js';
import { assertInputId } from './input-rules.js';

/**
 * A hearing's input can be a thousand answers long: kept in order while nothing is written, a few filters
 * at a time, and cut into the page asked for.
 */
const inputLists = createReadCache<OrderedInputs>({ maxEntries: 16 });

/**
 * A hearing's input, as far as the caller may see it (hearing-rules.ts `visibleInputs`), filtered by
 * region, section, answered or not, and assigned department, in the document's order (input-pages.ts);
 * every input, or a page of them with `limit` and `cursor`.
 */
export async function listInputs(ctx: Ctx, hearingId: string, raw: unknown): Promise<InputList> {
  const actx = authorize(ctx, everyone);
  const { actor } = actx;
  assertInputId(hearingId);
  const query = parse(InputListQuery, raw ?? {});
  const row = await hearingForReader(actx, hearingId);
  const ordered = await inputLists.read(
    ctx,
    [cacheScope.hearing(hearingId)],
    (now) => hearingReadKey(row, actor, now, filtersOf(query)),
    async (reader, now) => {
      const hearing = await findHearing(reader, hearingId);
      const inputs = await loadInputs(reader, actor, hearing, closedForInput(hearing, now));
      const shown = inputs.filter((i) => matchesFilters(i, query));
      return inDocumentOrder(shown, await sectionsOf(reader, hearing.versionId));
    },
  );
  return derivedValue(ordered, pageKey(query), () => pageOfInputs(ordered, query));
}
