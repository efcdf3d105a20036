import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Locale } from '../../shared/contracts/common.js';
import { toOsloIso } from '../../shared/contracts/oslo-time.js';
import { isEmptyRichText } from '../../shared/contracts/rich-text.js';
import type { Db, Tx } from '../db/client.js';
import { defineJob, defineWorker, type JobWorker } from '../jobs/define-job.js';
import { requestJob } from '../jobs/request-job.js';
import { queueMail } from '../mail/queue-mail.js';
import { users } from '../users/user.table.js';
import { meetings } from './meeting.table.js';
import { meetingLink, minutesReminderMail } from './meeting-mail.js';

/** A held meeting without minutes reminds its owner this long after it was marked held. */
export const minutesReminderDelayMs = 3 * 24 * 60 * 60 * 1000;

/**
 * The reminder of one meeting's minutes, asked for when it is marked held. A meeting is marked held once,
 * so there is one job per meeting (the singleton key keeps a repeated request from adding a second), and
 * every message carries a key, so a job that runs twice sends nothing twice: the owner is reminded once.
 */
export const minutesReminderJob = defineJob({
  name: 'meeting.minutes-reminder',
  data: z.object({
    meetingId: z.string().uuid(),
    /** The app's address when the meeting was marked held, for the link in the message. */
    appUrl: z.string().url(),
  }),
  policy: 'exclusive',
  queue: { retryLimit: 5, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 },
});

export type MinutesReminderData = z.infer<typeof minutesReminderJob.data>;

export const minutesReminderKey = (meetingId: string) => `meeting:${meetingId}:minutes-reminder`;

/** Asks for the reminder in the caller's transaction (the one that marks the meeting held). */
export async function scheduleMinutesReminder(tx: Tx, meetingId: string, heldAt: Date, appUrl: string) {
  await requestJob(
    tx,
    minutesReminderJob,
    { meetingId, appUrl },
    {
      startAfter: new Date(heldAt.getTime() + minutesReminderDelayMs),
      singletonKey: minutesReminderKey(meetingId),
    },
  );
}

/**
 * Who is reminded: the owner of the meeting. For a bilateral meeting that is its department, whose active
 * editors manage it; otherwise the admin who created it, or every active admin when its creator is no
 * longer one (or it was made by the system, as the demo's are).
 */
async function ownersOf(tx: Tx, meeting: typeof meetings.$inferSelect) {
  const recipient = { id: users.id, email: users.email, locale: users.locale };
  if (meeting.type === 'bilateral' && meeting.ownerDepartmentId) {
    return tx
      .select(recipient)
      .from(users)
      .where(
        and(
          eq(users.role, 'department'),
          eq(users.departmentId, meeting.ownerDepartmentId),
          eq(users.active, true),
        ),
      )
      .orderBy(asc(users.email));
  }
  const admins = await tx
    .select(recipient)
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.email));
  const creator = admins.filter((a) => a.id === meeting.createdBy);
  return creator.length ? creator : admins;
}

/**
 * Sends the reminder if the meeting is still held without minutes (a meeting whose minutes went out for
 * comment has them). Returns how many messages were queued.
 */
export async function sendMinutesReminder(db: Db, data: MinutesReminderData): Promise<number> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, data.meetingId)).for('share');
    if (meeting?.state !== 'held') return 0;
    if (meeting.minutes && !isEmptyRichText(meeting.minutes)) return 0;
    let queued = 0;
    for (const owner of await ownersOf(tx, meeting)) {
      const locale = Locale.catch('nb').parse(owner.locale);
      const mail = minutesReminderMail(locale, {
        title: meeting.title,
        startsAt: toOsloIso(meeting.startsAt),
        link: meetingLink(data.appUrl, meeting.id),
      });
      const id = await queueMail(tx, {
        to: owner.email,
        ...mail,
        related: { type: 'meeting', id: meeting.id },
        key: `${minutesReminderKey(meeting.id)}:${owner.id}`,
      });
      if (id) queued++;
    }
    return queued;
  });
}

export function minutesReminderWorker(): JobWorker {
  return defineWorker(minutesReminderJob, async (data, ctx) => {
    const sent = await sendMinutesReminder(ctx.db, data);
    ctx.log.info({ meetingId: data.meetingId, sent }, 'minutes reminder');
  });
}
