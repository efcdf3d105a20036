import { and, eq, gt, sql } from 'drizzle-orm';
import { VersionQuery } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { meetingManagers } from './create-meeting.js';
import { meetingOutcomes } from './meeting.table.js';
import { assertMayManage, assertOutcomesOpen, auditedOutcome, lockOutcome } from './meeting-rules.js';

/** Removes an outcome recorded by mistake, while the minutes are not yet approved; those after move up. */
export async function deleteOutcome(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const actx = authorize(ctx, meetingManagers);
  const { version } = parse(VersionQuery, raw);
  await actx.db.transaction(async (tx) => {
    const { outcome: before, row: meeting } = await lockOutcome(tx, id);
    assertMayManage(actx.actor, meeting);
    if (before.version !== version) throw stale();
    assertOutcomesOpen(meeting.state);
    await tx.delete(meetingOutcomes).where(eq(meetingOutcomes.id, id));
    await tx
      .update(meetingOutcomes)
      .set({ position: sql`${meetingOutcomes.position} - 1` })
      .where(and(eq(meetingOutcomes.meetingId, meeting.id), gt(meetingOutcomes.position, before.position)));
    await appendAudit(tx, actx, {
      action: 'outcome.delete',
      entityType: 'outcome',
      entityId: id,
      before: auditedOutcome(before),
      after: null,
    });
  });
}
