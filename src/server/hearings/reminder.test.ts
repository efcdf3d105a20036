import { and, eq, like, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { mailOutbox } from '../mail/mail.table.js';
import { appWorkers } from '../workers.js';
import { closeHearing } from './close-hearing.js';
import { deadlineEnd } from './deadline.js';
import { extendHearing } from './extend-hearing.js';
import { appUrl, inDays, links, openedHearing, regionId } from './hearing.fixtures.js';
import { longDate } from './hearing-mail.js';
import { hearingReminderWorker, reminderTime, sendHearingReminder } from './hearing-reminders.js';
import { submitInput } from './submit-input.js';
import { withdrawInput } from './withdraw-input.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const asAdmin = () => t.ctx(t.actors.admin);
const remindersTo = async (hearingId: string, daysBefore: number) =>
  (
    await t.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.key, `hearing:${hearingId}:reminder:${daysBefore}:%`))
      .orderBy(mailOutbox.to)
  ).map((m) => m.to);

describe('reminders before the deadline', () => {
  it('schedules each reminder once in the queue, and moves it when the deadline moves', async () => {
    const jobs: Jobs = await startJobs(t.database, {
      log: pino({ level: 'silent' }),
      workers: [hearingReminderWorker()],
      pollingIntervalSeconds: 0.5,
    });
    try {
      const { hearing } = await openedHearing(t, { deadline: inDays(21) });
      const queued = async () => {
        await jobs.relay();
        const result = (await t.database.db.execute(
          sql`select singleton_key as key, start_after as "startAfter", data->>'deadline' as deadline
              from pgboss.job where name = 'hearing.reminder' and data->>'hearingId' = ${hearing.id}
              and state = 'created' order by singleton_key desc`,
        )) as { rows: { key: string; startAfter: Date | string; deadline: string }[] };
        return result.rows.map((r) => [r.key, new Date(r.startAfter).toISOString(), r.deadline]);
      };
      expect(await queued()).toEqual([
        [
          `hearing:${hearing.id}:reminder:7`,
          reminderTime(hearing.deadline, 7).toISOString(),
          hearing.deadline,
        ],
        [
          `hearing:${hearing.id}:reminder:1`,
          reminderTime(hearing.deadline, 1).toISOString(),
          hearing.deadline,
        ],
      ]);

      const moved = await extendHearing(
        asAdmin(),
        hearing.id,
        { deadline: inDays(35), version: hearing.version },
        links,
      );
      expect(await queued()).toEqual([
        [`hearing:${hearing.id}:reminder:7`, reminderTime(moved.deadline, 7).toISOString(), moved.deadline],
        [`hearing:${hearing.id}:reminder:1`, reminderTime(moved.deadline, 1).toISOString(), moved.deadline],
      ]);
    } finally {
      await jobs.stop();
    }
  });

  it('reminds the contacts of every invited region without live input, once, in its written standard', async () => {
    const { hearing } = await openedHearing(t, { deadline: inDays(21) });
    await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Indre Østfold har svart.' });
    // Input that was withdrawn is no input: Drammen is reminded.
    const drammen = await regionId(t, 'Drammensregionen');
    const withdrawn = await submitInput(asAdmin(), hearing.id, { regionId: drammen, text: 'Trekkes.' });
    await withdrawInput(asAdmin(), withdrawn.id);

    const at = reminderTime(hearing.deadline, 7);
    const data = { hearingId: hearing.id, daysBefore: 7, deadline: hearing.deadline, appUrl };
    const sent = await sendHearingReminder(t.database.db, data, at);
    const to = await remindersTo(hearing.id, 7);
    expect(sent).toBe(to.length);
    expect(to).not.toContain('indre-ostfold@demo.partnerskap.no');
    expect(to).toContain('hallingdal@demo.partnerskap.no');
    expect(to).toContain('drammensregionen@demo.partnerskap.no');
    expect(to).toHaveLength(11);

    const [nb] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          like(mailOutbox.key, `hearing:${hearing.id}:reminder:7:%`),
          eq(mailOutbox.to, 'kongsbergregionen@demo.partnerskap.no'),
        ),
      );
    expect(nb?.subject).toBe(
      `Påminnelse: 7 dager igjen til fristen for innspill – ${longDate('nb', hearing.deadline)}`,
    );
    expect(nb?.text).toContain('Kongsbergregionen har ennå ikke sendt innspill i den formelle høringen');
    expect(nb?.text).toContain(`${appUrl}/horinger/${hearing.id}`);
    const [nn] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          like(mailOutbox.key, `hearing:${hearing.id}:reminder:7:%`),
          eq(mailOutbox.to, 'hallingdal@demo.partnerskap.no'),
        ),
      );
    expect(nn?.subject).toBe(
      `Påminning: 7 dagar att til fristen for innspel – ${longDate('nn', hearing.deadline)}`,
    );

    // The same reminder again (a job that ran twice) sends nothing more.
    expect(await sendHearingReminder(t.database.db, data, at)).toBe(0);
    expect(await remindersTo(hearing.id, 7)).toEqual(to);
  });
});

describe('reminders that are no longer wanted', () => {
  it('sends nothing for a moved deadline, a closed hearing, after the deadline, or an unknown hearing', async () => {
    const { hearing } = await openedHearing(t, { deadline: inDays(21) });
    const data = { hearingId: hearing.id, daysBefore: 1, deadline: hearing.deadline, appUrl };
    const at = reminderTime(hearing.deadline, 1);
    // Past the end of the deadline day in Oslo: too late to remind anyone.
    expect(await sendHearingReminder(t.database.db, data, deadlineEnd(hearing.deadline))).toBe(0);
    const extended = await extendHearing(
      asAdmin(),
      hearing.id,
      { deadline: inDays(28), version: hearing.version },
      links,
    );
    // The job made for the old deadline: the one for the new deadline sends instead.
    expect(await sendHearingReminder(t.database.db, data, at)).toBe(0);
    await closeHearing(asAdmin(), hearing.id, { version: extended.version });
    expect(
      await sendHearingReminder(
        t.database.db,
        { ...data, deadline: extended.deadline },
        reminderTime(extended.deadline, 1),
      ),
    ).toBe(0);
    expect(
      await sendHearingReminder(
        t.database.db,
        { ...data, hearingId: '7d3e6b4e-0000-4000-8000-000000000000' },
        at,
      ),
    ).toBe(0);
    expect(await remindersTo(hearing.id, 1)).toEqual([]);
  });

  it("runs as the server's job: its data is checked, and the database clock decides", async () => {
    expect(
      appWorkers({ mailUrl: undefined, mailFrom: 'partnerskap@viken.test' }).map((w) => w.job.name),
    ).toContain('hearing.reminder');
    const { hearing } = await openedHearing(t, {
      deadline: inDays(10),
      invitedRegionIds: [t.actors.otherRegion.regionId],
    });
    const worker = hearingReminderWorker();
    const ctx = {
      db: t.database.db,
      log: pino({ level: 'silent' }),
      jobId: 'test',
      retryCount: 0,
      retryLimit: 5,
    };
    await worker.handle({ hearingId: hearing.id, daysBefore: 7, deadline: hearing.deadline, appUrl }, ctx);
    expect(await remindersTo(hearing.id, 7)).toEqual(['hallingdal@demo.partnerskap.no']);
    await expect(async () =>
      worker.handle({ hearingId: 'nope', daysBefore: 0, deadline: 'x', appUrl: 'y' }, ctx),
    ).rejects.toThrow();
  });
});
