import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { IsoDate, type Locale } from '../../shared/contracts/common.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { addDays, osloInstant } from '../hearings/deadline.js';
import { defineJob, defineWorker, type JobWorker } from '../jobs/define-job.js';
import { requestJob } from '../jobs/request-job.js';
import { queueMail } from '../mail/queue-mail.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { reminderMail } from './reporting-reminder-mail.js';
import { reportingRounds } from './reporting-round.table.js';
import { unsubmittedOf } from './reporting-round-reads.js';

/** Owners who have not submitted are reminded this many days before the round's deadline. */
export const roundReminderDays = [14, 3] as const;
/** At this hour (Oslo) on the day of the reminder: the start of a working day. */
const reminderHour = 8;

/**
 * One reminder of one round. The singleton key keeps one waiting job per round and reminder; the data
 * names the deadline it was made for; every message carries a key, so a job that runs twice sends nothing
 * twice and each owner is reminded once per reminder.
 */
export const roundReminderJob = defineJob({
  name: 'follow-up.round-reminder',
  data: z.object({
    roundId: z.string().uuid(),
    daysBefore: z.number().int().min(1),
    deadline: IsoDate,
    appUrl: z.string().url(),
  }),
  policy: 'exclusive',
  queue: { retryLimit: 5, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 },
});

export type RoundReminderData = z.infer<typeof roundReminderJob.data>;

export const roundReminderKey = (roundId: string, daysBefore: number) =>
  `round:${roundId}:reminder:${daysBefore}`;

/** When a reminder is due: 08:00 in Oslo, the given number of days before the deadline. */
export const roundReminderTime = (deadline: string, daysBefore: number) =>
  osloInstant(addDays(deadline, -daysBefore), reminderHour);

/** Schedules the round's reminders in the caller's transaction; one whose time has passed is left out. */
export async function scheduleRoundReminders(
  tx: Tx,
  round: { id: string; deadline: string },
  now: Date,
  appUrl: string,
): Promise<void> {
  for (const daysBefore of roundReminderDays) {
    const startAfter = roundReminderTime(round.deadline, daysBefore);
    if (startAfter <= now) continue;
    await requestJob(
      tx,
      roundReminderJob,
      { roundId: round.id, daysBefore, deadline: round.deadline, appUrl },
      { startAfter, singletonKey: roundReminderKey(round.id, daysBefore), replace: true },
    );
  }
}

export const followUpLink = (appUrl: string, roundId: string) =>
  `${appUrl.replace(/\/+$/, '')}/oppfolging/runder/${roundId}`;

/**
 * Sends one reminder: to every department editor of a department, and every region contact of a region,
 * that owns a commitment of the round without a submitted report, in the recipient's language, as long as
 * the round is open and its deadline is the one the reminder was made for. Returns how many were queued.
 */
export async function sendRoundReminder(db: Db, data: RoundReminderData): Promise<number> {
  return db.transaction(async (tx) => {
    const [round] = await tx
      .select({ round: reportingRounds, cycleName: cycles.name })
      .from(reportingRounds)
      .innerJoin(cycles, eq(cycles.id, reportingRounds.cycleId))
      .where(eq(reportingRounds.id, data.roundId));
    if (round?.round.state !== 'open' || round.round.deadline !== data.deadline) return 0;
    const open = await unsubmittedOf(tx, data.roundId);
    const byDepartment = new Map<string, number>();
    const byRegion = new Map<string, number>();
    for (const c of open) {
      if (c.ownerDepartmentId)
        byDepartment.set(c.ownerDepartmentId, (byDepartment.get(c.ownerDepartmentId) ?? 0) + 1);
      else byRegion.set(c.regionId, (byRegion.get(c.regionId) ?? 0) + 1);
    }
    if (byDepartment.size === 0 && byRegion.size === 0) return 0;
    const conditions = [];
    if (byDepartment.size > 0) {
      conditions.push(
        and(eq(users.role, 'department'), inArray(users.departmentId, [...byDepartment.keys()])),
      );
    }
    if (byRegion.size > 0) {
      conditions.push(and(eq(users.role, 'region'), inArray(users.regionId, [...byRegion.keys()])));
    }
    const recipients = await tx
      .select({
        id: users.id,
        email: users.email,
        locale: users.locale,
        departmentId: users.departmentId,
        regionId: users.regionId,
        departmentName: departments.name,
        regionName: regions.name,
      })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .leftJoin(regions, eq(regions.id, users.regionId))
      .where(and(eq(users.active, true), or(...conditions)))
      .orderBy(asc(users.email));
    const link = followUpLink(data.appUrl, data.roundId);
    let queued = 0;
    for (const r of recipients) {
      const left = r.departmentId
        ? (byDepartment.get(r.departmentId) ?? 0)
        : (byRegion.get(r.regionId ?? '') ?? 0);
      const mail = reminderMail(r.locale as Locale, {
        ownerName: (r.departmentId ? r.departmentName : r.regionName) ?? '',
        roundName: round.round.name,
        cycleName: round.cycleName,
        deadline: round.round.deadline,
        left,
        daysBefore: data.daysBefore,
        link,
      });
      const id = await queueMail(tx, {
        to: r.email,
        subject: mail.subject,
        text: mail.text,
        related: { type: 'reportingRound', id: data.roundId },
        key: `${roundReminderKey(data.roundId, data.daysBefore)}:${data.deadline}:${r.id}`,
      });
      if (id) queued++;
    }
    return queued;
  });
}

/** The worker the server runs. */
export function roundReminderWorker(): JobWorker {
  return defineWorker(roundReminderJob, async (data, ctx) => {
    const sent = await sendRoundReminder(ctx.db, data);
    ctx.log.info({ roundId: data.roundId, daysBefore: data.daysBefore, sent }, 'reporting round reminder');
  });
}
