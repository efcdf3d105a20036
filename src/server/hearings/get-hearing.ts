import type { Hearing } from '../../shared/contracts/hearings.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { loadHearing } from './hearing-reads.js';
import { assertTakesPart, databaseNow, findHearing } from './hearing-rules.js';

/** One hearing with its cover letter, invited regions and counts; a region not invited is refused. */
export async function getHearing(ctx: Ctx, id: string): Promise<Hearing> {
  const { db, actor } = authorize(ctx, everyone);
  await findHearing(db, id);
  await assertTakesPart(db, actor, id);
  const hearing = await loadHearing(db, actor, await databaseNow(db), id);
  if (!hearing) throw notFound();
  return hearing;
}
