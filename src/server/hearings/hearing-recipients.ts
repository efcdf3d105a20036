import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { queueMail } from '../mail/queue-mail.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import type { Mail, Recipient } from './hearing-mail.js';

/** The active contact users of the given regions, with the region's name and written standard. */
export async function regionContacts(db: Db | Tx, regionIds: readonly string[]): Promise<Recipient[]> {
  if (regionIds.length === 0) return [];
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      regionId: regions.id,
      regionName: regions.name,
      standard: regions.writtenStandard,
    })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.role, 'region'), eq(users.active, true), inArray(users.regionId, [...regionIds])))
    .orderBy(asc(regions.name), asc(users.email));
  return rows.map((r) => ({ ...r, standard: r.standard === 'nn' ? 'nn' : 'nb' }));
}

/** The invited regions none of the recipients belongs to: nobody there is told. */
export function regionsWithoutContact<R extends { id: string }>(
  invited: readonly R[],
  recipients: readonly Recipient[],
): R[] {
  const reached = new Set(recipients.map((r) => r.regionId));
  return invited.filter((region) => !reached.has(region.id));
}

/**
 * Queues one message per recipient in the caller's transaction. `key` makes each message once only, so a
 * job that runs twice (a process stopped halfway) sends nothing twice. Returns how many were queued.
 */
export async function queueHearingMails(
  tx: Tx,
  recipients: readonly Recipient[],
  hearingId: string,
  compose: (r: Recipient) => Mail,
  keyOf: (r: Recipient) => string,
): Promise<number> {
  let queued = 0;
  for (const r of recipients) {
    const mail = compose(r);
    const id = await queueMail(tx, {
      to: r.email,
      subject: mail.subject,
      text: mail.text,
      related: { type: 'hearing', id: hearingId },
      key: keyOf(r),
    });
    if (id) queued++;
  }
  return queued;
}
