import { type HearingInput, InputListQuery } from '../../shared/contracts/hearings.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertTakesPart, closedForInput, databaseNow, findHearing } from './hearing-rules.js';
import { loadInputs, matchesFilters } from './input-reads.js';
import { assertInputId } from './input-rules.js';

/**
 * A hearing's input, as far as the caller may see it (hearing-rules.ts `visibleInputs`), filtered by
 * region, section, answered or not, and assigned department. Not paged: a region has at most one live
 * input per section, so a hearing has at most (invited regions × sections) of them.
 */
export async function listInputs(
  ctx: Ctx,
  hearingId: string,
  raw: unknown,
): Promise<{ items: HearingInput[]; nextCursor: null }> {
  const { db, actor } = authorize(ctx, everyone);
  assertInputId(hearingId);
  const query = parse(InputListQuery, raw ?? {});
  const hearing = await findHearing(db, hearingId);
  await assertTakesPart(db, actor, hearingId);
  const closed = closedForInput(hearing, await databaseNow(db));
  const inputs = await loadInputs(db, actor, hearing, closed);
  return { items: inputs.filter((i) => matchesFilters(i, query)), nextCursor: null };
}
