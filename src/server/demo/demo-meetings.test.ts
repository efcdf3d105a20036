import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Meeting, MeetingList } from '../../shared/contracts/meetings.js';
import { RichTextDoc } from '../../shared/contracts/rich-text.js';
import type { MyTasks } from '../../shared/contracts/tasks.js';
import { auditEvents } from '../audit/audit.table.js';
import { cycles } from '../general-part/general-part.table.js';
import { jobRequests } from '../jobs/job.table.js';
import { mailOutbox } from '../mail/mail.table.js';
import { demoCycle } from './demo-general-part.js';

let t: TestApp;
let cycleId: string;
let all: MeetingList['items'];

async function get<T>(url: string, email = 'admin@demo.partnerskap.no'): Promise<T> {
  const res = await t.request({ method: 'GET', url, cookie: await t.cookieFor(email) });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  t = await startTestApp();
  const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('no demo cycle');
  cycleId = cycle.id;
  all = (await get<MeetingList>(`/api/v1/meetings?cycle=${cycleId}`)).items;
});
afterAll(async () => t.close());

const of = (type: string, state?: string) =>
  all.filter((m) => m.type === type && (state === undefined || m.state === state));

describe('the demo meetings', () => {
  it('has the kickoff and the internal summaries held, with approved minutes', () => {
    expect(of('kickoff', 'minutes_approved')).toHaveLength(1);
    expect(of('internal_summary', 'minutes_approved').length).toBeGreaterThanOrEqual(3);
    expect(of('kickoff')[0]?.agreements).toEqual([]);
  });

  it('has collaboration meetings with minutes for a few regions, and bilateral meetings of several departments', () => {
    const collaboration = of('collaboration', 'minutes_approved');
    expect(collaboration.map((m) => m.agreements[0]?.region.name).sort()).toEqual([
      'Indre Østfold regionråd',
      'Mosseregionen interkommunale politiske råd',
      'Regionrådet for Hallingdal',
    ]);
    const owners = new Set(of('bilateral').map((m) => m.ownerDepartment?.name));
    expect(owners.size).toBeGreaterThanOrEqual(4);
    expect(of('bilateral', 'minutes_for_comment')).toHaveLength(1);
    expect(of('bilateral', 'cancelled')).toHaveLength(1);
  });

  it('plans meetings for the coming weeks, one with a region’s proposed agenda item', async () => {
    const planned = all.filter((m) => m.state === 'planned');
    expect(planned.length).toBeGreaterThanOrEqual(3);
    const now = Date.now();
    for (const m of planned) {
      expect(Date.parse(m.startsAt)).toBeGreaterThan(now);
      expect(Date.parse(m.startsAt)).toBeLessThan(now + 35 * 86_400_000);
    }
    const details = await Promise.all(planned.map((m) => get<Meeting>(`/api/v1/meetings/${m.id}`)));
    expect(details.some((m) => m.agenda.some((i) => i.proposed && i.proposedBy !== null))).toBe(true);
  });

  it('keeps minutes the rich-text schema accepts, and outcomes with open actions for their owners', async () => {
    const held = all.filter((m) => m.state === 'minutes_approved' || m.state === 'minutes_for_comment');
    for (const summary of held) {
      const meeting = await get<Meeting>(`/api/v1/meetings/${summary.id}`);
      expect(RichTextDoc.safeParse(meeting.minutes).success, meeting.title).toBe(true);
      expect(meeting.participants.length).toBeGreaterThan(0);
    }
    const samferdsel = await get<MyTasks>(
      `/api/v1/my-tasks?cycle=${cycleId}`,
      'samferdsel@demo.partnerskap.no',
    );
    expect(samferdsel.meetingActions.length).toBeGreaterThan(0);
    const indre = await get<MyTasks>(
      `/api/v1/my-tasks?cycle=${cycleId}`,
      'indre-ostfold@demo.partnerskap.no',
    );
    expect(indre.meetingActions.map((a) => a.owner.type)).toContain('person');
    const forComment = of('bilateral', 'minutes_for_comment')[0];
    const withComments = await get<Meeting>(
      `/api/v1/meetings/${forComment?.id}`,
      'hallingdal@demo.partnerskap.no',
    );
    expect(withComments.comments).toHaveLength(1);
    expect(withComments.canComment).toBe(true);
  });

  it("shows a region contact its own region's meetings and none of the county's internal ones", async () => {
    const mine = (
      await get<MeetingList>(`/api/v1/meetings?cycle=${cycleId}`, 'indre-ostfold@demo.partnerskap.no')
    ).items;
    expect(mine.length).toBeGreaterThan(3);
    for (const m of mine) {
      expect(['kickoff', 'internal_summary']).not.toContain(m.type);
      expect(m.agreements.map((a) => a.region.name)).toContain('Indre Østfold regionråd');
    }
  });

  it('sent no e-mail and asked for no reminder, and recorded the load in one audit event', async () => {
    expect(await t.database.db.select().from(mailOutbox)).toEqual([]);
    expect(
      await t.database.db.select().from(jobRequests).where(eq(jobRequests.queue, 'meeting.minutes-reminder')),
    ).toEqual([]);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'cycle.loadDemoMeetings'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: 'Prosesskoordinator (demo)', requestId: 'demo' });
    expect(events[0]?.after).toMatchObject({ meetings: all.length });
  });
});
