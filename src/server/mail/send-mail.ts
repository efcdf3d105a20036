import { and, eq, sql } from 'drizzle-orm';
import type { QueueOptions } from 'pg-boss';
import { z } from 'zod';
import { defineJob, defineWorker, type JobContext, type JobWorker } from '../jobs/define-job.js';
import { mailOutbox } from './mail.table.js';
import { createMailer, type Mailer } from './mail-transport.js';

/**
 * Sending one queued message. A refused or unreachable server is tried again with growing pauses
 * (about 1, 2, 4 … minutes, at most an hour between tries; seven tries in all) before the message is
 * marked failed.
 */
export const sendMailJob = defineJob({
  name: 'mail.send',
  data: z.object({ messageId: z.string().uuid() }),
  queue: {
    retryLimit: 6,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 600,
  },
});

export type MailSettings = {
  /** MAIL_URL; without it messages are kept in the outbox for the admin to read. */
  url: string | undefined;
  from: string;
};

export function sendMailWorker(settings: MailSettings, options: { queue?: QueueOptions } = {}): JobWorker {
  const mailer = settings.url ? createMailer(settings.url, settings.from) : null;
  return defineWorker(sendMailJob, (data, ctx) => deliverMail(ctx, mailer, data.messageId), {
    ...options,
    concurrency: 2,
  });
}

async function deliverMail(ctx: JobContext, mailer: Mailer | null, messageId: string): Promise<void> {
  const { db, log } = ctx;
  const [message] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, messageId));
  // Sent already (the job ran again after its process stopped) or no longer there: nothing to do.
  if (message?.status !== 'queued') return;
  const stillQueued = and(eq(mailOutbox.id, messageId), eq(mailOutbox.status, 'queued'));

  if (!mailer) {
    await db.update(mailOutbox).set({ status: 'kept' }).where(stillQueued);
    log.info({ messageId }, 'no MAIL_URL: message kept in the outbox');
    return;
  }

  const attempt = { attempts: sql`${mailOutbox.attempts} + 1`, lastAttemptAt: sql`now()` };
  try {
    await mailer.send(message);
  } catch (error) {
    const described = mailer.describe(error);
    const lastTry = ctx.retryCount >= ctx.retryLimit;
    await db
      .update(mailOutbox)
      .set({ ...attempt, lastError: described, status: lastTry ? 'failed' : 'queued' })
      .where(stillQueued);
    // The described error, not the original: the queue stores and logs what is thrown, and it must hold
    // no secret.
    throw new Error(described);
  }
  await db
    .update(mailOutbox)
    .set({ ...attempt, status: 'sent', sentAt: sql`now()` })
    .where(stillQueued);
  log.info({ messageId }, 'e-mail sent');
}
