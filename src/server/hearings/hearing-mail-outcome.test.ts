import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { filledCycle } from '../general-part/general-part.fixtures.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { sendMailWorker } from '../mail/send-mail.js';
import { heldCollaboration, meetingsFixture, minutesText } from '../meetings/meeting.fixtures.js';
import { writeMinutes } from '../meetings/write-minutes.js';
import { users } from '../users/user.table.js';
import { coverLetter, inDays, outboxFor, regionId } from './hearing.fixtures.js';

/**
 * The answers of the writes that queue e-mail say what became of it, as the outbox will have it: kept
 * there when no mail server is set up, waiting to be sent when one is; and which invited regions have
 * nobody to tell. The sender runs in each case, so the test sees the outbox end as the answer said.
 */

const log = pino({ level: 'silent' });
const from = 'Partnerskap Viken <partnerskap@viken.test>';

async function openOverHttp(t: TestApp, cookie: string) {
  const { cycle, draft } = await filledCycle(t);
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/hearings',
    cookie,
    payload: { cycleId: cycle.id, versionId: draft.id, kind: 'formal', deadline: inDays(21), coverLetter },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Waits until no message of the hearing waits for the sender, and returns the statuses it ended with. */
const settledStatuses = (t: TestApp, hearingId: string) =>
  waitFor('the hearing’s e-mail to leave the queue', async () => {
    const rows = await outboxFor(t, hearingId);
    return rows.length > 0 && rows.every((r) => r.status !== 'queued')
      ? rows.map((r) => r.status)
      : undefined;
  });

describe('without a mail server', () => {
  let t: TestApp;
  let jobs: Jobs;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.cookieFor('admin@demo.partnerskap.no');
    jobs = await startJobs(t.database, {
      log,
      workers: [sendMailWorker({ url: undefined, from })],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  it('opening a hearing says its twelve messages are kept in the outbox, and they are', async () => {
    const hearing = await openOverHttp(t, admin);
    expect(hearing.mail).toEqual({ queued: 0, kept: 12 });
    expect(hearing.regionsWithoutContact).toEqual([]);
    const statuses = await settledStatuses(t, hearing.id);
    expect(statuses).toEqual(Array(12).fill('kept'));
  });

  it('names an invited region with no active contact, and counts no message for it', async () => {
    const hallingdal = await regionId(t, 'Regionrådet for Hallingdal');
    await t.database.db.update(users).set({ active: false }).where(eq(users.regionId, hallingdal));
    try {
      const hearing = await openOverHttp(t, admin);
      expect(hearing.mail).toEqual({ queued: 0, kept: 11 });
      expect(hearing.regionsWithoutContact).toEqual([{ id: hallingdal, name: 'Regionrådet for Hallingdal' }]);
      expect(await settledStatuses(t, hearing.id)).toHaveLength(11);

      const extended = await t.request({
        method: 'POST',
        url: `/api/v1/hearings/${hearing.id}/extend`,
        cookie: admin,
        payload: { deadline: inDays(28), version: hearing.version },
      });
      expect(extended.statusCode, extended.body).toBe(200);
      expect(extended.json()).toMatchObject({
        deadline: inDays(28),
        mail: { queued: 0, kept: 11 },
        regionsWithoutContact: [{ id: hallingdal, name: 'Regionrådet for Hallingdal' }],
      });
      expect(await settledStatuses(t, hearing.id)).toEqual(Array(22).fill('kept'));
    } finally {
      await t.database.db.update(users).set({ active: true }).where(eq(users.regionId, hallingdal));
    }
  });

  it('sending minutes for comment says the participants’ messages are kept; marking held queues none', async () => {
    const fx = await meetingsFixture(t);
    const held = await heldCollaboration(t, fx);
    expect(held.mail).toEqual({ queued: 0, kept: 0 });
    const written = await writeMinutes(t.ctx(t.actors.admin), held.id, {
      minutes: minutesText('Partene ble enige om veien videre.'),
      version: held.version,
    });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${held.id}/state`,
      cookie: admin,
      payload: { state: 'minutes_for_comment', version: written.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    // The admin, the department editor, the region's contact and one guest with an address.
    expect(res.json()).toMatchObject({ state: 'minutes_for_comment', mail: { queued: 0, kept: 4 } });
  });
});

describe('with a mail server', () => {
  let t: TestApp;
  let jobs: Jobs;
  let smtp: TestSmtpServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ mailConfigured: true });
    admin = await t.cookieFor('admin@demo.partnerskap.no');
    smtp = await startSmtpServer();
    jobs = await startJobs(t.database, {
      log,
      workers: [sendMailWorker({ url: smtp.url, from })],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await smtp.close();
    await t.close();
  });

  it('opening a hearing says its twelve messages wait to be sent, and the server then receives them', async () => {
    const hearing = await openOverHttp(t, admin);
    expect(hearing.mail).toEqual({ queued: 12, kept: 0 });
    expect(await settledStatuses(t, hearing.id)).toEqual(Array(12).fill('sent'));
    const rows = await outboxFor(t, hearing.id);
    const received = smtp.received.flatMap((m) => m.to);
    expect(received.sort()).toEqual(rows.map((r) => r.to).sort());
  });
});
