import type { Hearing } from '../../shared/contracts/hearings.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { hearingForReader } from './hearing-access.js';
import { hearingReadKey, loadHearing } from './hearing-reads.js';

/** A hearing lists every invited region (1,200 in a large county): kept while nothing is written. */
const hearingsById = createReadCache<Hearing>({ maxEntries: 64 });

/** One hearing with its cover letter, invited regions and counts; a region not invited is refused. */
export async function getHearing(ctx: Ctx, id: string): Promise<Hearing> {
  const actx = authorize(ctx, everyone);
  const { actor } = actx;
  const row = await hearingForReader(actx, id);
  return hearingsById.read(
    ctx,
    [cacheScope.hearing(id)],
    (now) => hearingReadKey(row, actor, now),
    async (reader, now) => {
      const hearing = await loadHearing(reader, actor, now, id);
      if (!hearing) throw notFound();
      return hearing;
    },
  );
}
