import { and, asc, eq, inArray, isNull, like, notExists } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { mailOutbox } from '../mail/mail.table.js';
import { regions } from '../registry/registry.table.js';
import { hearingInputs, hearingInvitations } from './hearing.table.js';

const manualReminderPrefix = 'hearing-manual-reminder';

/**
 * The outbox key of the coordinator's reminder to one contact of one region in one hearing: with it a second
 * press of the button queues nothing for those already reminded.
 */
export const manualReminderKey = (hearingId: string, regionId: string, userId: string) =>
  `${manualReminderPrefix}:${hearingId}:${regionId}:${userId}`;

export type SilentRegionRow = { hearingId: string; regionId: string; regionName: string };

/** The invited regions of the given hearings without a live input, by hearing, then region name. */
export async function silentRegions(db: Db | Tx, hearingIds: readonly string[]): Promise<SilentRegionRow[]> {
  if (hearingIds.length === 0) return [];
  return db
    .select({
      hearingId: hearingInvitations.hearingId,
      regionId: hearingInvitations.regionId,
      regionName: regions.name,
    })
    .from(hearingInvitations)
    .innerJoin(regions, eq(regions.id, hearingInvitations.regionId))
    .where(
      and(
        inArray(hearingInvitations.hearingId, [...hearingIds]),
        notExists(
          db
            .select({ id: hearingInputs.id })
            .from(hearingInputs)
            .where(
              and(
                eq(hearingInputs.hearingId, hearingInvitations.hearingId),
                eq(hearingInputs.regionId, hearingInvitations.regionId),
                isNull(hearingInputs.withdrawnAt),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(hearingInvitations.hearingId), asc(regions.name));
}

/**
 * The regions the coordinator has reminded in each of the given hearings, as `hearingId:regionId`. Read
 * through the outbox's index on what a message is about (the hearing's few messages), then by key.
 */
export async function manuallyReminded(db: Db | Tx, hearingIds: readonly string[]): Promise<Set<string>> {
  if (hearingIds.length === 0) return new Set();
  const rows = await db
    .select({ key: mailOutbox.key })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.entityType, 'hearing'),
        inArray(mailOutbox.entityId, [...hearingIds]),
        like(mailOutbox.key, `${manualReminderPrefix}:%`),
      ),
    );
  return new Set(
    rows.flatMap((r) => {
      const [, hearingId, regionId] = r.key?.split(':') ?? [];
      return hearingId && regionId ? [`${hearingId}:${regionId}`] : [];
    }),
  );
}
