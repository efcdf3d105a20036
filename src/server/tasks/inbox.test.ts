import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { SilentRegionsReminded } from '../../shared/contracts/hearings.js';
import { addComment } from '../contributions/add-comment.js';
import { changeStatus } from '../contributions/change-status.js';
import { agreementsFixture, departmentItem, regionItem } from '../contributions/contribution.fixtures.js';
import { contributionComments } from '../contributions/contribution.table.js';
import { createContribution } from '../contributions/create-contribution.js';
import { createDisposition } from '../hearings/create-disposition.js';
import {
  auditOf,
  links,
  openedHearing,
  outboxFor,
  passDeadline,
  regionId,
} from '../hearings/hearing.fixtures.js';
import { submitInput } from '../hearings/submit-input.js';
import { users } from '../users/user.table.js';
import { getMyTasks } from './get-my-tasks.js';

let t: TestApp;
let cookies: { admin: string; viewer: string; department: string; region: string };
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
});
afterAll(async () => t.close());

const tasksOf = (actor: typeof t.actors.admin, cycle: string) => getMyTasks(t.ctx(actor), { cycle });

/** A hearing to which Indre Østfold, Hallingdal and Drammensregionen are invited; Indre Østfold answers. */
async function hearingWithSilentRegions() {
  const invited = {
    indre: await regionId(t, 'Indre Østfold regionråd'),
    hallingdal: await regionId(t, 'Regionrådet for Hallingdal'),
    drammen: await regionId(t, 'Drammensregionen'),
  };
  const opened = await openedHearing(t, { invitedRegionIds: Object.values(invited) });
  await submitInput(t.ctx(t.actors.region), opened.hearing.id, { text: 'Kollektivtrafikken mangler.' });
  return { ...opened, invited };
}

const remind = (hearingId: string, cookie: string) =>
  t.request({ method: 'POST', url: `/api/v1/hearings/${hearingId}/remind`, cookie });

describe("the coordinator's inbox", () => {
  it('counts the contributions discussed and waiting for agreement per region, landing on the oldest', async () => {
    const { cycle, areas, own, other } = await agreementsFixture(t);
    const dept = t.ctx(t.actors.department);
    const first = await createContribution(dept, own.id, departmentItem(t, areas.transport.id));
    const second = await createContribution(
      dept,
      own.id,
      departmentItem(t, areas.culture.id, { title: 'Kultur' }),
    );
    const proposed = await createContribution(
      t.ctx(t.actors.otherRegion),
      other.id,
      regionItem(areas.business.id),
    );
    const admin = t.ctx(t.actors.admin);
    await changeStatus(admin, first.id, {
      status: 'discussed',
      reason: 'Drøftet i møte.',
      version: first.version,
    });
    await changeStatus(admin, second.id, {
      status: 'discussed',
      reason: 'Drøftet.',
      version: second.version,
    });

    const tasks = await tasksOf(t.actors.admin, cycle.id);
    expect(tasks.coordinator?.discussed).toEqual([
      { agreementId: own.id, regionName: 'Indre Østfold regionråd', count: 2, firstContributionId: first.id },
    ]);
    expect(proposed.status).toBe('proposed');
    // Only the coordinator has the inbox.
    expect((await tasksOf(t.actors.department, cycle.id)).coordinator).toBeNull();
    expect((await tasksOf(t.actors.viewer, cycle.id)).coordinator).toBeNull();
  });

  it('lists the late inputs that still wait for a final answer, newest first, with the total', async () => {
    const { cycle, hearing } = await openedHearing(t);
    const inTime = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'I tide.' });
    await passDeadline(t, hearing.id);
    const admin = t.ctx(t.actors.admin);
    const hallingdal = await regionId(t, 'Regionrådet for Hallingdal');
    const drammen = await regionId(t, 'Drammensregionen');
    const lateOne = await submitInput(admin, hearing.id, { regionId: hallingdal, text: 'Kom i posten.' });
    const lateTwo = await submitInput(admin, hearing.id, { regionId: drammen, text: 'Kom på e-post.' });
    expect([inTime.late, lateOne.late, lateTwo.late]).toEqual([false, true, true]);

    const before = (await tasksOf(t.actors.admin, cycle.id)).coordinator?.lateInputs;
    expect(before?.total).toBe(2);
    expect(before?.items.map((i) => [i.inputId, i.regionName, i.hearingId])).toEqual([
      [lateTwo.id, 'Drammensregionen', hearing.id],
      [lateOne.id, 'Regionrådet for Hallingdal', hearing.id],
    ]);

    // A draft answer leaves it waiting; a final one settles it.
    await createDisposition(admin, hearing.id, {
      inputIds: [lateOne.id],
      outcome: 'noted',
      reason: 'Tatt til orientering.',
      final: false,
    });
    expect((await tasksOf(t.actors.admin, cycle.id)).coordinator?.lateInputs.total).toBe(2);
    await createDisposition(admin, hearing.id, {
      inputIds: [lateTwo.id],
      outcome: 'noted',
      reason: 'Notert.',
    });
    const after = (await tasksOf(t.actors.admin, cycle.id)).coordinator?.lateInputs;
    expect(after?.items.map((i) => i.inputId)).toEqual([lateOne.id]);
    expect(after?.total).toBe(1);
  });

  it('lists the open hearings with the invited regions that have not answered, by name', async () => {
    const { cycle, hearing, invited } = await hearingWithSilentRegions();
    const tasks = await tasksOf(t.actors.admin, cycle.id);
    expect(tasks.coordinator?.silentHearings).toEqual([
      {
        hearingId: hearing.id,
        kind: 'formal',
        versionNumber: 1,
        deadline: hearing.deadline,
        invitedRegions: 3,
        silentRegions: [
          { regionId: invited.drammen, regionName: 'Drammensregionen', reminded: false },
          { regionId: invited.hallingdal, regionName: 'Regionrådet for Hallingdal', reminded: false },
        ],
      },
    ]);
    // A closed hearing is no longer chased.
    await passDeadline(t, hearing.id);
    expect((await tasksOf(t.actors.admin, cycle.id)).coordinator?.silentHearings).toEqual([]);
  });
});

describe('reminding the regions that have not answered', () => {
  it('refuses everyone but the coordinator, and changes nothing', async () => {
    const { hearing } = await hearingWithSilentRegions();
    const mailsBefore = (await outboxFor(t, hearing.id)).length;
    for (const cookie of [cookies.viewer, cookies.department, cookies.region]) {
      const res = await remind(hearing.id, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await remind(hearing.id, '')).statusCode).toBe(401);
    expect(await outboxFor(t, hearing.id)).toHaveLength(mailsBefore);
    expect((await auditOf(t, 'hearing', hearing.id)).map((e) => e.action)).toEqual(['hearing.open']);
  });

  it("reminds each silent region's contact once, in the region's language, audited; a second press nobody", async () => {
    const { cycle, hearing, invited } = await hearingWithSilentRegions();
    const opened = (await outboxFor(t, hearing.id)).length;

    const first = await remind(hearing.id, cookies.admin);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      remindedNow: [
        { id: invited.drammen, name: 'Drammensregionen' },
        { id: invited.hallingdal, name: 'Regionrådet for Hallingdal' },
      ],
      remindedBefore: [],
      withoutContact: [],
      mail: { queued: 0, kept: 2 },
    } satisfies SilentRegionsReminded);
    const reminders = (await outboxFor(t, hearing.id))
      .slice(0)
      .filter((m) => m.key?.startsWith('hearing-manual'));
    expect(reminders.map((m) => [m.to, m.subject.split(':')[0]])).toEqual([
      ['drammensregionen@demo.partnerskap.no', 'Påminnelse'],
      ['hallingdal@demo.partnerskap.no', 'Påminning'],
    ]);
    expect(reminders.find((m) => m.to.startsWith('hallingdal'))?.text).toContain(
      'har enno ikkje sendt innspel',
    );
    expect(await outboxFor(t, hearing.id)).toHaveLength(opened + 2);
    const audit = (await auditOf(t, 'hearing', hearing.id)).at(-1);
    expect(audit).toMatchObject({
      action: 'hearing.remind',
      actorId: t.actors.admin.id,
      after: { remindedNow: [invited.drammen, invited.hallingdal], remindedBefore: [], messagesQueued: 2 },
    });
    expect(
      (await tasksOf(t.actors.admin, cycle.id)).coordinator?.silentHearings[0]?.silentRegions.map(
        (r) => r.reminded,
      ),
    ).toEqual([true, true]);

    const second = await remind(hearing.id, cookies.admin);
    expect(second.json()).toMatchObject({
      remindedNow: [],
      remindedBefore: [
        { id: invited.drammen, name: 'Drammensregionen' },
        { id: invited.hallingdal, name: 'Regionrådet for Hallingdal' },
      ],
      mail: { queued: 0, kept: 0 },
    });
    expect(await outboxFor(t, hearing.id)).toHaveLength(opened + 2);
    expect((await auditOf(t, 'hearing', hearing.id)).map((e) => e.action)).toEqual([
      'hearing.open',
      'hearing.remind',
      'hearing.remind',
    ]);
  });

  it('names a silent region with no active contact, and reminds the others', async () => {
    const { hearing, invited } = await hearingWithSilentRegions();
    await t.database.db.update(users).set({ active: false }).where(eq(users.regionId, invited.drammen));
    try {
      const res = await remind(hearing.id, cookies.admin);
      expect(res.json()).toMatchObject({
        remindedNow: [{ id: invited.hallingdal }],
        remindedBefore: [],
        withoutContact: [{ id: invited.drammen, name: 'Drammensregionen' }],
        mail: { kept: 1 },
      });
    } finally {
      await t.database.db.update(users).set({ active: true }).where(eq(users.regionId, invited.drammen));
    }
  });

  it('answers 409 for a closed hearing and 404 for one that does not exist, and queues nothing', async () => {
    const { hearing } = await hearingWithSilentRegions();
    await passDeadline(t, hearing.id);
    const mails = (await outboxFor(t, hearing.id)).length;
    const closed = await remind(hearing.id, cookies.admin);
    expect(closed.statusCode).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect(await outboxFor(t, hearing.id)).toHaveLength(mails);
    expect((await auditOf(t, 'hearing', hearing.id)).map((e) => e.action)).toEqual(['hearing.open']);
    const missing = await remind('7d3e6b4e-0000-4000-8000-000000000000', cookies.admin);
    expect(missing.statusCode).toBe(404);
  });
});

describe('comments on the start page', () => {
  it("shows a department editor the mentions of them and others' comments on the department's contributions", async () => {
    const { cycle, areas, own } = await agreementsFixture(t);
    const ownItem = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const regionsItem = await createContribution(
      t.ctx(t.actors.region),
      own.id,
      regionItem(areas.business.id),
    );
    const editor = t.actors.department;
    const onOwn = await addComment(
      t.ctx(t.actors.region),
      ownItem.id,
      { body: 'Når kommer bussene?' },
      links,
    );
    const mention = await addComment(
      t.ctx(t.actors.admin),
      regionsItem.id,
      { body: 'Kan Samferdsel se på dette?', mentionUserIds: [editor.id] },
      links,
    );
    // Their own comment, and a comment on another's contribution that does not mention them, are not for them.
    await addComment(t.ctx(editor), ownItem.id, { body: 'Fra høsten.' }, links);
    await addComment(t.ctx(t.actors.admin), regionsItem.id, { body: 'Ikke for Samferdsel.' }, links);

    const { comments } = await tasksOf(editor, cycle.id);
    expect(comments.mentions).toEqual([
      {
        commentId: mention.id,
        contributionId: regionsItem.id,
        contributionTitle: regionsItem.title,
        agreementId: own.id,
        regionName: 'Indre Østfold regionråd',
        authorName: t.actors.admin.name,
        excerpt: 'Kan Samferdsel se på dette?',
        createdAt: mention.createdAt,
      },
    ]);
    expect(comments.onOwn.map((c) => [c.commentId, c.authorName, c.contributionId])).toEqual([
      [onOwn.id, t.actors.region.name, ownItem.id],
    ]);
    // Another department's editor sees neither; a comment that mentions the editor is listed once.
    expect((await tasksOf(t.actors.otherDepartment, cycle.id)).comments).toEqual({ mentions: [], onOwn: [] });
    await addComment(
      t.ctx(t.actors.region),
      ownItem.id,
      { body: '@Samferdsel?', mentionUserIds: [editor.id] },
      links,
    );
    const again = (await tasksOf(editor, cycle.id)).comments;
    expect(again.mentions).toHaveLength(2);
    expect(again.onOwn).toHaveLength(1);
  });

  it('lists at most the twenty newest, and nothing older than thirty days', async () => {
    const { cycle, areas, own } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const made = [];
    for (let i = 0; i < 22; i++) {
      made.push(await addComment(t.ctx(t.actors.region), item.id, { body: `Spørsmål ${i}` }, links));
    }
    const listed = (await tasksOf(t.actors.department, cycle.id)).comments.onOwn;
    expect(listed.map((c) => c.excerpt)).toEqual(
      made
        .slice(2)
        .reverse()
        .map((c) => c.body),
    );
    await t.database.db
      .update(contributionComments)
      .set({ createdAt: sql`now() - interval '31 days'` })
      .where(eq(contributionComments.contributionId, item.id));
    expect((await tasksOf(t.actors.department, cycle.id)).comments.onOwn).toEqual([]);
  });
});
