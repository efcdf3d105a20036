import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { waitFor } from '../../../test/support/wait-for.js';
import type { Database } from '../db/client.js';
import { jobRequests } from '../jobs/job.table.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { mailOutbox } from './mail.table.js';
import { queueMail } from './queue-mail.js';
import { sendMailWorker } from './send-mail.js';

const log = pino({ level: 'silent' });
const from = 'Partnerskap Viken <partnerskap@viken.test>';
const credentials = { user: 'partnerskap-smtp', pass: 'Hemmelig-Passord-42' };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const messageWith = async (subject: string) =>
  (await database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, subject)))[0];

async function settled(subject: string) {
  return waitFor(`"${subject}" to leave the queue`, async () => {
    const row = await messageWith(subject);
    return row && row.status !== 'queued' ? row : undefined;
  });
}

describe('sending e-mail through MAIL_URL', () => {
  let smtp: TestSmtpServer;
  let jobs: Jobs;
  beforeAll(async () => {
    smtp = await startSmtpServer({ credentials });
    jobs = await startJobs(database, {
      log,
      workers: [sendMailWorker({ url: smtp.url, from })],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await smtp.close();
  });

  it('sends a message queued in a committed transaction, with æ, ø and å intact', async () => {
    const hearingId = '6f1c1d1e-8d4b-4a53-9f0e-2f1b3c4d5e6f';
    const id = await database.db.transaction((tx) =>
      queueMail(tx, {
        to: 'Kontakt@Indre-Ostfold.test',
        subject: 'Høring om generell del – frist 15. september',
        text: 'Hei!\n\nFylkeskommunen ønsker innspill til generell del. Svar innen fristen.\n\nVennlig hilsen\nViken',
        html: '<p>Fylkeskommunen <strong>ønsker</strong> innspill til generell del – blåbær, ærfugl og øy.</p>',
        related: { type: 'hearing', id: hearingId },
      }),
    );
    expect(id).toEqual(expect.any(String));

    const row = await settled('Høring om generell del – frist 15. september');
    expect(row).toMatchObject({
      id,
      to: 'kontakt@indre-ostfold.test',
      status: 'sent',
      attempts: 1,
      lastError: null,
      entityType: 'hearing',
      entityId: hearingId,
    });
    expect(row.sentAt).toBeInstanceOf(Date);

    const mail = smtp.received.find((m) => m.subject === 'Høring om generell del – frist 15. september');
    expect(mail).toMatchObject({
      from: 'partnerskap@viken.test',
      to: ['kontakt@indre-ostfold.test'],
      text: 'Hei!\n\nFylkeskommunen ønsker innspill til generell del. Svar innen fristen.\n\nVennlig hilsen\nViken',
      html: '<p>Fylkeskommunen <strong>ønsker</strong> innspill til generell del – blåbær, ærfugl og øy.</p>',
      // Signed in with MAIL_URL's user and password.
      user: credentials.user,
    });
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('never sends a message queued in a transaction that rolled back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queueMail(tx, {
          to: 'hallingdal@example.test',
          subject: 'Angret melding',
          text: 'Skal aldri sendes.',
        });
        throw new Error('the change that caused it failed');
      }),
    ).rejects.toThrow('the change that caused it failed');
    // A message committed after it goes out; by then the rolled-back one would have gone out too.
    await database.db.transaction((tx) =>
      queueMail(tx, {
        to: 'hallingdal@example.test',
        subject: 'Etterfølgende melding',
        text: 'Denne sendes.',
      }),
    );
    await settled('Etterfølgende melding');
    await jobs.relay();

    expect(smtp.received.map((m) => m.subject)).toContain('Etterfølgende melding');
    expect(smtp.received.map((m) => m.subject)).not.toContain('Angret melding');
    expect(await messageWith('Angret melding')).toBeUndefined();
    expect(await database.db.select().from(jobRequests)).toEqual([]);
  });

  it('queues a message with a key once, however often it is asked for', async () => {
    const message = {
      to: 'valdres@example.test',
      subject: 'Påminnelse: sju dager til fristen',
      text: 'Regionen har ikke sendt innspill ennå.',
      key: 'hearing:1:reminder:7:valdres',
    };
    const first = await database.db.transaction((tx) => queueMail(tx, message));
    const second = await database.db.transaction((tx) => queueMail(tx, message));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await settled(message.subject);
    await jobs.relay();
    expect(smtp.received.filter((m) => m.subject === message.subject)).toHaveLength(1);
  });

  it('refuses a message without a valid address or with a line break in the subject, and writes nothing', async () => {
    const before = await database.db.select().from(mailOutbox);
    await expect(
      database.db.transaction((tx) =>
        queueMail(tx, { to: 'ikke-en-adresse', subject: 'Hei\r\nBcc: alle@example.test', text: 'x' }),
      ),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: [
        { field: 'to', code: 'validation.email' },
        { field: 'subject', code: 'validation.invalid' },
      ],
    });
    expect(await database.db.select().from(mailOutbox)).toEqual(before);
  });
});

describe('a mail server that refuses the message', () => {
  let smtp: TestSmtpServer;
  let jobs: Jobs;
  beforeAll(async () => {
    // The refusal names the account, as real servers do; the outbox must not repeat it.
    smtp = await startSmtpServer({
      credentials,
      refuse: `5.7.1 Message refused for ${credentials.user}: policy violation`,
    });
    jobs = await startJobs(database, {
      log,
      // Three tries a second or so apart, instead of seven over hours.
      workers: [
        sendMailWorker(
          { url: smtp.url, from },
          { queue: { retryLimit: 2, retryDelay: 1, retryBackoff: true, retryDelayMax: 1 } },
        ),
      ],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await smtp.close();
  });

  it('marks the message failed after the retries, with the error and without MAIL_URL’s secrets', async () => {
    const id = await database.db.transaction((tx) =>
      queueMail(tx, { to: 'ringerike@example.test', subject: 'Avvist melding', text: 'Tjeneren sier nei.' }),
    );
    const row = await settled('Avvist melding');
    expect(row).toMatchObject({ id, status: 'failed', attempts: 3, sentAt: null });
    expect(smtp.refusals).toBe(3);
    expect(row.lastError).toContain('554');
    expect(row.lastError).toContain('policy violation');
    for (const secret of [credentials.pass, credentials.user, smtp.url]) {
      expect(row.lastError).not.toContain(secret);
    }
    // The queue keeps what the worker threw: the same described error, no secret either.
    // The outbox row is marked before the worker throws, so pg-boss records the failure a moment later.
    const stored = await waitFor('the queue to record the failed job', async () => {
      const result = (await database.db.execute(
        sql`select state, output::text as output from pgboss.job where name = 'mail.send' and data->>'messageId' = ${id}`,
      )) as { rows: { state: string; output: string }[] };
      return result.rows[0]?.state === 'failed' ? result : undefined;
    });
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.state).toBe('failed');
    expect(stored.rows[0]?.output).toContain('policy violation');
    expect(stored.rows[0]?.output).not.toContain(credentials.pass);
    expect(stored.rows[0]?.output).not.toContain(credentials.user);
  });
});
