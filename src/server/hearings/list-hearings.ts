import { and, eq, gte, isNull } from 'drizzle-orm';
import { HearingListQuery, type HearingSummary } from '../../shared/contracts/hearings.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { osloDate } from './deadline.js';
import { hearings } from './hearing.table.js';
import { loadHearingSummaries } from './hearing-reads.js';
import { closedSql } from './hearing-rules.js';

/**
 * Hearings, newest first, optionally of one cycle and in one state. A region contact sees only the
 * hearings their region is invited to. Not paged: a cycle has a handful of hearings.
 */
export async function listHearings(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: HearingSummary[]; nextCursor: null }> {
  const { db, actor } = authorize(ctx, everyone);
  const query = parse(HearingListQuery, raw ?? {});
  const now = await databaseNow(db);
  const today = osloDate(now);
  const open = and(isNull(hearings.closedAt), gte(hearings.deadline, today));
  const where = and(
    query.cycle ? eq(hearings.cycleId, query.cycle) : undefined,
    query.state === 'open' ? open : query.state === 'closed' ? closedSql(today) : undefined,
  );
  return { items: await loadHearingSummaries(db, actor, now, where), nextCursor: null };
}
