import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { type HearingMailed, OpenHearingInput } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { markOnHearing } from '../general-part/mark-on-hearing.js';
import { type MailDelivery, mailOutcome, noMailServer } from '../mail/mail-outcome.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { ActorCtx, Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import { osloDate } from './deadline.js';
import { auditedHearing } from './hearing.mapper.js';
import { hearingInvitations, hearings } from './hearing.table.js';
import { hearingLink, openedMail } from './hearing-mail.js';
import { loadHearing } from './hearing-reads.js';
import { queueHearingMails, regionContacts, regionsWithoutContact } from './hearing-recipients.js';
import { scheduleReminders } from './hearing-reminders.js';

/** Where the app is reached, for the links in the e-mails. */
export type Links = { appUrl: string };

/**
 * Opens a hearing on a version of a cycle's general part. In one transaction: the version is sent on
 * hearing (frozen from now on), the hearing and its invitations are written, every invited region's
 * contacts get an e-mail, and the reminders are scheduled; if any of it fails, none of it happened.
 * One hearing of a cycle is open at a time, so regions never answer two texts at once. The answer says
 * what became of the e-mail (`delivery`: whether a mail server sends it) and which regions had no contact.
 */
export async function openHearing(
  ctx: Ctx,
  raw: unknown,
  links: Links,
  delivery: MailDelivery = noMailServer,
): Promise<HearingMailed> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(OpenHearingInput, raw);
  return actx.db.transaction(async (tx) => {
    const now = await databaseNow(tx);
    const today = osloDate(now);
    if (input.deadline < today) throw fieldError('deadline', 'validation.deadlineInPast');
    const { row, cycle, version, regionIds } = await writeHearing(tx, actx, input, today, null);

    const facts = {
      hearingId: row.id,
      cycleName: cycle.name,
      kind: input.kind,
      versionNumber: version.number,
      deadline: row.deadline,
      coverLetter: row.coverLetter,
    };
    const link = hearingLink(links.appUrl, row.id);
    const contacts = await regionContacts(tx, regionIds);
    const queued = await queueHearingMails(
      tx,
      contacts,
      row.id,
      (r) => openedMail(r, facts, link),
      (r) => `hearing:${row.id}:open:${r.userId}`,
    );
    await scheduleReminders(tx, row, now, links.appUrl);

    const hearing = await loadHearing(tx, actx.actor, now, row.id);
    if (!hearing) throw new Error('hearing vanished');
    return {
      ...hearing,
      mail: mailOutcome(queued, delivery),
      regionsWithoutContact: regionsWithoutContact(hearing.invitedRegions, contacts),
    };
  });
}

/** A hearing registered after it took place: when it was opened, and when it was registered. */
export type Registered = { openedAt: Date; at: Date };

/**
 * What opening and registering a hearing share: the cycle and the version are checked, the version is
 * sent on hearing (which locks the cycle and the version), the invited regions are checked, and the
 * hearing and its invitations are written and audited. A hearing opened now must be the cycle's only open
 * one; one registered afterwards is closed already.
 */
export async function writeHearing(
  tx: Tx,
  actx: ActorCtx,
  input: OpenHearingInput,
  today: string,
  registered: Registered | null,
) {
  const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, input.cycleId));
  if (!cycle) throw fieldError('cycleId', 'validation.unknownCycle');
  const [target] = await tx
    .select({ cycleId: generalPartVersions.cycleId })
    .from(generalPartVersions)
    .where(eq(generalPartVersions.id, input.versionId));
  if (target?.cycleId !== cycle.id) throw fieldError('versionId', 'validation.versionNotInCycle');

  // Locks the cycle and the version: a second admin opening a hearing on the same cycle waits here and
  // then sees this one.
  const version = await markOnHearing(tx, actx, input.versionId);
  if (!registered) {
    const [open] = await tx
      .select({ id: hearings.id })
      .from(hearings)
      .where(and(eq(hearings.cycleId, cycle.id), isNull(hearings.closedAt), gte(hearings.deadline, today)))
      .limit(1);
    if (open) throw conflict('validation.hearingAlreadyOpen');
  }

  const invited = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(input.invitedRegionIds ? inArray(regions.id, input.invitedRegionIds) : undefined)
    .orderBy(asc(regions.name));
  if (input.invitedRegionIds && invited.length !== input.invitedRegionIds.length) {
    throw fieldError('invitedRegionIds', 'validation.unknownRegion');
  }
  if (invited.length === 0) throw fieldError('invitedRegionIds', 'validation.noRegions');
  const regionIds = invited.map((r) => r.id);

  const [row] = await tx
    .insert(hearings)
    .values({
      cycleId: cycle.id,
      versionId: input.versionId,
      kind: input.kind,
      deadline: input.deadline,
      coverLetter: input.coverLetter,
      openedBy: userIdOf(actx.actor),
      // The opening is the row's creation: a hearing registered afterwards was opened on its own day.
      ...(registered && {
        createdAt: registered.openedAt,
        registeredAfterwardsAt: registered.at,
        registeredAfterwardsBy: userIdOf(actx.actor),
      }),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(hearingInvitations).values(regionIds.map((regionId) => ({ hearingId: row.id, regionId })));
  await appendAudit(tx, actx, {
    action: registered ? 'hearing.register' : 'hearing.open',
    entityType: 'hearing',
    entityId: row.id,
    before: null,
    after: {
      ...auditedHearing(row),
      coverLetter: row.coverLetter,
      invitedRegionIds: regionIds,
      ...(registered && { openedAt: row.createdAt }),
    },
  });
  return { row, cycle, version, regionIds };
}
