import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, origin, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type {
  SpecialPartAnswerView,
  SpecialPartVersion,
  SpecialPartVersionSent,
} from '../../shared/contracts/special-part.js';
import { mailOutbox } from '../mail/mail.table.js';
import { getMyTasks } from '../tasks/get-my-tasks.js';
import { users } from '../users/user.table.js';
import { newAgreement, specialPartWorld } from './special-part.fixtures.js';

let t: TestApp;
let admin: string;
let viewer: string;
let department: string;
let region: string;
let otherRegion: string;
beforeAll(async () => {
  t = await startTestApp();
  // Signed in before any snapshot: a sign-in writes to the audit log.
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  viewer = await t.cookieFor('leser@demo.partnerskap.no');
  department = await t.cookieFor('samferdsel@demo.partnerskap.no');
  region = await t.cookieFor('indre-ostfold@demo.partnerskap.no');
  otherRegion = await t.cookieFor('hallingdal@demo.partnerskap.no');
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

/** A fresh agreement of its own cycle for the region (Indre Østfold's, or Hallingdal's), its special part started. */
async function started(actorRegion: 'region' | 'otherRegion' = 'region') {
  const world = await specialPartWorld(t);
  const agreement = await newAgreement(t, world, t.actors[actorRegion].regionId);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/agreements/${agreement.id}/special-part`,
    cookie: admin,
  });
  expect(res.statusCode).toBe(201);
  return { world, agreement, draft: res.json() as SpecialPartVersion };
}

const act = (versionId: string, what: 'send' | 'agree' | 'drafts', payload?: object) =>
  t.request({
    method: 'POST',
    url: `/api/v1/special-part-versions/${versionId}/${what}`,
    ...(payload ? { payload } : {}),
    cookie: admin,
  });

async function send(version: { id: string; version: number }) {
  const res = await act(version.id, 'send', { version: version.version });
  expect(res.statusCode).toBe(200);
  return res.json() as SpecialPartVersionSent;
}

/** A sent version of a fresh agreement of the region. */
async function sent(actorRegion: 'region' | 'otherRegion' = 'region') {
  const own = await started(actorRegion);
  return { ...own, sent: await send(own.draft) };
}

const answer = (versionId: string, payload: unknown, cookie = region) =>
  t.request({
    method: 'PUT',
    url: `/api/v1/special-part-versions/${versionId}/answer`,
    payload: payload as Record<string, unknown>,
    cookie,
  });
const readAnswer = (versionId: string, cookie = admin) =>
  t.request({ method: 'GET', url: `/api/v1/special-part-versions/${versionId}/answer`, cookie });

const fieldsOf = (res: { json(): unknown }) =>
  (res.json() as { errors: { field: string; code: string }[] }).errors.map((e) => [e.field, e.code]);

const mailsAbout = (versionId: string) =>
  t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.entityType, 'specialPartVersion'), eq(mailOutbox.entityId, versionId)));

describe("sending a special part to the region's contacts", () => {
  it('queues an e-mail in bokmål to Indre Østfold’s contact with a link to the version, and says it is kept', async () => {
    const { agreement, sent: version } = await sent();
    expect(version).toMatchObject({ state: 'sent', mail: { queued: 0, kept: 1 }, regionsWithoutContact: [] });
    const mails = await mailsAbout(version.id);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.to).toBe('indre-ostfold@demo.partnerskap.no');
    expect(mail?.subject).toBe('Spesiell del av partnerskapsavtalen til svar – versjon 1');
    expect(mail?.text).toContain(
      'Fylkeskommunen har sendt versjon 1 av den spesielle delen av partnerskapsavtalen med Indre Østfold regionråd',
    );
    expect(mail?.text).toContain('at regionen er enig, eller med merknader til ett eller flere avsnitt');
    expect(mail?.text).toContain(`${origin}/avtaler/${agreement.id}/spesiell-del?versjon=${version.id}`);
  });

  it('writes to Hallingdal’s contact in nynorsk', async () => {
    const { agreement, sent: version } = await sent('otherRegion');
    const [mail, ...more] = await mailsAbout(version.id);
    expect(more).toEqual([]);
    expect(mail?.to).toBe('hallingdal@demo.partnerskap.no');
    expect(mail?.subject).toBe('Særskild del av partnarskapsavtalen til svar – versjon 1');
    expect(mail?.text).toContain(
      'Fylkeskommunen har sendt versjon 1 av den særskilde delen av partnarskapsavtalen med Regionrådet for Hallingdal',
    );
    expect(mail?.text).toContain('at regionen er samd, eller med merknader til eitt eller fleire avsnitt');
    expect(mail?.text).toContain('Denne meldinga er send automatisk frå Partnerskap.');
    expect(mail?.text).toContain(`/avtaler/${agreement.id}/spesiell-del?versjon=${version.id}`);
  });

  it('says the e-mail is queued, not kept, where a mail server sends it', async () => {
    const mailed = await startTestApp({ mailConfigured: true });
    try {
      const world = await specialPartWorld(mailed);
      const agreement = await newAgreement(mailed, world, mailed.actors.otherRegion.regionId);
      const cookie = await mailed.cookieFor('admin@demo.partnerskap.no');
      const draft = (
        await mailed.request({
          method: 'POST',
          url: `/api/v1/agreements/${agreement.id}/special-part`,
          cookie,
        })
      ).json() as SpecialPartVersion;
      const res = await mailed.request({
        method: 'POST',
        url: `/api/v1/special-part-versions/${draft.id}/send`,
        payload: { version: draft.version },
        cookie,
      });
      expect(res.statusCode).toBe(200);
      expect((res.json() as SpecialPartVersionSent).mail).toEqual({ queued: 1, kept: 0 });
    } finally {
      await mailed.close();
    }
  });

  it('names the region when it has no active contact, and queues nothing', async () => {
    const { draft } = await started();
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, t.actors.region.id));
    try {
      const version = await send(draft);
      expect(version.mail).toEqual({ queued: 0, kept: 0 });
      expect(version.regionsWithoutContact).toEqual([
        { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
      ]);
      expect(await mailsAbout(version.id)).toEqual([]);
    } finally {
      await t.database.db.update(users).set({ active: true }).where(eq(users.id, t.actors.region.id));
    }
  });
});

describe("the region's answer", () => {
  it('is published in the API description: read it, and give or change it', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/special-part-versions/{id}/answer'] ?? {}).sort()).toEqual([
      'get',
      'put',
    ]);
  });

  it('takes the own region’s answer, shows it to the coordinator, and lets the region change it until agreed', async () => {
    const { world, agreement, sent: version } = await sent();
    const empty = await readAnswer(version.id, region);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({
      versionId: version.id,
      region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
      open: true,
      answer: null,
    });

    const agrees = await answer(version.id, { verdict: 'agrees' });
    expect(agrees.statusCode).toBe(200);
    const first = agrees.json() as SpecialPartAnswerView;
    expect(first.answer).toMatchObject({
      verdict: 'agrees',
      comments: [],
      answeredBy: { id: t.actors.region.id },
      version: 1,
    });

    // Comments on two sections, given in any order, come back in the version's section order.
    const changed = await answer(version.id, {
      version: first.answer?.version,
      verdict: 'comments',
      comments: [
        { sectionKey: 'follow-up', text: 'Vi ønsker to møter i året.' },
        { sectionKey: 'priorities', text: '  Kollektivtransport må nevnes først.  ' },
      ],
    });
    expect(changed.statusCode).toBe(200);
    const shown = (await readAnswer(version.id, viewer)).json() as SpecialPartAnswerView;
    expect(shown.answer).toMatchObject({
      verdict: 'comments',
      version: 2,
      comments: [
        {
          sectionKey: 'priorities',
          sectionTitle: 'Regionens prioriteringer',
          text: 'Kollektivtransport må nevnes først.',
        },
        { sectionKey: 'follow-up', sectionTitle: 'Oppfølging', text: 'Vi ønsker to møter i året.' },
      ],
    });
    expect(shown).toEqual((await readAnswer(version.id, department)).json());
    const audit = await auditTrail(t, 'specialPartAnswer', first.answer?.id ?? '');
    expect(audit.map((a) => a.action)).toEqual(['specialPartAnswer.give', 'specialPartAnswer.change']);
    expect(audit[1]?.before).toMatchObject({ verdict: 'agrees', comments: [] });
    expect(audit[1]?.after).toMatchObject({
      versionId: version.id,
      regionId: t.actors.region.regionId,
      verdict: 'comments',
      comments: [
        { sectionKey: 'follow-up', text: 'Vi ønsker to møter i året.' },
        { sectionKey: 'priorities', text: 'Kollektivtransport må nevnes først.' },
      ],
    });

    // On the start pages: the region's own version to answer, and the coordinator's answered one.
    const regionTasks = await getMyTasks(t.ctx(t.actors.region), { cycle: world.cycleId });
    expect(regionTasks.specialParts).toEqual([
      {
        agreementId: agreement.id,
        regionName: 'Indre Østfold regionråd',
        versionId: version.id,
        versionNumber: 1,
        sentAt: version.sentAt,
        answer: { verdict: 'comments', comments: 2, answeredAt: shown.answer?.answeredAt },
      },
    ]);
    const adminTasks = await getMyTasks(t.ctx(t.actors.admin), { cycle: world.cycleId });
    expect(adminTasks.specialParts.map((s) => [s.versionId, s.answer?.verdict])).toEqual([
      [version.id, 'comments'],
    ]);
    expect((await getMyTasks(t.ctx(t.actors.otherRegion), { cycle: world.cycleId })).specialParts).toEqual(
      [],
    );
    expect((await getMyTasks(t.ctx(t.actors.department), { cycle: world.cycleId })).specialParts).toEqual([]);

    // Agreed: the answer stays to be read, but can no longer be changed, and leaves the start pages.
    const agreed = await act(version.id, 'agree', { version: version.version });
    expect(agreed.statusCode).toBe(200);
    const closed = (await readAnswer(version.id, region)).json() as SpecialPartAnswerView;
    expect(closed).toMatchObject({ open: false, answer: { verdict: 'comments' } });
    const before = await snapshot(t.database.db);
    const late = await answer(version.id, { version: 2, verdict: 'agrees' });
    expect(late.statusCode).toBe(409);
    expect(fieldsOf(late)).toEqual([['_', 'validation.specialPartAnswerClosed']]);
    expect(await snapshot(t.database.db)).toBe(before);
    expect((await getMyTasks(t.ctx(t.actors.region), { cycle: world.cycleId })).specialParts).toEqual([]);
    expect((await getMyTasks(t.ctx(t.actors.admin), { cycle: world.cycleId })).specialParts).toEqual([]);
  });

  it('lists a sent version the region has not answered on its start page, not on the coordinator’s', async () => {
    const { world, sent: version } = await sent();
    const tasks = await getMyTasks(t.ctx(t.actors.region), { cycle: world.cycleId });
    expect(tasks.specialParts).toMatchObject([{ versionId: version.id, versionNumber: 1, answer: null }]);
    expect((await getMyTasks(t.ctx(t.actors.admin), { cycle: world.cycleId })).specialParts).toEqual([]);
  });

  it('refuses another region’s contact (403) and the county’s people (403), changing nothing', async () => {
    const { sent: version } = await sent();
    const before = await snapshot(t.database.db);
    const other = await answer(version.id, { verdict: 'agrees' }, otherRegion);
    expect(other.statusCode).toBe(403);
    expect((await readAnswer(version.id, otherRegion)).statusCode).toBe(403);
    for (const cookie of [admin, department, viewer]) {
      expect((await answer(version.id, { verdict: 'agrees' }, cookie)).statusCode).toBe(403);
    }
    expect((await answer(unknownId, { verdict: 'agrees' })).statusCode).toBe(404);
    expect((await readAnswer(unknownId)).statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a version not sent (409), and an older sent version once a later one is agreed (409)', async () => {
    const { draft } = await started();
    const before = await snapshot(t.database.db);
    const unsent = await answer(draft.id, { verdict: 'agrees' });
    expect(unsent.statusCode).toBe(409);
    expect(fieldsOf(unsent)).toEqual([['_', 'validation.specialPartAnswerNotSent']]);
    expect((await readAnswer(draft.id, region)).json()).toMatchObject({ open: false, answer: null });
    expect(await snapshot(t.database.db)).toBe(before);

    const v1 = await send(draft);
    const v2 = (await act(v1.id, 'drafts')).json() as SpecialPartVersion;
    const sent2 = await send(v2);
    expect((await act(sent2.id, 'agree', { version: sent2.version })).statusCode).toBe(200);
    const old = await answer(v1.id, { verdict: 'agrees' });
    expect(old.statusCode).toBe(409);
    expect(fieldsOf(old)).toEqual([['_', 'validation.specialPartAnswerClosed']]);
    expect((await readAnswer(v1.id, region)).json()).toMatchObject({ open: false });
  });

  it('refuses bad input with field errors (400) and a stale answer (409), changing nothing', async () => {
    const { sent: version } = await sent();
    const given = (await answer(version.id, { verdict: 'agrees' })).json() as SpecialPartAnswerView;
    const before = await snapshot(t.database.db);
    const cases: [unknown, [string, string][]][] = [
      [{}, [['verdict', 'validation.chooseAnswer']]],
      [{ version: 1, verdict: 'maybe' }, [['verdict', 'validation.chooseAnswer']]],
      [{ version: 1, verdict: 'comments' }, [['comments', 'validation.answerNeedsComment']]],
      [
        { version: 1, verdict: 'agrees', comments: [{ sectionKey: 'priorities', text: 'Hm.' }] },
        [['comments', 'validation.answerAgreesWithComments']],
      ],
      [
        {
          version: 1,
          verdict: 'comments',
          comments: [
            { sectionKey: 'priorities', text: 'Én.' },
            { sectionKey: 'Bad Key', text: '   ' },
            { sectionKey: 'priorities', text: 'x'.repeat(10_001) },
          ],
        },
        [
          ['comments.1.sectionKey', 'validation.sectionKey'],
          ['comments.1.text', 'validation.required'],
          ['comments.2.text', 'validation.tooLong'],
          ['comments.2.sectionKey', 'validation.duplicateSectionComment'],
        ],
      ],
      [
        { version: 1, verdict: 'comments', comments: [{ sectionKey: 'no-such-section', text: 'Hei.' }] },
        [['comments.0.sectionKey', 'validation.unknownSection']],
      ],
    ];
    for (const [payload, fields] of cases) {
      const res = await answer(version.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res).sort()).toEqual([...fields].sort());
    }
    // A change from no version, or from an older one, would overwrite an answer the caller has not seen.
    expect((await answer(version.id, { verdict: 'comments', comments: [] })).statusCode).toBe(400);
    const blind = await answer(version.id, { verdict: 'agrees' });
    expect(blind.statusCode).toBe(409);
    expect((blind.json() as { code: string }).code).toBe('stale');
    expect((await answer(version.id, { version: 7, verdict: 'agrees' })).statusCode).toBe(409);
    expect(await snapshot(t.database.db)).toBe(before);
    expect(((await readAnswer(version.id)).json() as SpecialPartAnswerView).answer).toEqual(given.answer);

    // A first answer that claims a version is stale as well.
    const { sent: fresh } = await sent();
    const invented = await answer(fresh.id, { version: 1, verdict: 'agrees' });
    expect(invented.statusCode).toBe(409);
    expect(((await readAnswer(fresh.id)).json() as SpecialPartAnswerView).answer).toBeNull();
  });
});
