import type { RegionRef, SilentRegionsReminded } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { type MailDelivery, mailOutcome, noMailServer } from '../mail/mail-outcome.js';
import { queueMail } from '../mail/queue-mail.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { hearingFacts } from './hearing-facts.js';
import { hearingLink, manualReminderMail } from './hearing-mail.js';
import { regionContacts } from './hearing-recipients.js';
import { closedForInput, hearingClosed, lockHearing, momentUnderLock } from './hearing-rules.js';
import type { Links } from './open-hearing.js';
import { manualReminderKey, silentRegions } from './silent-region-reads.js';

/**
 * The coordinator reminds the invited regions that have not answered an open hearing, from the start page:
 * one e-mail to each active contact of each such region, in the region's written standard, queued through
 * the outbox with a key, so a contact is reminded once however often the button is pressed. The answer says
 * truthfully whom this press reminded, who had been reminded before, who has no contact to remind, and what
 * became of the e-mail. A closed hearing takes no more input, so it is refused (409).
 */
export async function remindSilentRegions(
  ctx: Ctx,
  hearingId: string,
  links: Links,
  delivery: MailDelivery = noMailServer,
): Promise<SilentRegionsReminded> {
  const actx = authorize(ctx, adminOnly);
  assertId(hearingId);
  return actx.db.transaction(async (tx) => {
    // Shared: an input or a close in flight is waited for, so the silent regions are read as they are.
    const hearing = await lockHearing(tx, hearingId, 'share');
    if (closedForInput(hearing, await momentUnderLock(tx))) throw hearingClosed();
    const silent = await silentRegions(tx, [hearingId]);
    const contacts = await regionContacts(
      tx,
      silent.map((s) => s.regionId),
    );
    const { facts } = await hearingFacts(tx, hearingId);
    const link = hearingLink(links.appUrl, hearingId);
    const queuedFor = new Set<string>();
    let queued = 0;
    for (const contact of contacts) {
      const mail = manualReminderMail(contact, facts, link);
      const id = await queueMail(tx, {
        to: contact.email,
        subject: mail.subject,
        text: mail.text,
        related: { type: 'hearing', id: hearingId },
        key: manualReminderKey(hearingId, contact.regionId, contact.userId),
      });
      if (id) {
        queued++;
        queuedFor.add(contact.regionId);
      }
    }
    const reached = new Set(contacts.map((c) => c.regionId));
    const ref = (s: { regionId: string; regionName: string }): RegionRef => ({
      id: s.regionId,
      name: s.regionName,
    });
    const result = {
      remindedNow: silent.filter((s) => queuedFor.has(s.regionId)).map(ref),
      remindedBefore: silent.filter((s) => reached.has(s.regionId) && !queuedFor.has(s.regionId)).map(ref),
      withoutContact: silent.filter((s) => !reached.has(s.regionId)).map(ref),
    };
    await appendAudit(tx, actx, {
      action: 'hearing.remind',
      entityType: 'hearing',
      entityId: hearingId,
      before: null,
      after: {
        remindedNow: result.remindedNow.map((r) => r.id),
        remindedBefore: result.remindedBefore.map((r) => r.id),
        withoutContact: result.withoutContact.map((r) => r.id),
        messagesQueued: queued,
      },
    });
    return { ...result, mail: mailOutcome(queued, delivery) };
  });
}
