import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { sendMailWorker } from '../mail/send-mail.js';
import { users } from '../users/user.table.js';
import { followUpFixture, halfway, inDays, links } from './follow-up.fixtures.js';
import { openRound } from './open-round.js';
import { roundReminderDays, roundReminderWorker, sendRoundReminder } from './reporting-reminders.js';
import { saveReport } from './save-report.js';

const from = 'Partnerskap Viken <partnerskap@viken.test>';

let t: TestApp;
let smtp: TestSmtpServer;
let jobs: Jobs;
beforeAll(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
  jobs = await startJobs(t.database, {
    log: pino({ level: 'silent' }),
    workers: [sendMailWorker({ url: smtp.url, from }), roundReminderWorker()],
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  await jobs.stop();
  await smtp.close();
  await t.close();
});

/**
 * A reminder of this test's round. The fixture's agreements were made through the use cases, whose hearing
 * and special part e-mails reach the same contacts' mailboxes.
 */
const isReminder = (m: { subject: string }) => m.subject.endsWith('– Årsrapport 2026');

describe('reminders of a reporting round through a real mail server', () => {
  it('reminds the owners who have not submitted, 14 and 3 days before, each once, in their own language', async () => {
    expect(roundReminderDays).toEqual([14, 3]);
    const fx = await followUpFixture(t);
    // The Næring editor reads Partnerskap in English.
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, t.actors.otherDepartment.id));
    const deadline = inDays(20);
    const round = await openRound(
      t.ctx(t.actors.admin),
      { cycleId: fx.cycle.id, name: 'Årsrapport 2026', deadline },
      links,
    );
    // Samferdsel has submitted; Næring and the region have not.
    await saveReport(t.ctx(t.actors.department), round.id, fx.commitments.bus.id, halfway(), {
      submit: true,
    });
    // The region has a draft only: that is not reported.
    await saveReport(t.ctx(t.actors.region), round.id, fx.commitments.manager.id, halfway(), {
      submit: false,
    });

    const data = { roundId: round.id, daysBefore: 14, deadline, appUrl: links.appUrl };
    expect(await sendRoundReminder(t.database.db, data)).toBe(2);
    // Run again (a job retried): nothing twice.
    expect(await sendRoundReminder(t.database.db, data)).toBe(0);

    const english = await waitFor('the English reminder', () =>
      smtp.received.find((m) => m.to.includes(t.actors.otherDepartment.email) && isReminder(m)),
    );
    expect(english.subject).toBe('Reminder: 14 days left to report – Årsrapport 2026');
    expect(english.text).toContain('has not yet submitted its report on 1 commitment in the reporting round');
    expect(english.text).toContain(`${links.appUrl}/oppfolging/runder/${round.id}`);
    const bokmal = await waitFor('the region’s reminder', () =>
      smtp.received.find((m) => m.to.includes(t.actors.region.email) && isReminder(m)),
    );
    expect(bokmal.subject).toBe('Påminnelse: 14 dager igjen til rapporteringsfristen – Årsrapport 2026');
    expect(bokmal.text).toContain('Indre Østfold regionråd har ennå ikke sendt rapport om 1 forpliktelse');
    expect(smtp.received.some((m) => m.to.includes(t.actors.department.email) && isReminder(m))).toBe(false);

    // Three days before, after the region has submitted: only Næring is reminded.
    await saveReport(
      t.ctx(t.actors.region),
      round.id,
      fx.commitments.manager.id,
      { ...halfway(), version: 1 },
      { submit: true },
    );
    expect(await sendRoundReminder(t.database.db, { ...data, daysBefore: 3 })).toBe(1);
    await waitFor('the second English reminder', () =>
      smtp.received.find((m) => m.subject === 'Reminder: 3 days left to report – Årsrapport 2026'),
    );
    // A reminder made for another deadline (the round's was moved) sends nothing.
    expect(await sendRoundReminder(t.database.db, { ...data, daysBefore: 3, deadline: inDays(21) })).toBe(0);
    expect(smtp.received.filter((m) => m.to.includes(t.actors.region.email) && isReminder(m))).toHaveLength(
      1,
    );
  });
});
