import { eq } from 'drizzle-orm';
import type { CommentList } from '../../shared/contracts/contributions.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { readComments } from './comment-reads.js';
import { contributions } from './contribution.table.js';

/** A contribution's comments, oldest first; replies point at their parent. Everyone signed in reads them. */
export async function listComments(ctx: Ctx, contributionId: string): Promise<CommentList> {
  const actx = authorize(ctx, everyone);
  assertId(contributionId);
  const [found] = await actx.db
    .select({ id: contributions.id })
    .from(contributions)
    .where(eq(contributions.id, contributionId));
  if (!found) throw notFound();
  return { items: await readComments(actx.db, { contributionId }) };
}
