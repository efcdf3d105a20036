import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { approveVersion } from './approve-version.js';
import { createDraft } from './create-draft.js';
import {
  approval,
  filledCycle,
  filledSections,
  newCycle,
  signInAdminAndOthers,
  textBody,
  unknownId,
} from './general-part.fixtures.js';
import { getGeneralPart } from './get-general-part.js';
import { getVersion } from './get-version.js';
import { updateSections } from './update-sections.js';

let t: TestApp;
let admin: string;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let others: string[];
beforeAll(async () => {
  t = await startTestApp();
  ({ admin, others } = await signInAdminAndOthers(t));
});
afterAll(async () => t.close());

const asAdmin = () => t.ctx(t.actors.admin);
const auditOf = (entityId: string) => auditTrail(t, 'generalPartVersion', entityId);
const putSections = (id: string, payload: Record<string, unknown>, cookie = admin) =>
  t.request({ method: 'PUT', url: `/api/v1/general-part-versions/${id}/sections`, payload, cookie });

describe('editing a draft', () => {
  it('adds, renames, rewrites, reorders and removes sections; kept sections keep their id', async () => {
    const { draft } = await newCycle(t);
    const [parties, period, purpose, anchoring, implementation] = draft.sections;
    const res = await putSections(draft.id, {
      version: draft.version,
      sections: [
        { key: 'purpose', title: 'Formål med avtalen', body: textBody('Styrke samarbeidet.') },
        { key: 'parties', title: 'Avtalepartnere', body: textBody('Viken og regionen.') },
        { title: 'Klima og miljø', body: textBody('Nytt avsnitt.') },
        { key: 'anchoring', title: 'Forankring', body: textBody('Regional planstrategi.') },
        { key: 'implementation', title: 'Gjennomføring', body: textBody('Årlig partnerskapsmøte.') },
      ],
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.sections.map((s: { key: string; position: number }) => [s.key, s.position])).toEqual([
      ['purpose', 0],
      ['parties', 1],
      [expect.stringMatching(/^s-[0-9a-f]{10}$/), 2],
      ['anchoring', 3],
      ['implementation', 4],
    ]);
    expect(saved.sections[0]).toMatchObject({ id: purpose?.id, title: 'Formål med avtalen', required: true });
    expect(saved.sections[1].id).toBe(parties?.id);
    expect(saved.sections[2]).toMatchObject({ title: 'Klima og miljø', required: false });
    expect(saved.sections.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([anchoring?.id, implementation?.id]),
    );
    expect(saved.sections.map((s: { id: string }) => s.id)).not.toContain(period?.id);

    const [event] = (await auditOf(draft.id)).filter((e) => e.action === 'generalPartVersion.updateSections');
    expect(event).toMatchObject({
      actorId: t.actors.admin.id,
      before: { version: 1, sections: expect.arrayContaining([expect.objectContaining({ key: 'period' })]) },
      after: {
        version: 2,
        sections: expect.arrayContaining([expect.objectContaining({ title: 'Klima og miljø' })]),
      },
    });
  });

  it('gives a required section back its place when it is added again with its key', async () => {
    const { draft } = await newCycle(t);
    const without = await updateSections(asAdmin(), draft.id, {
      version: draft.version,
      sections: filledSections().filter((s) => s.key !== 'period'),
    });
    expect(without.sections.map((s) => s.key)).not.toContain('period');
    const back = await updateSections(asAdmin(), draft.id, {
      version: without.version,
      sections: filledSections(),
    });
    expect(back.sections.find((s) => s.key === 'period')).toMatchObject({
      required: true,
      title: 'Avtaleperiode',
    });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { draft } = await newCycle(t);
    const before = await snapshot(t.database.db);
    const payload = { version: draft.version, sections: filledSections() };
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(updateSections(t.ctx(actor), draft.id, payload)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    for (const cookie of others) expect((await putSections(draft.id, payload, cookie)).statusCode).toBe(403);
    expect((await putSections(draft.id, payload, '')).statusCode).toBe(401);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const { draft } = await newCycle(t);
    const section = (over: Record<string, unknown>) => ({
      key: 'purpose',
      title: 'Formål',
      body: textBody('x'),
      ...over,
    });
    const link = (href: string) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'lenke', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    });
    const cases: [string, unknown[], string, string][] = [
      ['an empty title', [section({ title: '  ' })], 'sections.0.title', 'validation.required'],
      ['an over-long title', [section({ title: 'x'.repeat(201) })], 'sections.0.title', 'validation.tooLong'],
      [
        'an unknown node type',
        [section({ body: { type: 'doc', content: [{ type: 'blockquote', content: [] }] } })],
        'sections.0.body.content.0.type',
        'validation.richTextNode',
      ],
      [
        'a script in the body',
        [section({ body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } })],
        'sections.0.body.content.0.type',
        'validation.richTextNode',
      ],
      [
        'a javascript: link',
        [section({ body: link('javascript:alert(document.cookie)') })],
        'sections.0.body.content.0.content.0.marks.0.attrs.href',
        'validation.linkProtocol',
      ],
      [
        'a body over 200 kB',
        [section({ body: textBody('ord '.repeat(60_000)) })],
        'sections.0.body',
        'validation.richTextTooLarge',
      ],
      [
        'a duplicated key',
        [section({}), section({ title: 'Igjen' })],
        'sections.1.key',
        'validation.duplicateSectionKey',
      ],
      ['a malformed key', [section({ key: 'Formål!' })], 'sections.0.key', 'validation.sectionKey'],
    ];
    const before = await snapshot(t.database.db);
    for (const [what, sections, field, code] of cases) {
      const res = await putSections(draft.id, { version: draft.version, sections });
      expect(res.statusCode, what).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, what).toContainEqual(expect.objectContaining({ field, code }));
      // The use case holds the same rules when called from code, not only behind the route.
      await expect(
        updateSections(asAdmin(), draft.id, { version: draft.version, sections }),
      ).rejects.toMatchObject({
        code: 'validation',
      });
    }
    const tooLarge = await putSections(draft.id, {
      version: draft.version,
      sections: [section({ body: textBody('ord '.repeat(60_000)) })],
    });
    expect(tooLarge.json().errors[0].message).toBe('Teksten er for stor. Den kan være høyst 200 kB.');
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('strips attributes nobody renders instead of storing them', async () => {
    const { draft } = await newCycle(t);
    const saved = await updateSections(asAdmin(), draft.id, {
      version: draft.version,
      sections: [
        {
          key: 'purpose',
          title: 'Formål',
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                attrs: { textAlign: 'left', onclick: 'alert(1)' },
                content: [
                  {
                    type: 'text',
                    text: 'Viken',
                    marks: [
                      { type: 'link', attrs: { href: 'https://viken.no', target: '_blank', class: 'x' } },
                    ],
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(saved.sections[0]?.body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Viken', marks: [{ type: 'link', attrs: { href: 'https://viken.no' } }] },
          ],
        },
      ],
    });
  });

  it('refuses a save from a stale version with 409 and keeps the first save', async () => {
    const { draft } = await newCycle(t);
    const first = await updateSections(asAdmin(), draft.id, {
      version: draft.version,
      sections: filledSections(),
    });
    const before = await snapshot(t.database.db);
    const res = await putSections(draft.id, { version: draft.version, sections: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'stale',
      title: 'Noen andre har endret dette siden du åpnet det. Last inn på nytt for å se endringene.',
    });
    expect(await snapshot(t.database.db)).toBe(before);
    expect((await getVersion(asAdmin(), draft.id)).sections).toEqual(first.sections);
  });

  it('refuses to edit an approved version with 409, and changes nothing', async () => {
    const { draft } = await filledCycle(t);
    const approved = await approveVersion(asAdmin(), draft.id, approval(draft.version));
    const before = await snapshot(t.database.db);
    const res = await putSections(draft.id, { version: approved.version, sections: filledSections() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'conflict',
      errors: [
        {
          field: '_',
          code: 'validation.versionFrozen',
          message:
            'En versjon som er sendt på høring eller vedtatt, kan aldri endres. Lag et nytt utkast fra den.',
        },
      ],
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers 404 for an unknown version', async () => {
    const res = await putSections(unknownId, { version: 1, sections: filledSections() });
    expect(res.statusCode).toBe(404);
  });
});

describe('a new draft from a version', () => {
  it('copies the sections with their keys, numbers the version next, and records it', async () => {
    const { cycle, draft } = await filledCycle(t);
    await approveVersion(asAdmin(), draft.id, approval(draft.version));
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/general-part-versions/${draft.id}/drafts`,
      cookie: admin,
    });
    expect(res.statusCode).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({
      cycleId: cycle.id,
      number: 2,
      state: 'draft',
      basedOnVersionId: draft.id,
      version: 1,
    });
    expect(
      v2.sections.map((s: { key: string; title: string; body: unknown }) => [s.key, s.title, s.body]),
    ).toEqual(draft.sections.map((s) => [s.key, s.title, s.body]));
    expect(v2.sections.map((s: { id: string }) => s.id)).not.toContain(draft.sections[0]?.id);
    expect(await auditOf(v2.id)).toMatchObject([
      { action: 'generalPartVersion.createDraft', after: { number: 2, basedOnVersionId: draft.id } },
    ]);

    const part = await getGeneralPart(t.ctx(t.actors.viewer), cycle.id);
    expect(part).toMatchObject({ currentVersionId: draft.id, draftVersionId: v2.id });
    expect(part.versions.map((v) => [v.number, v.state])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
  });

  it('refuses a second draft in the same cycle with 409, and changes nothing', async () => {
    const { draft } = await filledCycle(t);
    await approveVersion(asAdmin(), draft.id, approval(draft.version));
    await createDraft(asAdmin(), draft.id);
    const before = await snapshot(t.database.db);
    for (const from of [draft.id, (await getGeneralPart(asAdmin(), draft.cycleId)).draftVersionId]) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/general-part-versions/${from}/drafts`,
        cookie: admin,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().errors).toMatchObject([{ code: 'validation.draftExists' }]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { draft } = await filledCycle(t);
    await approveVersion(asAdmin(), draft.id, approval(draft.version));
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createDraft(t.ctx(actor), draft.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    for (const cookie of others) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/general-part-versions/${draft.id}/drafts`,
        cookie,
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers 404 for an unknown version', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/general-part-versions/${unknownId}/drafts`,
      cookie: admin,
    });
    expect(res.statusCode).toBe(404);
    await expect(createDraft(asAdmin(), 'nope')).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('reading versions', () => {
  it('lets everyone signed in read the versions list and a version with its sections', async () => {
    const { cycle, draft } = await filledCycle(t);
    for (const cookie of [admin, ...others]) {
      const list = await t.request({ method: 'GET', url: `/api/v1/cycles/${cycle.id}/general-part`, cookie });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        cycleId: cycle.id,
        currentVersionId: null,
        draftVersionId: draft.id,
        versions: [{ id: draft.id, number: 1, state: 'draft', createdBy: { name: t.actors.admin.name } }],
      });
      const one = await t.request({
        method: 'GET',
        url: `/api/v1/general-part-versions/${draft.id}`,
        cookie,
      });
      expect(one.statusCode).toBe(200);
      expect(one.json().sections.map((s: { key: string }) => s.key)).toEqual([
        'parties',
        'period',
        'purpose',
        'anchoring',
        'implementation',
      ]);
    }
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/general-part-versions/${draft.id}` })).statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/general-part-versions/${unknownId}`, cookie: admin }))
        .statusCode,
    ).toBe(404);
  });
});

describe('comparing versions through the API', () => {
  it('shows sections added, removed and changed, with the changed words marked', async () => {
    const { draft } = await filledCycle(t);
    await approveVersion(asAdmin(), draft.id, approval(draft.version));
    const v2 = await createDraft(asAdmin(), draft.id);
    const sections = filledSections().map((s) =>
      s.key === 'purpose' ? { ...s, body: textBody('Formål for hele perioden.') } : s,
    );
    await updateSections(asAdmin(), v2.id, {
      version: v2.version,
      sections: [...sections.filter((s) => s.key !== 'period'), { title: 'Klima', body: textBody('Nytt.') }],
    });

    const res = await t.request({
      method: 'GET',
      url: `/api/v1/general-part-versions/compare?from=${draft.id}&to=${v2.id}`,
      cookie: others[2],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.from).toMatchObject({ id: draft.id, number: 1, state: 'approved' });
    expect(body.to).toMatchObject({ id: v2.id, number: 2, state: 'draft' });
    expect(body.sections.map((s: { key: string; status: string }) => s.status)).toEqual([
      'unchanged',
      'removed',
      'changed',
      'unchanged',
      'unchanged',
      'added',
    ]);
    expect(body.sections[2].blocks[0].ops).toEqual([
      { op: 'equal', text: 'Formål for ' },
      { op: 'insert', text: 'hele ' },
      { op: 'equal', text: 'perioden.' },
    ]);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const { draft } = await newCycle(t);
    const bad = await t.request({
      method: 'GET',
      url: `/api/v1/general-part-versions/compare?from=x&to=${draft.id}`,
      cookie: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ field: 'from' }]);
    const unknown = await t.request({
      method: 'GET',
      url: `/api/v1/general-part-versions/compare?from=${draft.id}&to=${unknownId}`,
      cookie: admin,
    });
    expect(unknown.statusCode).toBe(404);
    const anonymous = await t.request({
      method: 'GET',
      url: `/api/v1/general-part-versions/compare?from=${draft.id}&to=${draft.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the API documentation', () => {
  it('lists every general-part route, and every schema it refers to is there (rich text is recursive)', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cycles',
        '/api/v1/cycles/{id}',
        '/api/v1/cycles/{id}/general-part',
        '/api/v1/general-part-versions/compare',
        '/api/v1/general-part-versions/{id}',
        '/api/v1/general-part-versions/{id}/drafts',
        '/api/v1/general-part-versions/{id}/sections',
        '/api/v1/general-part-versions/{id}/approve',
      ]),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs).toContain('RichTextBlock');
    for (const ref of refs) expect(Object.keys(doc.components.schemas)).toContain(ref);
  });
});
