import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { toPlainText } from '../../shared/contracts/rich-text.js';
import type { SpecialPartVersion, SpecialPartVersionSent } from '../../shared/contracts/special-part.js';
import { contributions } from '../contributions/contribution.table.js';
import { textBody } from '../general-part/general-part.fixtures.js';
import { generateContributionsContent } from './contributions-content.js';
import { addContribution, newAgreement, specialPartWorld } from './special-part.fixtures.js';
import { specialPartVersions } from './special-part.table.js';
import { loadSpecialPartForDocument } from './special-part-reads.js';

let t: TestApp;
let admin: string;
let viewer: string;
let department: string;
let region: string;
beforeAll(async () => {
  t = await startTestApp();
  // Signed in before any snapshot: a sign-in writes to the audit log.
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  viewer = await t.cookieFor('leser@demo.partnerskap.no');
  department = await t.cookieFor('samferdsel@demo.partnerskap.no');
  region = await t.cookieFor('indre-ostfold@demo.partnerskap.no');
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

/** A fresh agreement of the test cycle; each cycle has one agreement per region, so each test makes its cycle. */
async function agreementFor(actorRegion: 'region' | 'otherRegion' = 'region') {
  const own = await specialPartWorld(t);
  return { world: own, agreement: await newAgreement(t, own, t.actors[actorRegion].regionId) };
}

const start = (agreementId: string, cookie = admin) =>
  t.request({ method: 'POST', url: `/api/v1/agreements/${agreementId}/special-part`, cookie });
const read = (versionId: string, cookie = admin) =>
  t.request({ method: 'GET', url: `/api/v1/special-part-versions/${versionId}`, cookie });
const put = (versionId: string, payload: unknown, cookie = admin) =>
  t.request({
    method: 'PUT',
    url: `/api/v1/special-part-versions/${versionId}/sections`,
    payload: payload as Record<string, unknown>,
    cookie,
  });
const act = (versionId: string, what: 'send' | 'agree' | 'drafts', payload?: object, cookie = admin) =>
  t.request({
    method: 'POST',
    url: `/api/v1/special-part-versions/${versionId}/${what}`,
    ...(payload ? { payload } : {}),
    cookie,
  });
const compare = (from: string, to: string, cookie = admin) =>
  t.request({ method: 'GET', url: `/api/v1/special-part-versions/compare?from=${from}&to=${to}`, cookie });

async function started(actorRegion: 'region' | 'otherRegion' = 'region') {
  const own = await agreementFor(actorRegion);
  const res = await start(own.agreement.id);
  expect(res.statusCode).toBe(201);
  return { ...own, draft: res.json() as SpecialPartVersion };
}

/** The sections of a version as the editor sends them back, with the given text in a section. */
const asInput = (version: SpecialPartVersion, changes: Record<string, string> = {}) =>
  version.sections.map((s) => ({
    key: s.key,
    title: s.title,
    ...(s.generated ? {} : { body: changes[s.key] ? textBody(changes[s.key] as string) : s.body }),
  }));

const sectionText = (version: SpecialPartVersion, key: string) =>
  toPlainText(version.sections.find((s) => s.key === key)?.body ?? { type: 'doc', content: [] });

const fieldsOf = (res: { json(): unknown }) =>
  (res.json() as { errors: { field: string; code: string }[] }).errors.map((e) => [e.field, e.code]);

const auditOf = (entityId: string) => auditTrail(t, 'specialPartVersion', entityId);

describe('starting a special part', () => {
  it('makes version 1, a draft with the default sections in bokmål, and records it', async () => {
    const { agreement, draft } = await started();
    expect(draft).toMatchObject({ agreementId: agreement.id, number: 1, state: 'draft', version: 1 });
    expect(draft.createdBy?.id).toBe(t.actors.admin.id);
    expect(draft.sections.map((s) => [s.key, s.title, s.generated])).toEqual([
      ['introduction', 'Innledning', false],
      ['priorities', 'Regionens prioriteringer', false],
      ['contributions', 'Bidrag', true],
      ['follow-up', 'Oppfølging', false],
    ]);
    expect(sectionText(draft, 'introduction')).toContain('Indre Østfold');
    expect(sectionText(draft, 'contributions')).toBe('Ingen bidrag er avtalt ennå.');
    const audit = await auditOf(draft.id);
    expect(audit.map((a) => a.action)).toEqual(['specialPartVersion.create']);

    const part = await t.request({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}/special-part`,
      cookie: region,
    });
    expect(part.statusCode).toBe(200);
    expect(part.json()).toMatchObject({
      agreementId: agreement.id,
      writtenStandard: 'nb',
      currentVersionId: null,
      draftVersionId: draft.id,
      versions: [{ id: draft.id, number: 1, state: 'draft' }],
    });
  });

  it('titles the sections in nynorsk for a region that writes nynorsk (Hallingdal)', async () => {
    const { draft } = await started('otherRegion');
    expect(draft.sections.map((s) => s.title)).toEqual([
      'Innleiing',
      'Prioriteringane til regionen',
      'Bidrag',
      'Oppfølging',
    ]);
    expect(sectionText(draft, 'introduction')).toContain('særskilde delen');
    expect(sectionText(draft, 'contributions')).toBe('Ingen bidrag er avtalte enno.');
  });

  it('refuses a second start (409), an unknown agreement (404) and anyone but admin (403), changing nothing', async () => {
    const { agreement } = await started();
    const before = await snapshot(t.database.db);
    const again = await start(agreement.id);
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual([['_', 'validation.specialPartExists']]);
    expect((await start(unknownId)).statusCode).toBe(404);
    expect((await start('not-an-id')).statusCode).toBe(404);
    for (const cookie of [viewer, department, region])
      expect((await start(agreement.id, cookie)).statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
    const versions = await t.database.db
      .select()
      .from(specialPartVersions)
      .where(eq(specialPartVersions.agreementId, agreement.id));
    expect(versions).toHaveLength(1);
  });

  it('answers 404 for the special part of an unknown agreement, and an empty list before it is started', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/agreements/${unknownId}/special-part`,
      cookie: viewer,
    });
    expect(res.statusCode).toBe(404);
    const { agreement } = await agreementFor();
    const empty = await t.request({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}/special-part`,
      cookie: department,
    });
    expect(empty.json()).toMatchObject({ currentVersionId: null, draftVersionId: null, versions: [] });
    expect((await read(unknownId)).statusCode).toBe(404);
  });
});

describe('the generated contributions section', () => {
  it("shows the agreement's agreed contributions live in a draft, by subject area order then position", async () => {
    const { world: own, agreement, draft } = await started();
    const [transport, business] = own.subjectAreaIds;
    await addContribution(t, agreement, business, {
      title: 'Etablererservice',
      kind: 'instrument',
      ownerDepartmentId: t.actors.otherDepartment.departmentId,
      budgetNokPerYear: 1_500_000,
      timeFrame: '2021–2024',
      responsible: 'Næringssjefen',
      description: 'Gratis veiledning for nye bedrifter.',
      indicators: [{ name: 'Nye foretak', baseline: '40', target: '60', unit: 'per år' }],
    });
    await addContribution(t, agreement, transport, { title: 'Pendlerparkering', position: 1 });
    await addContribution(t, agreement, transport, {
      title: 'Regionen stiller tomt til rådighet',
      kind: 'commitment',
      position: 0,
    });
    await addContribution(t, agreement, transport, { title: 'Foreslått busslinje', status: 'proposed' });
    await addContribution(t, agreement, business, {
      title: 'Droppet tiltak',
      status: 'dropped',
      position: 3,
    });

    const res = await read(draft.id, viewer);
    expect(res.statusCode).toBe(200);
    const version = res.json() as SpecialPartVersion;
    expect(
      version.contributions.subjectAreas.map((a) => [a.name, a.contributions.map((c) => c.title)]),
    ).toEqual([
      ['Kollektivtransport i regionen', ['Regionen stiller tomt til rådighet', 'Pendlerparkering']],
      ['Reiseliv i regionen', ['Etablererservice']],
    ]);
    const first = version.contributions.subjectAreas[0]?.contributions[0];
    expect(first?.owner).toEqual({
      type: 'region',
      id: t.actors.region.regionId,
      name: 'Indre Østfold regionråd',
    });
    const text = sectionText(version, 'contributions');
    expect(text).toContain('Kollektivtransport i regionen');
    expect(text).toContain('Eier: Indre Østfold regionråd');
    expect(text).toContain('Type: Forpliktelse');
    expect(text).toContain('Eier: Næring');
    expect(text).toContain('Type: Virkemiddel');
    expect(text).toContain('Budsjett: 1 500 000 kr per år');
    expect(text).toContain('Tidsramme: 2021–2024');
    expect(text).toContain('Ansvarlig: Næringssjefen');
    expect(text).toContain('Indikator: Nye foretak (utgangspunkt 40 per år, mål 60 per år)');
    expect(text).toContain('Gratis veiledning for nye bedrifter.');
    expect(text).not.toContain('Foreslått busslinje');
    expect(text).not.toContain('Droppet tiltak');
    expect(text.indexOf('Kollektivtransport i regionen')).toBeLessThan(text.indexOf('Reiseliv i regionen'));
  });

  it("writes the fixed words in the region's nynorsk", async () => {
    const { world: own, agreement, draft } = await started('otherRegion');
    await addContribution(t, agreement, own.subjectAreaIds[0], {
      title: 'Hallingdal som reisemål',
      kind: 'commitment',
      budgetNokPerYear: 200_000,
    });
    const version = (await read(draft.id)).json() as SpecialPartVersion;
    const text = sectionText(version, 'contributions');
    expect(text).toContain('Eigar: Regionrådet for Hallingdal');
    expect(text).toContain('Type: Forplikting');
    expect(text).toContain('Budsjett: 200 000 kr per år');
    expect(version.contributions.writtenStandard).toBe('nn');
  });
});

describe('editing a draft', () => {
  it('rewrites, adds, reorders and removes sections; the contributions section keeps its generated body', async () => {
    const { draft } = await started();
    const res = await put(draft.id, {
      version: draft.version,
      sections: [
        { key: 'contributions', title: 'Bidrag fra partene', body: textBody('Skrevet for hånd.') },
        { key: 'introduction', title: 'Innledning', body: textBody('Ny innledning.') },
        { title: 'Felles satsinger', body: textBody('Et nytt avsnitt.') },
        { key: 'follow-up', title: 'Oppfølging', body: textBody('Årlig møte.') },
      ],
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json() as SpecialPartVersion;
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.sections.map((s) => [s.key, s.title, s.position])).toEqual([
      ['contributions', 'Bidrag fra partene', 0],
      ['introduction', 'Innledning', 1],
      [expect.stringMatching(/^s-[0-9a-f]{10}$/), 'Felles satsinger', 2],
      ['follow-up', 'Oppfølging', 3],
    ]);
    expect(sectionText(saved, 'contributions')).toBe('Ingen bidrag er avtalt ennå.');
    expect(sectionText(saved, 'introduction')).toBe('Ny innledning.');
    const audit = await auditOf(draft.id);
    expect(audit.map((a) => a.action)).toEqual([
      'specialPartVersion.create',
      'specialPartVersion.updateSections',
    ]);
  });

  it('refuses bad input with field errors (400), a stale version (409) and other roles (403), changing nothing', async () => {
    const { draft } = await started();
    const before = await snapshot(t.database.db);
    const withoutContributions = await put(draft.id, {
      version: draft.version,
      sections: [{ key: 'introduction', title: 'Innledning', body: textBody('x') }],
    });
    expect(withoutContributions.statusCode).toBe(400);
    expect(fieldsOf(withoutContributions)).toEqual([['sections', 'validation.contributionsSectionRequired']]);

    const bad = await put(draft.id, {
      version: draft.version,
      sections: [
        { key: 'contributions', title: 'Bidrag' },
        { key: 'introduction', title: ' ', body: textBody('x') },
        { key: 'priorities', title: 'Prioriteringer' },
        {
          key: 'follow-up',
          title: 'Oppfølging',
          body: { type: 'doc', content: [{ type: 'script', content: [] }] },
        },
        { key: 'Bad Key', title: 'Feil', body: textBody('x') },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining([
        ['sections.1.title', 'validation.required'],
        ['sections.2.body', 'validation.required'],
        [expect.stringMatching(/^sections\.3\.body/), 'validation.richTextNode'],
        ['sections.4.key', 'validation.sectionKey'],
      ]),
    );
    const link = await put(draft.id, {
      version: draft.version,
      sections: [
        { key: 'contributions', title: 'Bidrag' },
        {
          key: 'introduction',
          title: 'Innledning',
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    type: 'text',
                    text: 'klikk',
                    marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(link.statusCode).toBe(400);
    expect(fieldsOf(link).map(([, code]) => code)).toContain('validation.linkProtocol');

    const good = { version: draft.version, sections: asInput(draft, { introduction: 'Endret.' }) };
    for (const cookie of [viewer, department, region])
      expect((await put(draft.id, good, cookie)).statusCode).toBe(403);
    const stale = await put(draft.id, { ...good, version: draft.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((await put(unknownId, good)).statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
    const after = (await read(draft.id)).json() as SpecialPartVersion;
    expect([after.version, after.sections]).toEqual([draft.version, draft.sections]);
  });
});

describe('sending and agreeing', () => {
  it('freezes the agreed contributions when sent; later changes to the items do not touch the sent text', async () => {
    const { world: own, agreement, draft } = await started();
    const item = await addContribution(t, agreement, own.subjectAreaIds[0], {
      title: 'Bedre kollektivtilbud',
      budgetNokPerYear: 300_000,
      ownerDepartmentId: t.actors.department.departmentId,
    });
    const expected = await generateContributionsContent(t.database.db, agreement.id);

    const sendRes = await act(draft.id, 'send', { version: draft.version });
    expect(sendRes.statusCode).toBe(200);
    // The answer to sending says, besides the version, what became of the e-mail to the region.
    const { mail, regionsWithoutContact, ...sent } = sendRes.json() as SpecialPartVersionSent;
    expect({ mail, regionsWithoutContact }).toEqual({
      mail: { queued: 0, kept: 1 },
      regionsWithoutContact: [],
    });
    expect(sent).toMatchObject({
      state: 'sent',
      version: draft.version + 1,
      sentBy: { id: t.actors.admin.id },
    });
    expect(sent.sentAt).not.toBeNull();
    const [stored] = await t.database.db
      .select()
      .from(specialPartVersions)
      .where(eq(specialPartVersions.id, draft.id));
    expect(stored?.contributionsSnapshot).toEqual(sent.contributions);
    expect({ ...sent.contributions, generatedAt: null }).toEqual({ ...expected, generatedAt: null });
    expect(sent.contributions.subjectAreas[0]?.contributions.map((c) => c.id)).toEqual([item.id]);

    // The items move on: one is changed, one is agreed later. The sent version does not.
    await t.database.db
      .update(contributions)
      .set({ title: 'Endret etter sending', budgetNokPerYear: 1 })
      .where(eq(contributions.id, item.id));
    await addContribution(t, agreement, own.subjectAreaIds[1], { title: 'Avtalt etter sending' });
    const later = (await read(draft.id)).json() as SpecialPartVersion;
    expect(later).toEqual(sent);
    expect(sectionText(later, 'contributions')).toContain('Bedre kollektivtilbud');
    expect(sectionText(later, 'contributions')).not.toContain('Avtalt etter sending');

    // Agreed: the snapshot stays the one from sending, and who and when are recorded.
    const agreeRes = await act(draft.id, 'agree', { version: sent.version });
    expect(agreeRes.statusCode).toBe(200);
    const agreed = agreeRes.json() as SpecialPartVersion;
    expect(agreed).toMatchObject({ state: 'agreed', agreedBy: { id: t.actors.admin.id } });
    expect(agreed.agreedAt).not.toBeNull();
    expect(agreed.contributions).toEqual(sent.contributions);
    expect((await auditOf(draft.id)).map((a) => a.action)).toEqual([
      'specialPartVersion.create',
      'specialPartVersion.send',
      'specialPartVersion.agree',
    ]);

    // The document prints the agreed version with its frozen contributions.
    const printed = await loadSpecialPartForDocument(t.database.db, agreement.id);
    expect(printed?.id).toBe(draft.id);
    expect(printed?.contributions).toEqual(sent.contributions);
  });

  it('refuses to edit, send or agree out of turn (409) and from a stale screen (409), changing nothing', async () => {
    const { draft } = await started();
    const before = await snapshot(t.database.db);
    const agreeDraft = await act(draft.id, 'agree', { version: draft.version });
    expect(agreeDraft.statusCode).toBe(409);
    expect(fieldsOf(agreeDraft)).toEqual([['_', 'validation.specialPartNotSent']]);
    expect((await act(draft.id, 'send', { version: draft.version + 3 })).statusCode).toBe(409);
    const noVersion = await act(draft.id, 'send', {});
    expect(noVersion.statusCode).toBe(400);
    expect(fieldsOf(noVersion)).toEqual([['version', 'validation.version']]);
    for (const cookie of [viewer, department, region]) {
      expect((await act(draft.id, 'send', { version: draft.version }, cookie)).statusCode).toBe(403);
    }
    expect((await act(unknownId, 'send', { version: 1 })).statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);

    const sent = (await act(draft.id, 'send', { version: draft.version })).json() as SpecialPartVersion;
    const afterSend = await snapshot(t.database.db);
    const edit = await put(draft.id, {
      version: sent.version,
      sections: asInput(sent, { introduction: 'Nei.' }),
    });
    expect(edit.statusCode).toBe(409);
    expect(fieldsOf(edit)).toEqual([['_', 'validation.specialPartFrozen']]);
    const again = await act(draft.id, 'send', { version: sent.version });
    expect(fieldsOf(again)).toEqual([['_', 'validation.specialPartNotDraft']]);
    expect((await act(draft.id, 'agree', { version: draft.version })).statusCode).toBe(409);
    for (const cookie of [viewer, department, region]) {
      expect((await act(draft.id, 'agree', { version: sent.version }, cookie)).statusCode).toBe(403);
      expect((await act(draft.id, 'drafts', undefined, cookie)).statusCode).toBe(403);
    }
    expect(await snapshot(t.database.db)).toBe(afterSend);
  });

  it('supersedes the previously agreed version, and never agrees one older than the agreed', async () => {
    const { agreement, draft } = await started();
    const v1 = (await act(draft.id, 'send', { version: draft.version })).json() as SpecialPartVersion;
    const agreed1 = (await act(v1.id, 'agree', { version: v1.version })).json() as SpecialPartVersion;

    const d2 = await act(agreed1.id, 'drafts');
    expect(d2.statusCode).toBe(201);
    const v2 = d2.json() as SpecialPartVersion;
    expect(v2).toMatchObject({ number: 2, state: 'draft', basedOnVersionId: v1.id });
    expect(v2.sections.map((s) => [s.key, s.title])).toEqual(agreed1.sections.map((s) => [s.key, s.title]));
    const second = await act(agreed1.id, 'drafts');
    expect(second.statusCode).toBe(409);
    expect(fieldsOf(second)).toEqual([['_', 'validation.specialPartDraftExists']]);
    const sent2 = (await act(v2.id, 'send', { version: v2.version })).json() as SpecialPartVersion;
    const v3 = (await act(sent2.id, 'drafts')).json() as SpecialPartVersion;
    expect(v3.number).toBe(3);
    const sent3 = (await act(v3.id, 'send', { version: v3.version })).json() as SpecialPartVersion;

    // While v1 is agreed and v3 is only sent, the document prints v1.
    expect((await loadSpecialPartForDocument(t.database.db, agreement.id))?.id).toBe(v1.id);

    const agreed3 = await act(sent3.id, 'agree', { version: sent3.version });
    expect(agreed3.statusCode).toBe(200);
    const part = await t.request({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}/special-part`,
      cookie: viewer,
    });
    expect(part.json()).toMatchObject({
      currentVersionId: v3.id,
      draftVersionId: null,
      versions: [
        { id: v3.id, state: 'agreed' },
        { id: v2.id, state: 'sent' },
        { id: v1.id, state: 'superseded' },
      ],
    });
    expect((await auditOf(v1.id)).map((a) => a.action)).toContain('specialPartVersion.supersede');
    const before = await snapshot(t.database.db);
    const older = await act(sent2.id, 'agree', { version: sent2.version });
    expect(older.statusCode).toBe(409);
    expect(fieldsOf(older)).toEqual([['_', 'validation.specialPartOlderThanAgreed']]);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('compare', () => {
  it('compares two versions section by section, the contributions as their text', async () => {
    const { world: own, agreement, draft } = await started();
    await addContribution(t, agreement, own.subjectAreaIds[0], { title: 'Første bidrag' });
    const v1 = (await act(draft.id, 'send', { version: draft.version })).json() as SpecialPartVersion;
    const v2 = (await act(v1.id, 'drafts')).json() as SpecialPartVersion;
    const edited = (
      await put(v2.id, {
        version: v2.version,
        sections: asInput(v2, { priorities: 'Regionen prioriterer næring.' }),
      })
    ).json() as SpecialPartVersion;
    await addContribution(t, agreement, own.subjectAreaIds[1], { title: 'Andre bidrag' });

    const res = await compare(v1.id, edited.id, region);
    expect(res.statusCode).toBe(200);
    const comparison = res.json() as {
      from: { id: string; number: number; state: string };
      to: { id: string; number: number; state: string };
      sections: {
        key: string;
        status: string;
        blocks: { status: string; ops: { op: string; text: string }[] }[];
      }[];
    };
    expect(comparison.from).toMatchObject({ id: v1.id, number: 1, state: 'sent', agreementId: agreement.id });
    expect(comparison.to).toMatchObject({ id: v2.id, number: 2, state: 'draft' });
    expect(comparison.sections.map((s) => [s.key, s.status])).toEqual([
      ['introduction', 'unchanged'],
      ['priorities', 'changed'],
      ['contributions', 'changed'],
      ['follow-up', 'unchanged'],
    ]);
    const inserted = (key: string) =>
      comparison.sections
        .find((s) => s.key === key)
        ?.blocks.flatMap((b) => b.ops.filter((o) => o.op === 'insert').map((o) => o.text))
        .join('');
    expect(inserted('priorities')).toContain('Regionen prioriterer næring.');
    expect(inserted('contributions')).toContain('Andre bidrag');
  });

  it('refuses versions of two agreements (400), unknown versions (404) and bad ids (400)', async () => {
    const a = await started();
    const b = await started();
    const res = await compare(a.draft.id, b.draft.id);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['to', 'validation.differentAgreements']]);
    expect((await compare(a.draft.id, unknownId)).statusCode).toBe(404);
    const bad = await compare('x', a.draft.id);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual([['from', 'validation.id']]);
  });
});

describe('the version to print', () => {
  it('is null without a special part, and the newest version when none is agreed', async () => {
    const { agreement } = await agreementFor();
    expect(await loadSpecialPartForDocument(t.database.db, agreement.id)).toBeNull();
    const { agreement: other, draft } = await started();
    const printed = await loadSpecialPartForDocument(t.database.db, other.id);
    expect(printed?.id).toBe(draft.id);
    expect(printed?.sections.find((s) => s.generated)?.key).toBe('contributions');
  });
});
