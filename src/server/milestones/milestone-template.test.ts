import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type {
  AgreementMilestones,
  ApplyMilestoneTemplateResult,
  MilestoneTemplate,
  MilestoneTemplateItem,
} from '../../shared/contracts/milestones.js';
import { approvedCycle, auditOf, regionIdOf, unknownId } from '../agreements/agreement.fixtures.js';
import { createAgreements } from '../agreements/create-agreements.js';
import { newCycle } from '../general-part/general-part.fixtures.js';
import { byEvidence, milestonesOf, twoAgreements } from './milestone.fixtures.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region', string>;
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
}, 300_000);
afterAll(async () => t.close());

type Who = keyof typeof cookies;
const get = (url: string, who: Who = 'admin') => t.request({ method: 'GET', url, cookie: cookies[who] });
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who: Who = 'admin') =>
  t.request({ method, url, cookie: cookies[who], ...(payload ? { payload } : {}) });

type Problem = { code: string; errors?: { field: string; code: string; message: string }[] };

async function expectRefused(
  request: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code?: string,
): Promise<Problem> {
  const before = await snapshot(t.database.db);
  const res = await request();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  if (code) expect(res.json()).toMatchObject({ code });
  expect(await snapshot(t.database.db)).toBe(before);
  return res.json() as Problem;
}

async function templateOf(cycleId: string, who: Who = 'admin'): Promise<MilestoneTemplate> {
  const res = await get(`/api/v1/cycles/${cycleId}/milestone-template`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MilestoneTemplate;
}

const itemNamed = (template: MilestoneTemplate, name: string): MilestoneTemplateItem => {
  const found = template.items.find((i) => i.name === name);
  if (!found) throw new Error(`no template item ${name}`);
  return found;
};

describe("a cycle's milestone template", () => {
  it('starts as the county’s process, read by everyone signed in', async () => {
    const { cycle } = await newCycle(t);
    for (const who of ['admin', 'viewer', 'department', 'region'] as const) {
      const template = await templateOf(cycle.id, who);
      expect(template.items.map((i) => [i.position, i.stage])).toEqual([
        [0, 'county_internal'],
        [1, 'county_internal'],
        [2, 'county_internal'],
        [3, 'region_internal'],
        [4, 'region_internal'],
        [5, 'joint'],
        [6, 'joint'],
        [7, 'joint'],
        [8, 'joint'],
        [9, 'political'],
        [10, 'political'],
      ]);
      expect(template).toMatchObject({ agreements: 0, agreementsBehind: 0 });
    }
    expect((await get(`/api/v1/cycles/${unknownId}/milestone-template`)).statusCode).toBe(404);
  });

  it('lets the admin add, rename, move, mark optional and delete items, each audited', async () => {
    const { cycle } = await newCycle(t);
    const created = await send('POST', `/api/v1/cycles/${cycle.id}/milestone-template/items`, {
      name: 'Regionrådets vedtak om oppstart',
      stage: 'region_internal',
      position: 3,
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json() as MilestoneTemplateItem;
    expect(item).toMatchObject({
      stage: 'region_internal',
      evidence: null,
      optional: false,
      position: 3,
      version: 1,
    });
    let template = await templateOf(cycle.id);
    expect(template.items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(template.items[3]?.id).toBe(item.id);

    const moved = await send('PATCH', `/api/v1/milestone-template-items/${item.id}`, {
      name: 'Regionrådets vedtak',
      optional: true,
      position: 0,
      version: item.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      name: 'Regionrådets vedtak',
      optional: true,
      position: 0,
      version: 2,
    });
    template = await templateOf(cycle.id);
    expect(template.items[0]?.id).toBe(item.id);
    expect(template.items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    const last = template.items.at(-1);
    const deleted = await send(
      'DELETE',
      `/api/v1/milestone-template-items/${last?.id}?version=${last?.version}`,
    );
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await templateOf(cycle.id)).items).toHaveLength(11);
    expect((await auditOf(t, 'milestoneTemplateItem', item.id)).map((e) => e.action)).toEqual([
      'milestoneTemplateItem.create',
      'milestoneTemplateItem.update',
    ]);
    expect((await auditOf(t, 'milestoneTemplateItem', last?.id ?? '')).map((e) => e.action)).toEqual([
      'milestoneTemplateItem.create',
      'milestoneTemplateItem.delete',
    ]);
  });

  it('refuses bad input naming the field, a name in use, a stale version, and everyone but the admin', async () => {
    const { cycle } = await newCycle(t);
    const url = `/api/v1/cycles/${cycle.id}/milestone-template/items`;
    const noStage = await expectRefused(() => send('POST', url, { name: 'Nytt møte', stage: 'later' }), 400);
    expect(noStage.errors?.[0]).toMatchObject({ field: 'stage', code: 'validation.chooseStage' });
    const noName = await expectRefused(() => send('POST', url, { name: ' ', stage: 'joint' }), 400);
    expect(noName.errors?.[0]).toMatchObject({ field: 'name', code: 'validation.required' });
    const badEvidence = await expectRefused(
      () => send('POST', url, { name: 'Nytt møte', stage: 'joint', evidence: 'meeting' }),
      400,
    );
    expect(badEvidence.errors?.[0]).toMatchObject({ field: 'evidence', code: 'validation.invalid' });
    const taken = await expectRefused(
      () => send('POST', url, { name: 'spesiell del avtalt', stage: 'joint' }),
      400,
    );
    expect(taken.errors?.[0]).toMatchObject({ field: 'name', code: 'validation.nameTaken' });

    const [first] = (await templateOf(cycle.id)).items;
    if (!first) throw new Error('empty template');
    const ok = await send('PATCH', `/api/v1/milestone-template-items/${first.id}`, {
      name: 'Oppstartsmøte',
      version: first.version,
    });
    expect(ok.statusCode).toBe(200);
    await expectRefused(
      () =>
        send('PATCH', `/api/v1/milestone-template-items/${first.id}`, {
          name: 'Igjen',
          version: first.version,
        }),
      409,
      'stale',
    );
    await expectRefused(
      () => send('DELETE', `/api/v1/milestone-template-items/${first.id}?version=${first.version}`),
      409,
      'stale',
    );
    for (const who of ['viewer', 'department', 'region'] as const) {
      await expectRefused(
        () => send('POST', url, { name: 'Nytt møte', stage: 'joint' }, who),
        403,
        'forbidden',
      );
      await expectRefused(
        () => send('PATCH', `/api/v1/milestone-template-items/${first.id}`, { name: 'X', version: 2 }, who),
        403,
      );
      await expectRefused(
        () => send('DELETE', `/api/v1/milestone-template-items/${first.id}`, undefined, who),
        403,
      );
      await expectRefused(
        () => send('POST', `/api/v1/cycles/${cycle.id}/milestone-template/apply`, {}, who),
        403,
      );
    }
  });
});

describe('applying the template to agreements under way', () => {
  it('adds, renames and reorders their milestones, keeps what was recorded, and changes nothing when repeated', async () => {
    const { cycle, own, other } = await twoAgreements(t);
    let template = await templateOf(cycle.id);
    expect(template).toMatchObject({ agreements: 2, agreementsBehind: 0 });
    const kickoff = template.items[0];
    const summary = itemNamed(template, 'Oppsummeringsmøte i fylkeskommunen');
    const final = itemNamed(template, 'Fellesmøte om det som legges frem til politisk behandling');
    if (!kickoff) throw new Error('empty template');

    // Indre Østfold's agreement has the summary meeting under way and a plan for the final meeting.
    const ownList = await milestonesOf(t, own.id);
    const ownSummary = byEvidence(ownList, 'summary_held');
    const ownFinal = byEvidence(ownList, 'final_held');
    for (const [m, body] of [
      [ownSummary, { state: 'in_progress', note: 'Innkalt.' }],
      [ownFinal, { plannedDate: '2026-06-01' }],
    ] as const) {
      const res = await send('PATCH', `/api/v1/milestones/${m.id}`, { ...body, version: m.version });
      expect(res.statusCode, res.body).toBe(200);
    }

    // The coordinator renames the kickoff, adds a milestone, moves it first, and takes two items out.
    await send('PATCH', `/api/v1/milestone-template-items/${kickoff.id}`, {
      name: 'Oppstartsmøte',
      version: kickoff.version,
    });
    const added = (
      await send('POST', `/api/v1/cycles/${cycle.id}/milestone-template/items`, {
        name: 'Avklaring med regionrådets leder',
        stage: 'region_internal',
        position: 0,
        optional: true,
      })
    ).json() as MilestoneTemplateItem;
    await send('DELETE', `/api/v1/milestone-template-items/${summary.id}`);
    await send('DELETE', `/api/v1/milestone-template-items/${final.id}`);
    template = await templateOf(cycle.id);
    expect(template).toMatchObject({ agreements: 2, agreementsBehind: 2 });

    // Nothing reaches the agreements before the template is applied.
    expect((await milestonesOf(t, other.id)).milestones.map((m) => m.name)[0]).toBe(
      'Oppstartsmøte med alle rådsområdene',
    );

    const applied = await send('POST', `/api/v1/cycles/${cycle.id}/milestone-template/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({
      agreements: 2,
      added: 2,
      // Per agreement: the kickoff renamed and every item after the new first one moved down.
      updated: expect.any(Number),
      removed: 2,
      markedNotApplicable: 2,
    } satisfies Record<keyof ApplyMilestoneTemplateResult, unknown>);

    const names = (list: AgreementMilestones) => list.milestones.map((m) => [m.name, m.state, m.optional]);
    const expected = template.items.map((i) => [i.name, 'not_started', i.optional]);
    // Hallingdal had recorded nothing: the two milestones that left the template are gone.
    expect(names(await milestonesOf(t, other.id))).toEqual(expected);
    // Indre Østfold keeps the summary meeting it had begun and the final meeting it had planned: not
    // applicable now, optional, after the template's milestones, with what was recorded on them.
    const ownAfter = await milestonesOf(t, own.id);
    expect(names(ownAfter)).toEqual([
      ...expected,
      ['Oppsummeringsmøte i fylkeskommunen', 'not_applicable', true],
      ['Fellesmøte om det som legges frem til politisk behandling', 'not_applicable', true],
    ]);
    const keptSummary = ownAfter.milestones.find((m) => m.id === ownSummary.id);
    expect(keptSummary).toMatchObject({ templateItemId: null, note: 'Innkalt.' });
    expect(ownAfter.milestones.find((m) => m.id === ownFinal.id)).toMatchObject({
      plannedDate: '2026-06-01',
    });
    expect(ownAfter.milestones[0]).toMatchObject({ name: added.name, templateItemId: added.id });
    expect(await auditOf(t, 'agreementMilestones', own.id)).toMatchObject([
      { action: 'agreementMilestones.create' },
      { action: 'agreementMilestones.applyTemplate' },
    ]);
    expect(await templateOf(cycle.id)).toMatchObject({ agreementsBehind: 0 });

    const again = await send('POST', `/api/v1/cycles/${cycle.id}/milestone-template/apply`, {});
    expect(again.json()).toEqual({ agreements: 0, added: 0, updated: 0, removed: 0, markedNotApplicable: 0 });
  });

  it('gives agreements made after a change the template as it is now', async () => {
    const { cycle } = await approvedCycle(t);
    const first = (await templateOf(cycle.id)).items[0];
    if (!first) throw new Error('empty template');
    await send('PATCH', `/api/v1/milestone-template-items/${first.id}`, {
      name: 'Oppstart',
      version: first.version,
    });
    await send('POST', `/api/v1/cycles/${cycle.id}/milestone-template/items`, {
      name: 'Ekstra',
      stage: 'joint',
    });
    const [made] = await createAgreements(t.ctx(t.actors.admin), {
      cycleId: cycle.id,
      regionIds: [await regionIdOf(t, 'Kongsbergregionen')],
    });
    const names = (await milestonesOf(t, made?.id ?? '')).milestones.map((m) => m.name);
    expect(names[0]).toBe('Oppstart');
    expect(names.at(-1)).toBe('Ekstra');
    expect(await templateOf(cycle.id)).toMatchObject({ agreements: 1, agreementsBehind: 0 });
  });
});
