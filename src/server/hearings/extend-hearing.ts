import { eq } from 'drizzle-orm';
import { ExtendHearingInput, type HearingMailed } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { type MailDelivery, mailOutcome, noMailServer } from '../mail/mail-outcome.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { auditedHearing } from './hearing.mapper.js';
import { hearings } from './hearing.table.js';
import { hearingFacts } from './hearing-facts.js';
import { extendedMail, hearingLink } from './hearing-mail.js';
import { loadHearing } from './hearing-reads.js';
import { queueHearingMails, regionContacts, regionsWithoutContact } from './hearing-recipients.js';
import { scheduleReminders } from './hearing-reminders.js';
import { closedForInput, hearingClosed } from './hearing-rules.js';
import type { Links } from './open-hearing.js';

/**
 * Moves an open hearing's deadline later. Every invited region's contacts are told by e-mail and the
 * reminders move with the deadline. A hearing that has closed is not reopened this way: its input may
 * already have been answered. The answer says what became of the e-mail, as opening a hearing's does.
 */
export async function extendHearing(
  ctx: Ctx,
  id: string,
  raw: unknown,
  links: Links,
  delivery: MailDelivery = noMailServer,
): Promise<HearingMailed> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(ExtendHearingInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, hearings, id, input.version);
    const now = await databaseNow(tx);
    if (closedForInput(before, now)) throw hearingClosed();
    if (input.deadline <= before.deadline) throw fieldError('deadline', 'validation.deadlineNotLater');
    const [row] = await tx
      .update(hearings)
      .set({ deadline: input.deadline, ...nextVersion(hearings) })
      .where(eq(hearings.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'hearing.extend',
      entityType: 'hearing',
      entityId: id,
      before: auditedHearing(before),
      after: auditedHearing(row),
    });

    const { facts, regionIds } = await hearingFacts(tx, id);
    const link = hearingLink(links.appUrl, id);
    const contacts = await regionContacts(tx, regionIds);
    const queued = await queueHearingMails(
      tx,
      contacts,
      id,
      (r) => extendedMail(r, facts, before.deadline, link),
      (r) => `hearing:${id}:extend:${row.version}:${r.userId}`,
    );
    await scheduleReminders(tx, row, now, links.appUrl);

    const hearing = await loadHearing(tx, actx.actor, now, id);
    if (!hearing) throw new Error('hearing vanished');
    return {
      ...hearing,
      mail: mailOutcome(queued, delivery),
      regionsWithoutContact: regionsWithoutContact(hearing.invitedRegions, contacts),
    };
  });
}
