import { eq } from 'drizzle-orm';
import { type RoundStatus, RoundVersionInput } from '../../shared/contracts/follow-up.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { reportingRounds } from './reporting-round.table.js';
import { loadRoundStatus } from './reporting-round-reads.js';

/**
 * Closes an open round: no report is saved, submitted or reopened in it after this, and the reminders
 * still waiting send nothing. The admin only.
 */
export async function closeRound(ctx: Ctx, id: string, raw: unknown): Promise<RoundStatus> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(RoundVersionInput, raw);
  return actx.db.transaction(async (tx) => {
    const round = await lockVersioned(tx, reportingRounds, id, input.version);
    if (round.state !== 'open') throw conflict('validation.roundClosed');
    const [after] = await tx
      .update(reportingRounds)
      .set({
        state: 'closed',
        closedAt: new Date(),
        closedBy: userIdOf(actx.actor),
        ...nextVersion(reportingRounds),
      })
      .where(eq(reportingRounds.id, id))
      .returning();
    await appendAudit(tx, actx, {
      action: 'reportingRound.close',
      entityType: 'reportingRound',
      entityId: id,
      before: round,
      after,
    });
    return loadRoundStatus(tx, actx.actor, id);
  });
}

/** Publishes a closed round's report: from now on the public region pages show it. The admin only. */
export async function publishRound(ctx: Ctx, id: string, raw: unknown): Promise<RoundStatus> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(RoundVersionInput, raw);
  return actx.db.transaction(async (tx) => {
    const round = await lockVersioned(tx, reportingRounds, id, input.version);
    if (round.state !== 'closed') throw conflict('validation.roundNotClosed');
    if (round.publishedAt !== null) throw conflict('validation.roundPublished');
    const [after] = await tx
      .update(reportingRounds)
      .set({ publishedAt: new Date(), publishedBy: userIdOf(actx.actor), ...nextVersion(reportingRounds) })
      .where(eq(reportingRounds.id, id))
      .returning();
    await appendAudit(tx, actx, {
      action: 'reportingRound.publish',
      entityType: 'reportingRound',
      entityId: id,
      before: round,
      after,
    });
    return loadRoundStatus(tx, actx.actor, id);
  });
}
