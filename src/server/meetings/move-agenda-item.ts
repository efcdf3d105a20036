import { and, asc, eq } from 'drizzle-orm';
import { type AgendaItem, MoveAgendaItemInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
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
  renumberAgenda,
} from './meeting-rules.js';

/** Moves an agenda item one place up or down (a button, so it works from the keyboard); at an end, nothing. */
export async function moveAgendaItem(ctx: Ctx, id: string, raw: unknown): Promise<AgendaItem> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(MoveAgendaItemInput, raw);
  return actx.db.transaction(async (tx) => {
    const { item: before, row: meeting } = await lockAgendaItem(tx, id);
    assertMayManage(actx.actor, meeting);
    if (before.version !== input.version) throw stale();
    assertAgendaOpen(meeting.state);
    await renumberAgenda(tx, meeting.id);
    const items = await tx
      .select({ id: meetingAgendaItems.id, position: meetingAgendaItems.position })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meeting.id))
      .orderBy(asc(meetingAgendaItems.position));
    const index = items.findIndex((i) => i.id === id);
    const other = items[input.direction === 'up' ? index - 1 : index + 1];
    const self = items[index];
    if (other && self) {
      await tx
        .update(meetingAgendaItems)
        .set({ position: self.position })
        .where(and(eq(meetingAgendaItems.id, other.id), eq(meetingAgendaItems.meetingId, meeting.id)));
      await tx
        .update(meetingAgendaItems)
        .set({ position: other.position, ...nextVersion(meetingAgendaItems) })
        .where(eq(meetingAgendaItems.id, id));
    }
    const [row] = await tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.id, id));
    if (!row) throw new Error('agenda item vanished');
    await appendAudit(tx, actx, {
      action: 'agendaItem.move',
      entityType: 'agendaItem',
      entityId: id,
      before: auditedAgendaItem(before),
      after: auditedAgendaItem(row),
    });
    return readAgendaItem(tx, actx.actor, id, true);
  });
}
