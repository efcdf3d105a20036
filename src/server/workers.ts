import { agreementArchiveWorker } from './agreement-archive/make-agreement-archive.js';
import type { Config } from './config.js';
import { roundReminderWorker } from './follow-up/reporting-reminders.js';
import { hearingReminderWorker } from './hearings/hearing-reminders.js';
import type { JobWorker } from './jobs/define-job.js';
import { sendMailWorker } from './mail/send-mail.js';
import { minutesReminderWorker } from './meetings/minutes-reminder.js';

/**
 * Every kind of job this server runs, composed here beside app.ts (which composes the routes) so that the
 * job queue in jobs/ knows no feature. A feature with background work adds its worker here.
 */
export function appWorkers(config: Pick<Config, 'mailUrl' | 'mailFrom'>): JobWorker[] {
  return [
    sendMailWorker({ url: config.mailUrl, from: config.mailFrom }),
    hearingReminderWorker(),
    agreementArchiveWorker(),
    minutesReminderWorker(),
    roundReminderWorker(),
  ];
}
