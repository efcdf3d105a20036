import { and, eq, isNull, notExists } from 'drizzle-orm';
import { z } from 'zod';
import { IsoDate } from '../../shared/contracts/common.js';
import { HearingKind } from '../../shared/contracts/hearings.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { defineJob, defineWorker, type JobWorker } from '../jobs/define-job.js';
import { requestJob } from '../jobs/request-job.js';
import { databaseNow } from '../platform/clock.js';
import { addDays, osloInstant } from './deadline.js';
import { hearingInputs, hearingInvitations, hearings } from './hearing.table.js';
import { hearingLink, reminderMail } from './hearing-mail.js';
import { queueHearingMails, regionContacts } from './hearing-recipients.js';
import { closedForInput } from './hearing-rules.js';

/** Invited regions that have not given input are reminded this many days before the deadline. */
export const reminderDays = [7, 1] as const;
/** At this hour (Oslo) on the day of the reminder: the start of a working day. */
const reminderHour = 8;

/**
 * One reminder of one hearing. The singleton key (`exclusive`) keeps one waiting job per hearing and
 * reminder, which an extension moves to the new deadline; the data names the deadline it was made for, so
 * a reminder that was moved meanwhile sends nothing. Every message also carries a key, so a job that runs
 * twice sends nothing twice.
 */
export const hearingReminderJob = defineJob({
  name: 'hearing.reminder',
  data: z.object({
    hearingId: z.string().uuid(),
    daysBefore: z.number().int().min(1),
    deadline: IsoDate,
    /** The app's address when the reminder was scheduled, for the link in the message. */
    appUrl: z.string().url(),
  }),
  policy: 'exclusive',
  queue: { retryLimit: 5, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 },
});

export type ReminderData = z.infer<typeof hearingReminderJob.data>;

export const reminderKey = (hearingId: string, daysBefore: number) =>
  `hearing:${hearingId}:reminder:${daysBefore}`;

/** When a reminder is due: 08:00 in Oslo, the given number of days before the deadline. */
export const reminderTime = (deadline: string, daysBefore: number) =>
  osloInstant(addDays(deadline, -daysBefore), reminderHour);

/**
 * Schedules (or moves, after an extension) the hearing's reminders, in the caller's transaction. A
 * reminder whose time has already come is left out: a hearing opened five days before its deadline gets
 * no seven-day reminder.
 */
export async function scheduleReminders(
  tx: Tx,
  hearing: { id: string; deadline: string },
  now: Date,
  appUrl: string,
): Promise<void> {
  for (const daysBefore of reminderDays) {
    const startAfter = reminderTime(hearing.deadline, daysBefore);
    if (startAfter <= now) continue;
    await requestJob(
      tx,
      hearingReminderJob,
      { hearingId: hearing.id, daysBefore, deadline: hearing.deadline, appUrl },
      { startAfter, singletonKey: reminderKey(hearing.id, daysBefore), replace: true },
    );
  }
}

/**
 * Sends one reminder: to the contacts of every invited region that has no live input in the hearing, as
 * long as the hearing is open and its deadline is still the one the reminder was made for. Returns how
 * many messages were queued.
 */
export async function sendHearingReminder(db: Db, data: ReminderData, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [hearing] = await tx
      .select({ row: hearings, cycleName: cycles.name, versionNumber: generalPartVersions.number })
      .from(hearings)
      .innerJoin(cycles, eq(cycles.id, hearings.cycleId))
      .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
      .where(eq(hearings.id, data.hearingId));
    if (!hearing) return 0;
    const { row } = hearing;
    if (row.deadline !== data.deadline || closedForInput(row, now)) return 0;

    const silent = await tx
      .select({ regionId: hearingInvitations.regionId })
      .from(hearingInvitations)
      .where(
        and(
          eq(hearingInvitations.hearingId, row.id),
          notExists(
            tx
              .select({ id: hearingInputs.id })
              .from(hearingInputs)
              .where(
                and(
                  eq(hearingInputs.hearingId, row.id),
                  eq(hearingInputs.regionId, hearingInvitations.regionId),
                  isNull(hearingInputs.withdrawnAt),
                ),
              ),
          ),
        ),
      );
    const recipients = await regionContacts(
      tx,
      silent.map((s) => s.regionId),
    );
    const facts = {
      hearingId: row.id,
      cycleName: hearing.cycleName,
      kind: HearingKind.parse(row.kind),
      versionNumber: hearing.versionNumber,
      deadline: row.deadline,
      coverLetter: row.coverLetter,
    };
    const link = hearingLink(data.appUrl, row.id);
    return queueHearingMails(
      tx,
      recipients,
      row.id,
      (r) => reminderMail(r, facts, data.daysBefore, link),
      (r) => `${reminderKey(row.id, data.daysBefore)}:${row.deadline}:${r.userId}`,
    );
  });
}

/** The worker the server runs; the clock is the database's, as for every other deadline check. */
export function hearingReminderWorker(): JobWorker {
  return defineWorker(hearingReminderJob, async (data, ctx) => {
    const sent = await sendHearingReminder(ctx.db, data, await databaseNow(ctx.db));
    ctx.log.info({ hearingId: data.hearingId, daysBefore: data.daysBefore, sent }, 'hearing reminder');
  });
}
