import { like } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { mailOutbox } from '../mail/mail.table.js';
import { appWorkers } from '../workers.js';
import { changeMeetingState } from './change-meeting-state.js';
import { createMeeting } from './create-meeting.js';
import {
  appUrl,
  bilateralBody,
  heldCollaboration,
  links,
  type MeetingsFixture,
  meetingsFixture,
  minutesText,
} from './meeting.fixtures.js';
import { minutesReminderWorker, sendMinutesReminder } from './minutes-reminder.js';
import { writeMinutes } from './write-minutes.js';

let t: TestApp;
let fx: MeetingsFixture;
beforeAll(async () => {
  t = await startTestApp();
  fx = await meetingsFixture(t);
});
afterAll(async () => t.close());

const remindersOf = async (meetingId: string) =>
  (
    await t.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.key, `meeting:${meetingId}:minutes-reminder:%`))
      .orderBy(mailOutbox.to)
  ).map((m) => ({ to: m.to, subject: m.subject, text: m.text }));

describe('the reminder of unwritten minutes', () => {
  it('reminds the admin who planned a held meeting without minutes, once', async () => {
    const held = await heldCollaboration(t, fx);
    expect(await sendMinutesReminder(t.database.db, { meetingId: held.id, appUrl })).toBe(1);
    const [mail] = await remindersOf(held.id);
    expect(mail).toMatchObject({
      to: t.actors.admin.email,
      subject: 'Påminnelse: referatet fra «Samhandlingsmøte med Indre Østfold regionråd» er ikke skrevet',
    });
    expect(mail?.text).toContain('18.03.2025 kl. 10.00');
    expect(mail?.text).toContain(`${appUrl}/moter/${held.id}`);
    // A job that runs again sends nothing more.
    expect(await sendMinutesReminder(t.database.db, { meetingId: held.id, appUrl })).toBe(0);
    expect(await remindersOf(held.id)).toHaveLength(1);
  });

  it("reminds a bilateral meeting's department, whose editors manage it", async () => {
    const department = t.ctx(t.actors.department);
    const planned = await createMeeting(department, bilateralBody(t, fx));
    const held = await changeMeetingState(department, planned.id, { state: 'held', version: 1 }, links);
    expect(await sendMinutesReminder(t.database.db, { meetingId: held.id, appUrl })).toBe(1);
    expect((await remindersOf(held.id)).map((m) => m.to)).toEqual([t.actors.department.email]);
  });

  it('sends nothing once minutes are written, for a planned or cancelled meeting, or an unknown one', async () => {
    const admin = t.ctx(t.actors.admin);
    const held = await heldCollaboration(t, fx);
    await writeMinutes(admin, held.id, { minutes: minutesText('Skrevet i tide.'), version: held.version });
    expect(await sendMinutesReminder(t.database.db, { meetingId: held.id, appUrl })).toBe(0);
    const planned = await createMeeting(admin, bilateralBody(t, fx));
    expect(await sendMinutesReminder(t.database.db, { meetingId: planned.id, appUrl })).toBe(0);
    const cancelled = await changeMeetingState(admin, planned.id, { state: 'cancelled', version: 1 }, links);
    expect(await sendMinutesReminder(t.database.db, { meetingId: cancelled.id, appUrl })).toBe(0);
    expect(
      await sendMinutesReminder(t.database.db, { meetingId: '7d3e6b4e-0000-4000-8000-000000000000', appUrl }),
    ).toBe(0);
    expect(await remindersOf(held.id)).toEqual([]);
  });

  it("runs as the server's job, its data checked", async () => {
    expect(
      appWorkers({ mailUrl: undefined, mailFrom: 'partnerskap@viken.test' }).map((w) => w.job.name),
    ).toContain('meeting.minutes-reminder');
    const held = await heldCollaboration(t, fx);
    const worker = minutesReminderWorker();
    const ctx = {
      db: t.database.db,
      log: pino({ level: 'silent' }),
      jobId: 'test',
      retryCount: 0,
      retryLimit: 5,
    };
    await worker.handle({ meetingId: held.id, appUrl }, ctx);
    await worker.handle({ meetingId: held.id, appUrl }, ctx);
    expect((await remindersOf(held.id)).map((m) => m.to)).toEqual([t.actors.admin.email]);
    await expect(async () => worker.handle({ meetingId: 'nope', appUrl: 'y' }, ctx)).rejects.toThrow();
  });
});
