import { eq } from 'drizzle-orm';
import { type AgendaItem, UpdateAgendaItemInput } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { nextVersion } from '../platform/versioned.js';
import { meetingManagers } from './create-meeting.js';
import { meetingAgendaItems } from './meeting.table.js';
import { readAgendaItem } from './meeting-reads.js';
import { assertAgendaOpen, assertMayManage, auditedAgendaItem, lockAgendaItem } from './meeting-rules.js';

/** Changes an agenda item's title or duration (a proposal too, before it is accepted). */
export async function updateAgendaItem(ctx: Ctx, id: string, raw: unknown): Promise<AgendaItem> {
  const actx = authorize(ctx, meetingManagers);
  const input = parse(UpdateAgendaItemInput, raw);
  return actx.db.transaction(async (tx) => {
    const { item: before, row: meeting } = await lockAgendaItem(tx, id);
    assertMayManage(actx.actor, meeting);
    if (before.version !== input.version) throw stale();
    assertAgendaOpen(meeting.state);
    const [row] = await tx
      .update(meetingAgendaItems)
      .set({
        title: input.title ?? before.title,
        durationMinutes: input.durationMinutes ?? before.durationMinutes,
        ...nextVersion(meetingAgendaItems),
      })
      .where(eq(meetingAgendaItems.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'agendaItem.update',
      entityType: 'agendaItem',
      entityId: id,
      before: auditedAgendaItem(before),
      after: auditedAgendaItem(row),
    });
    return readAgendaItem(tx, actx.actor, id, true);
  });
}
