import { eq } from 'drizzle-orm';
import { VersionQuery } from '../../shared/contracts/meetings.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { stale } from '../platform/errors.js';
import { agendaWriters } from './add-agenda-item.js';
import { meetingAgendaItems } from './meeting.table.js';
import {
  assertAgendaOpen,
  assertMayManage,
  auditedAgendaItem,
  lockAgendaItem,
  mayManage,
  renumberAgenda,
} from './meeting-rules.js';

/**
 * Takes an item off a planned meeting's agenda: who manages the meeting any item (declining a proposal
 * too); a region contact their own proposal while it is still proposed.
 */
export async function deleteAgendaItem(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const actx = authorize(ctx, agendaWriters);
  const { version } = parse(VersionQuery, raw);
  await actx.db.transaction(async (tx) => {
    const { item: before, row: meeting } = await lockAgendaItem(tx, id);
    const ownProposal = before.proposed && before.proposedBy === actx.actor.id;
    const manages = mayManage(actx.actor, meeting);
    if (!ownProposal) assertMayManage(actx.actor, meeting);
    if (before.version !== version) throw stale();
    assertAgendaOpen(meeting.state);
    await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.id, id));
    await renumberAgenda(tx, meeting.id);
    await appendAudit(tx, actx, {
      action: !before.proposed ? 'agendaItem.delete' : manages ? 'agendaItem.decline' : 'agendaItem.withdraw',
      entityType: 'agendaItem',
      entityId: id,
      before: auditedAgendaItem(before),
      after: null,
    });
  });
}
