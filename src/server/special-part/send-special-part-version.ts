import { eq, sql } from 'drizzle-orm';
import {
  SpecialPartTransitionInput,
  type SpecialPartVersionSent,
} from '../../shared/contracts/special-part.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { regionContacts } from '../hearings/hearing-recipients.js';
import { type MailDelivery, mailOutcome, noMailServer } from '../mail/mail-outcome.js';
import { queueMail } from '../mail/queue-mail.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { regions } from '../registry/registry.table.js';
import { generateContributionsContent } from './contributions-content.js';
import { specialPartVersions } from './special-part.table.js';
import { lockSpecialPartVersion } from './special-part-locks.js';
import { sentMail, specialPartLink } from './special-part-mail.js';
import { auditedVersion, loadSpecialPartVersion } from './special-part-reads.js';

/** Where the app is reached, for the link in the e-mail. */
export type SpecialPartLinks = { appUrl: string };

/**
 * Sends a draft to the parties: from now on the version never changes. In the same transaction the
 * contributions section is generated one last time and frozen into the version, with the agreement's
 * contributions locked, so the frozen text is exactly the agreed items at this moment; and the region's
 * active contacts are e-mailed a link to it, to answer it. The answer says what became of the e-mail
 * (`delivery`: whether a mail server sends it) and names the region if it has no active contact.
 */
export async function sendSpecialPartVersion(
  ctx: Ctx,
  id: string,
  raw: unknown,
  links: SpecialPartLinks,
  delivery: MailDelivery = noMailServer,
): Promise<SpecialPartVersionSent> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(SpecialPartTransitionInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockSpecialPartVersion(tx, id, input.version);
    if (before.state !== 'draft') throw conflict('validation.specialPartNotDraft');
    // A contribution changed in a transaction that commits before ours would otherwise be missed by it.
    await tx.execute(sql`select id from contributions where agreement_id = ${before.agreementId} for share`);
    const snapshot = await generateContributionsContent(tx, before.agreementId);
    const [row] = await tx
      .update(specialPartVersions)
      .set({
        state: 'sent',
        contributionsSnapshot: snapshot,
        sentAt: sql`now()`,
        sentBy: userIdOf(actx.actor),
        ...nextVersion(specialPartVersions),
      })
      .where(eq(specialPartVersions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.send',
      entityType: 'specialPartVersion',
      entityId: id,
      before: auditedVersion(before),
      after: {
        ...auditedVersion(row),
        contributions: snapshot.subjectAreas.flatMap((a) => a.contributions.map((c) => c.id)),
      },
    });
    const { queued, region } = await tellRegion(tx, row, links);
    const sent = await loadSpecialPartVersion(tx, id);
    if (!sent) throw new Error('version vanished');
    return {
      ...sent,
      mail: mailOutcome(queued, delivery),
      regionsWithoutContact: region.reached ? [] : [{ id: region.id, name: region.name }],
    };
  });
}

/**
 * One message to each active contact of the agreement's region, in the region's written standard, each
 * once only (`key`). Returns how many were queued and whether anybody in the region was reached.
 */
async function tellRegion(
  tx: Tx,
  version: typeof specialPartVersions.$inferSelect,
  links: SpecialPartLinks,
): Promise<{ queued: number; region: { id: string; name: string; reached: boolean } }> {
  const [agreement] = await tx
    .select({ regionId: regions.id, regionName: regions.name, cycleName: cycles.name })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(cycles, eq(cycles.id, agreements.cycleId))
    .where(eq(agreements.id, version.agreementId));
  if (!agreement) throw new Error('agreement vanished');
  const contacts = await regionContacts(tx, [agreement.regionId]);
  const link = specialPartLink(links.appUrl, version.agreementId, version.id);
  let queued = 0;
  for (const contact of contacts) {
    const mail = sentMail(contact.standard, {
      regionName: agreement.regionName,
      cycleName: agreement.cycleName,
      versionNumber: version.number,
      link,
    });
    const queuedId = await queueMail(tx, {
      to: contact.email,
      ...mail,
      related: { type: 'specialPartVersion', id: version.id },
      key: `specialPartVersion:${version.id}:sent:${contact.userId}`,
    });
    if (queuedId) queued++;
  }
  return {
    queued,
    region: { id: agreement.regionId, name: agreement.regionName, reached: contacts.length > 0 },
  };
}
