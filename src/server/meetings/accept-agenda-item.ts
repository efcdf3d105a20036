import { eq } from 'drizzle-orm';
import { type AgendaItem, VersionInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingManagers } from './create-meeting.js';
import { meetingAgendaItems } from './meeting.table.js';
import { readAgendaItem } from './meeting-reads.js';
import {
  assertAgendaOpen,
  assertMayManage,
  auditedAgendaItem,
  lockAgendaItem,
  stateConflict,
} from './meeting-rules.js';

/** The admin or the meeting's owner puts a region contact's proposed item on the agenda. */
export async function acceptAgendaItem(ctx: Ctx, id: string, raw: unknown): Promise<AgendaItem> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(VersionInput, raw);
  return actx.db.transaction(async (tx) => {
    const { item: before, row: meeting } = await lockAgendaItem(tx, id);
    assertMayManage(actx.actor, meeting);
    if (before.version !== input.version) throw stale();
    assertAgendaOpen(meeting.state);
    if (!before.proposed) throw stateConflict('validation.agendaItemNotProposed', '_');
    const [row] = await tx
      .update(meetingAgendaItems)
      .set({
        proposed: false,
        acceptedBy: userIdOf(actx.actor),
        acceptedAt: await databaseNow(tx),
        ...nextVersion(meetingAgendaItems),
      })
      .where(eq(meetingAgendaItems.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'agendaItem.accept',
      entityType: 'agendaItem',
      entityId: id,
      before: auditedAgendaItem(before),
      after: auditedAgendaItem(row),
    });
    return readAgendaItem(tx, actx.actor, id, true);
  });
}
