import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { origin, startTestApp, type TestApp } from '../../../test/support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { filledCycle } from '../general-part/general-part.fixtures.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { sendMailWorker } from '../mail/send-mail.js';
import { appUrl, coverLetter, inDays } from './hearing.fixtures.js';
import { longDate } from './hearing-mail.js';
import { hearingReminderWorker, reminderTime, sendHearingReminder } from './hearing-reminders.js';
import { submitInput } from './submit-input.js';

const from = 'Partnerskap Viken <partnerskap@viken.test>';

let t: TestApp;
let smtp: TestSmtpServer;
let jobs: Jobs;
beforeAll(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
  jobs = await startJobs(t.database, {
    log: pino({ level: 'silent' }),
    workers: [sendMailWorker({ url: smtp.url, from }), hearingReminderWorker()],
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  await jobs.stop();
  await smtp.close();
  await t.close();
});

const arrived = (subject: string, count: number) =>
  waitFor(`${count} × "${subject}"`, () => {
    const mails = smtp.received.filter((m) => m.subject === subject);
    return mails.length >= count ? mails : undefined;
  });

describe('hearing e-mail through a real mail server', () => {
  it('delivers the invitation to the invited regions’ contacts, and a reminder to the one that has not answered', async () => {
    const { cycle, draft } = await filledCycle(t);
    const deadline = inDays(20);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/hearings',
      cookie: await t.cookieFor('admin@demo.partnerskap.no'),
      payload: {
        cycleId: cycle.id,
        versionId: draft.id,
        kind: 'informal',
        deadline,
        invitedRegionIds: [t.actors.region.regionId, t.actors.otherRegion.regionId],
        coverLetter,
      },
    });
    expect(res.statusCode).toBe(201);
    const hearing = res.json();
    const link = `${origin}/horinger/${hearing.id}`;

    const nbSubject = `Uformell høring om generell del av partnerskapsavtalene – frist ${longDate('nb', deadline)}`;
    const nnSubject = `Uformell høyring om generell del av partnarskapsavtalane – frist ${longDate('nn', deadline)}`;
    const [indre] = await arrived(nbSubject, 1);
    const [hallingdal] = await arrived(nnSubject, 1);
    expect(indre).toMatchObject({
      from: 'partnerskap@viken.test',
      to: ['indre-ostfold@demo.partnerskap.no'],
    });
    expect(indre?.text).toBe(
      [
        'Hei,',
        '',
        `Indre Østfold regionråd er invitert til å gi innspill i en uformell høring om generell del av partnerskapsavtalene (${cycle.name}), versjon 1.`,
        '',
        `Fristen for innspill er ${longDate('nb', deadline)}. Innspill kan sendes til og med denne dagen.`,
        '',
        coverLetter,
        '',
        'Se høringen og gi innspill i Partnerskap:',
        link,
        '',
        'Denne meldingen er sendt automatisk fra Partnerskap.',
      ].join('\n'),
    );
    expect(hallingdal?.to).toEqual(['hallingdal@demo.partnerskap.no']);
    expect(hallingdal?.text).toContain(
      'Regionrådet for Hallingdal er invitert til å gje innspel i ei uformell høyring',
    );
    expect(hallingdal?.text).toContain('Sjå høyringa og gje innspel i Partnerskap:');
    expect(hallingdal?.headers.get('auto-submitted')).toBe('auto-generated');
    // Nobody who was not invited got it.
    expect(smtp.received.filter((m) => m.subject === nbSubject || m.subject === nnSubject)).toHaveLength(2);

    await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Indre Østfold har svart.' });
    const sent = await sendHearingReminder(
      t.database.db,
      { hearingId: hearing.id, daysBefore: 1, deadline, appUrl },
      reminderTime(deadline, 1),
    );
    expect(sent).toBe(1);
    const reminderSubject = `Påminning: 1 dag att til fristen for innspel – ${longDate('nn', deadline)}`;
    const [reminder] = await arrived(reminderSubject, 1);
    expect(reminder?.to).toEqual(['hallingdal@demo.partnerskap.no']);
    expect(reminder?.text).toContain(`${appUrl}/horinger/${hearing.id}`);
    expect(smtp.received.filter((m) => m.subject.startsWith('Påminn'))).toHaveLength(1);
  });
});
