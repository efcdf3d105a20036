import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Comment, CommentList, MentionableUserList } from '../../shared/contracts/contributions.js';
import { users } from '../users/user.table.js';
import { addComment } from './add-comment.js';
import {
  agreementsFixture,
  appUrl,
  auditOf,
  departmentItem,
  fullSnapshot,
  links,
  outboxFor,
  unknownId,
} from './contribution.fixtures.js';
import { createContribution } from './create-contribution.js';
import { listContributions } from './list-contributions.js';

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

const req = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  t.request({ method, url, cookie, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

async function contribution() {
  const { areas, own } = await agreementsFixture(t);
  return createContribution(t.ctx(t.actors.department), own.id, departmentItem(t, areas.transport.id));
}

describe('comments on a contribution', () => {
  it('lets everyone signed in comment and reply, threaded by parent, audited', async () => {
    const item = await contribution();
    const listed = async () =>
      (await listContributions(t.ctx(t.actors.viewer), item.agreementId, {})).items.map(
        (c) => c.commentCount,
      );
    // The list is read (and kept by the read cache) before the comments, and still counts them after.
    expect(await listed()).toEqual([0]);
    const url = `/api/v1/contributions/${item.id}/comments`;
    const first = await req('POST', url, cookies.viewer, {
      body: 'Hvordan henger dette sammen med bypakken?',
    });
    expect(first.statusCode).toBe(201);
    const root = first.json() as Comment;
    expect(root).toMatchObject({
      contributionId: item.id,
      parentId: null,
      author: { id: t.actors.viewer.id, name: t.actors.viewer.name },
      body: 'Hvordan henger dette sammen med bypakken?',
      mentions: [],
    });
    const reply = await req('POST', url, cookies.region, {
      body: 'Den kommer i tillegg.',
      parentId: root.id,
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ parentId: root.id, author: { id: t.actors.region.id } });

    const list = await req('GET', url, cookies.department);
    expect(list.statusCode).toBe(200);
    expect((list.json() as CommentList).items.map((c) => [c.body, c.parentId])).toEqual([
      ['Hvordan henger dette sammen med bypakken?', null],
      ['Den kommer i tillegg.', root.id],
    ]);
    const detail = await req('GET', `/api/v1/contributions/${item.id}`, cookies.viewer);
    expect(detail.json()).toMatchObject({ commentCount: 2 });
    expect(await listed()).toEqual([2]);
    expect((await auditOf(t, 'contributionComment', root.id)).map((a) => a.action)).toEqual([
      'contribution.comment',
    ]);
    expect((await req('GET', `/api/v1/contributions/${unknownId}/comments`, cookies.viewer)).statusCode).toBe(
      404,
    );
  });

  it('refuses an empty body, a parent from another contribution and unknown or inactive mentions, changing nothing', async () => {
    const item = await contribution();
    const elsewhere = await contribution();
    const foreign = await addComment(t.ctx(t.actors.admin), elsewhere.id, { body: 'Annet bidrag' }, links);
    const [inactive] = await t.database.db
      .insert(users)
      .values({
        email: 'sluttet@demo.partnerskap.no',
        name: 'Sluttet Bruker',
        passwordHash: 'x',
        role: 'viewer',
        active: false,
      })
      .returning();
    const url = `/api/v1/contributions/${item.id}/comments`;
    const cases: [unknown, number, [string, string][]][] = [
      [{ body: '   ' }, 400, [['body', 'validation.required']]],
      [{ body: 'Svar', parentId: foreign.id }, 400, [['parentId', 'validation.unknownComment']]],
      [
        { body: 'Se her', mentionUserIds: [t.actors.admin.id, unknownId, inactive?.id] },
        400,
        [
          ['mentionUserIds.1', 'validation.unknownUser'],
          ['mentionUserIds.2', 'validation.unknownUser'],
        ],
      ],
      [
        { body: 'To ganger', mentionUserIds: [t.actors.admin.id, t.actors.admin.id] },
        400,
        [['mentionUserIds', 'validation.invalid']],
      ],
    ];
    for (const [payload, status, fields] of cases) {
      const before = await fullSnapshot(t.database.db);
      const res = await req('POST', url, cookies.region, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(
        fields,
      );
      expect(await fullSnapshot(t.database.db)).toBe(before);
    }
    const before = await fullSnapshot(t.database.db);
    expect(
      (await req('POST', `/api/v1/contributions/${unknownId}/comments`, cookies.region, { body: 'Hei' }))
        .statusCode,
    ).toBe(404);
    expect(await fullSnapshot(t.database.db)).toBe(before);
  });

  it('e-mails each mentioned user in their own language, with a link to the contribution, but not the author', async () => {
    const item = await contribution();
    // The Hallingdal contact reads nynorsk, the department editor English.
    await t.database.db.update(users).set({ locale: 'nn' }).where(eq(users.id, t.actors.otherRegion.id));
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, t.actors.department.id));
    try {
      const comment = await addComment(
        t.ctx(t.actors.region),
        item.id,
        {
          body: 'Kan vi ta dette på neste møte?',
          mentionUserIds: [
            t.actors.otherRegion.id,
            t.actors.department.id,
            t.actors.admin.id,
            t.actors.region.id,
          ],
        },
        links,
      );
      expect(comment.mentions.map((m) => m.id).sort()).toEqual(
        [t.actors.otherRegion.id, t.actors.department.id, t.actors.admin.id, t.actors.region.id].sort(),
      );
      const mails = await outboxFor(t, item.id);
      expect(mails.map((m) => m.to).sort()).toEqual(
        [t.actors.otherRegion.email, t.actors.department.email, t.actors.admin.email].sort(),
      );
      const link = `${appUrl}/avtaler/${item.agreementId}/bidrag#bidrag-${item.id}`;
      const to = (email: string) => mails.find((m) => m.to === email);
      expect(to(t.actors.otherRegion.email)).toMatchObject({
        subject: `${t.actors.region.name} nemnde deg i ein kommentar: ${item.title}`,
      });
      expect(to(t.actors.otherRegion.email)?.text).toContain(
        'partnarskapsavtalen for Indre Østfold regionråd',
      );
      expect(to(t.actors.department.email)?.subject).toBe(
        `${t.actors.region.name} mentioned you in a comment: ${item.title}`,
      );
      expect(to(t.actors.admin.email)?.subject).toBe(
        `${t.actors.region.name} nevnte deg i en kommentar: ${item.title}`,
      );
      for (const mail of mails) {
        expect(mail.text).toContain('> Kan vi ta dette på neste møte?');
        expect(mail.text).toContain(link);
      }
    } finally {
      await t.database.db.update(users).set({ locale: 'nb' }).where(eq(users.id, t.actors.otherRegion.id));
      await t.database.db.update(users).set({ locale: 'nb' }).where(eq(users.id, t.actors.department.id));
    }
  });

  it('mentions through the API, and offers everyone the active users to mention without their e-mail', async () => {
    const item = await contribution();
    const res = await req('GET', '/api/v1/mentionable-users', cookies.region);
    expect(res.statusCode).toBe(200);
    const people = (res.json() as MentionableUserList).items;
    const department = people.find((p) => p.id === t.actors.department.id);
    expect(department).toEqual({
      id: t.actors.department.id,
      name: t.actors.department.name,
      role: 'department',
      organisation: 'Samferdsel',
    });
    expect(people.find((p) => p.id === t.actors.otherRegion.id)?.organisation).toBe(
      'Regionrådet for Hallingdal',
    );
    expect(people.find((p) => p.id === t.actors.admin.id)?.organisation).toBeNull();
    expect(JSON.stringify(people)).not.toContain('@');
    expect(people.some((p) => p.name === 'Sluttet Bruker')).toBe(false);

    const posted = await req('POST', `/api/v1/contributions/${item.id}/comments`, cookies.department, {
      body: 'Kan regionen svare på dette?',
      mentionUserIds: [t.actors.region.id],
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().mentions).toEqual([{ id: t.actors.region.id, name: t.actors.region.name }]);
    const mails = await outboxFor(t, item.id);
    expect(mails.map((m) => m.to)).toEqual([t.actors.region.email]);
    expect(mails[0]?.text).toContain(
      `http://partnerskap.test/avtaler/${item.agreementId}/bidrag#bidrag-${item.id}`,
    );
  });
});
