import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { getOutboxMessage } from './get-outbox-message.js';
import { listOutbox } from './list-outbox.js';
import { mailOutbox } from './mail.table.js';
import { queueMail } from './queue-mail.js';
import { sendMailWorker } from './send-mail.js';

let t: TestApp;
let jobs: Jobs;
let admin: string;
const ids: string[] = [];
const subjects = ['Høring åpnet', 'Fristen er forlenget', 'Påminnelse om innspill'];

beforeAll(async () => {
  t = await startTestApp();
  // No MAIL_URL: what is queued is kept for the admin to read.
  jobs = await startJobs(t.database, {
    log: pino({ level: 'silent' }),
    workers: [sendMailWorker({ url: undefined, from: 'partnerskap@viken.test' })],
    pollingIntervalSeconds: 0.5,
  });
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  for (const [i, subject] of subjects.entries()) {
    const id = await t.database.db.transaction((tx) =>
      queueMail(tx, {
        to: i === 1 ? 'hallingdal@example.test' : 'indre-ostfold@example.test',
        subject,
        text: `${subject}: les mer i Partnerskap.`,
        html: i === 0 ? '<p>Høring åpnet.</p>' : null,
        related: { type: 'hearing', id: '11111111-2222-4333-8444-555555555555' },
      }),
    );
    if (!id) throw new Error('not queued');
    ids.push(id);
  }
  await waitFor('the messages to be kept', async () => {
    const rows = await t.database.db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
    return rows.every((r) => r.status === 'kept');
  });
});
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

describe('the outbox without a mail server', () => {
  it('keeps every message and lists it for the admin, newest first, without its body', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/outbox', cookie: admin });
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(nextCursor).toBeNull();
    expect(items.map((m: { subject: string }) => m.subject)).toEqual([...subjects].reverse());
    expect(items[2]).toEqual({
      id: ids[0],
      to: 'indre-ostfold@example.test',
      subject: 'Høring åpnet',
      status: 'kept',
      attempts: 0,
      lastError: null,
      lastAttemptAt: null,
      sentAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      entityType: 'hearing',
      entityId: '11111111-2222-4333-8444-555555555555',
    });
  });

  it('shows one message with its text and HTML', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/outbox/${ids[0]}`, cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids[0],
      subject: 'Høring åpnet',
      text: 'Høring åpnet: les mer i Partnerskap.',
      html: '<p>Høring åpnet.</p>',
      status: 'kept',
    });
  });

  it('pages with limit and cursor', async () => {
    const first = await t.request({ method: 'GET', url: '/api/v1/outbox?limit=2', cookie: admin });
    const page1 = first.json();
    expect(page1.items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await t.request({
      method: 'GET',
      url: `/api/v1/outbox?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      cookie: admin,
    });
    expect(second.json()).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it('filters by status and by part of the recipient’s address', async () => {
    const get = async (query: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/outbox?${query}`, cookie: admin }))
        .json()
        .items.map((m: { id: string }) => m.id);
    expect(await get('status=kept')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await get('status=sent')).toEqual([]);
    expect(await get('to=HALLINGDAL')).toEqual([ids[1]]);
    expect(await get('to=indre&status=kept')).toEqual([ids[2], ids[0]]);
    // LIKE's wildcards are taken as text.
    expect(await get('to=%25')).toEqual([]);
  });

  it('answers a bad filter with 400 naming the field, and an unknown message with 404', async () => {
    for (const [query, field] of [
      ['status=posted', 'status'],
      ['limit=0', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      [`to=${'x'.repeat(255)}`, 'to'],
    ] as const) {
      const res = await t.request({ method: 'GET', url: `/api/v1/outbox?${query}`, cookie: admin });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field, query).toBe(field);
    }
    for (const id of [randomUUID(), 'not-an-id']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/outbox/${id}`, cookie: admin });
      expect(res.statusCode).toBe(404);
    }
  });

  it('refuses every role but admin (403) and anyone not signed in (401)', async () => {
    for (const email of [
      'leser@demo.partnerskap.no',
      'samferdsel@demo.partnerskap.no',
      'indre-ostfold@demo.partnerskap.no',
    ]) {
      const cookie = await t.cookieFor(email);
      for (const url of ['/api/v1/outbox', `/api/v1/outbox/${ids[0]}`]) {
        expect((await t.request({ method: 'GET', url, cookie })).statusCode, `${email} ${url}`).toBe(403);
      }
    }
    for (const url of ['/api/v1/outbox', `/api/v1/outbox/${ids[0]}`]) {
      expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    }
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(listOutbox(t.ctx(actor), {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(getOutboxMessage(t.ctx(actor), ids[0] ?? '')).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(listOutbox(t.ctx(null), {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('does not audit reading', async () => {
    const before = await snapshot(t.database.db);
    await t.request({ method: 'GET', url: '/api/v1/outbox', cookie: admin });
    await t.request({ method: 'GET', url: `/api/v1/outbox/${ids[1]}`, cookie: admin });
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
