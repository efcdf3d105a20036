import { sql } from 'drizzle-orm';
import type { Role } from '../../shared/contracts/common.js';
import { type AgendaItem, CreateAgendaItemInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { meetingAgendaItems } from './meeting.table.js';
import { readAgendaItem } from './meeting-reads.js';
import {
  assertAgendaOpen,
  assertMayManage,
  assertMayRead,
  auditedAgendaItem,
  lockMeeting,
  mayManage,
} from './meeting-rules.js';

export const agendaWriters: readonly Role[] = ['admin', 'department', 'region'];

/**
 * Adds an item last on a planned meeting's agenda. Who manages the meeting puts it on the agenda; a region
 * contact of a region the meeting concerns proposes it, and it stays proposed until the admin or the owner
 * accepts it. Anyone else is refused.
 */
export async function addAgendaItem(ctx: Ctx, meetingId: string, raw: unknown): Promise<AgendaItem> {
  const actx = authorize(ctx, agendaWriters);
  const input = parse(CreateAgendaItemInput, raw);
  return actx.db.transaction(async (tx) => {
    const { row: meeting, scope } = await lockMeeting(tx, meetingId);
    const manages = mayManage(actx.actor, meeting);
    if (!manages) {
      if (actx.actor.role !== 'region') assertMayManage(actx.actor, meeting);
      assertMayRead(actx.actor, scope);
    }
    assertAgendaOpen(meeting.state);
    const [row] = await tx
      .insert(meetingAgendaItems)
      .values({
        meetingId,
        position: sql`(select coalesce(max(${meetingAgendaItems.position}) + 1, 0) from ${meetingAgendaItems} where ${meetingAgendaItems.meetingId} = ${meetingId})`,
        title: input.title,
        durationMinutes: input.durationMinutes,
        proposed: !manages,
        proposedBy: manages ? null : userIdOf(actx.actor),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, actx, {
      action: manages ? 'agendaItem.create' : 'agendaItem.propose',
      entityType: 'agendaItem',
      entityId: row.id,
      before: null,
      after: auditedAgendaItem(row),
    });
    return readAgendaItem(tx, actx.actor, row.id, manages);
  });
}
