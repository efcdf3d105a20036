import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { type ContributionDetail, ContributionList } from '../../shared/contracts/contributions.js';
import { changeStatus } from './change-status.js';
import {
  agreementsFixture,
  auditOf,
  departmentItem,
  fullSnapshot,
  regionItem,
  unknownId,
} from './contribution.fixtures.js';
import { contributionStatusChanges, contributions } from './contribution.table.js';
import { createContribution } from './create-contribution.js';
import { listContributions } from './list-contributions.js';
import { moveContribution } from './move-contribution.js';

let t: TestApp;
let cookies: {
  admin: string;
  viewer: string;
  department: string;
  otherDepartment: string;
  region: string;
  otherRegion: string;
};
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    otherDepartment: await t.cookieFor('naering@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
});
afterAll(async () => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const req = (method: Method, url: string, cookie: string, payload?: unknown) =>
  t.request({ method, url, cookie, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const create = (agreementId: string, cookie: string, body: unknown) =>
  req('POST', `/api/v1/agreements/${agreementId}/contributions`, cookie, body);
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

/** A write that must be refused with the status (and the field errors) given, changing nothing at all. */
async function refused(
  write: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  fields?: [string, string][],
) {
  const before = await fullSnapshot(t.database.db);
  const res = await write();
  expect(res.statusCode).toBe(status);
  if (fields) expect(fieldsOf(res)).toEqual(fields);
  expect(await fullSnapshot(t.database.db)).toBe(before);
  return res;
}

describe('adding contributions', () => {
  it("lets a department editor add their department's contribution to any region's agreement, proposed, with history and audit", async () => {
    const { areas, own, other } = await agreementsFixture(t);
    const first = await create(own.id, cookies.department, departmentItem(t, areas.transport.id));
    expect(first.statusCode).toBe(201);
    const item = first.json() as ContributionDetail;
    expect(item).toMatchObject({
      agreementId: own.id,
      region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
      subjectArea: { id: areas.transport.id, name: 'Samferdsel' },
      kind: 'measure',
      owner: { type: 'department', department: { id: t.actors.department.departmentId } },
      title: 'Bedre busstilbud mellom kommunesentrene',
      description: 'Halvtimesavganger i rushtiden.',
      responsible: 'Seksjonsleder kollektiv',
      budgetNokPerYear: 2_500_000,
      timeFrame: '2025–2027',
      indicators: [{ name: 'Påstigninger per år', baseline: '120 000', target: '150 000', unit: 'reiser' }],
      status: 'proposed',
      position: 0,
      commentCount: 0,
      version: 1,
      canEdit: true,
    });
    expect(item.statusHistory).toEqual([
      {
        from: null,
        to: 'proposed',
        reason: 'Opprettet',
        changedBy: { id: t.actors.department.id, name: t.actors.department.name },
        // Made in the transaction that made the item, so at its moment, in the contract's notation.
        changedAt: item.createdAt,
      },
    ]);
    const audit = await auditOf(t, 'contribution', item.id);
    expect(audit.map((a) => a.action)).toEqual(['contribution.create']);
    expect(audit[0]?.after).toMatchObject({
      title: item.title,
      budgetNokPerYear: 2_500_000,
      status: 'proposed',
    });

    const second = await create(other.id, cookies.department, {
      ...departmentItem(t, areas.transport.id, { title: 'Ny pendlerparkering ved Gol stasjon' }),
      note: 'Tatt opp på dialogmøtet i mars.',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      agreementId: other.id,
      region: { id: t.actors.otherRegion.regionId },
      statusHistory: [{ from: null, to: 'proposed', reason: 'Tatt opp på dialogmøtet i mars.' }],
    });
    // The next item in the same subject area comes last.
    const third = await create(
      own.id,
      cookies.department,
      departmentItem(t, areas.transport.id, { title: 'Tredje' }),
    );
    expect(third.json()).toMatchObject({ position: 1 });
  });

  it("lets a region contact add the region's own commitment in its own agreement only", async () => {
    const { areas, own, other } = await agreementsFixture(t);
    const res = await create(own.id, cookies.region, regionItem(areas.business.id));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'commitment',
      owner: { type: 'region' },
      budgetNokPerYear: null,
      indicators: [],
      description: '',
      canEdit: true,
    });
    await refused(() => create(other.id, cookies.region, regionItem(areas.business.id)), 403);
    await refused(() => create(own.id, cookies.region, departmentItem(t, areas.transport.id)), 403);
  });

  it("refuses a department editor adding another department's or the region's contribution, changing nothing", async () => {
    const { areas, own } = await agreementsFixture(t);
    await refused(
      () =>
        create(
          own.id,
          cookies.department,
          departmentItem(t, areas.business.id, {
            owner: { type: 'department', departmentId: t.actors.otherDepartment.departmentId ?? '' },
          }),
        ),
      403,
    );
    await refused(() => create(own.id, cookies.department, regionItem(areas.business.id)), 403);
  });

  it('lets the admin add any owner’s contribution to any agreement, and checks the department exists', async () => {
    const { areas, other } = await agreementsFixture(t);
    const forDepartment = await create(
      other.id,
      cookies.admin,
      departmentItem(t, areas.business.id, {
        owner: { type: 'department', departmentId: t.actors.otherDepartment.departmentId ?? '' },
      }),
    );
    expect(forDepartment.statusCode).toBe(201);
    expect((await create(other.id, cookies.admin, regionItem(areas.business.id))).statusCode).toBe(201);
    await refused(
      () =>
        create(
          other.id,
          cookies.admin,
          departmentItem(t, areas.business.id, { owner: { type: 'department', departmentId: unknownId } }),
        ),
      400,
      [['owner.departmentId', 'validation.unknownDepartment']],
    );
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const { areas, own } = await agreementsFixture(t);
    const other = await agreementsFixture(t);
    const bad = (over: Record<string, unknown>) => ({ ...departmentItem(t, areas.transport.id), ...over });
    await refused(() => create(own.id, cookies.department, bad({ budgetNokPerYear: -1 })), 400, [
      ['budgetNokPerYear', 'validation.budgetNegative'],
    ]);
    await refused(() => create(own.id, cookies.department, bad({ budgetNokPerYear: 10.5 })), 400, [
      ['budgetNokPerYear', 'validation.budget'],
    ]);
    await refused(() => create(own.id, cookies.department, bad({ budgetNokPerYear: '1000' })), 400, [
      ['budgetNokPerYear', 'validation.budget'],
    ]);
    await refused(
      () =>
        create(
          own.id,
          cookies.department,
          bad({ indicators: [{ name: 'Arbeidsplasser' }, { name: '  ', target: '40' }] }),
        ),
      400,
      [['indicators.1.name', 'validation.required']],
    );
    await refused(() => create(own.id, cookies.department, bad({ title: ' ', kind: 'wish' })), 400, [
      ['kind', 'validation.chooseKind'],
      ['title', 'validation.required'],
    ]);
    // A subject area of another cycle is not one of this agreement's.
    await refused(
      () => create(own.id, cookies.department, bad({ subjectAreaId: other.areas.transport.id })),
      400,
      [['subjectAreaId', 'validation.unknownSubjectArea']],
    );
    await refused(() => create(unknownId, cookies.department, bad({})), 404);
    await refused(() => create(own.id, cookies.viewer, bad({})), 403);
  });
});

describe('reading contributions', () => {
  it('lists an agreement’s contributions grouped by subject area order, then position, with wanted areas marked and filters', async () => {
    const { areas, own } = await agreementsFixture(t);
    const admin = t.ctx(t.actors.admin);
    const culture = await createContribution(
      admin,
      own.id,
      departmentItem(t, areas.culture.id, { title: 'K1' }),
    );
    const transport2 = await createContribution(
      admin,
      own.id,
      departmentItem(t, areas.transport.id, { title: 'S1' }),
    );
    const regionOwn = await createContribution(admin, own.id, regionItem(areas.business.id, { title: 'N1' }));
    const transport3 = await createContribution(
      admin,
      own.id,
      departmentItem(t, areas.transport.id, { title: 'S2' }),
    );
    await changeStatus(admin, transport3.id, { status: 'agreed', reason: 'Enighet i møtet.', version: 1 });

    const res = await req('GET', `/api/v1/agreements/${own.id}/contributions`, cookies.region);
    expect(res.statusCode).toBe(200);
    const list = res.json() as ContributionList;
    expect(list.agreement).toEqual({
      id: own.id,
      cycleId: own.cycleId,
      region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
    });
    expect(list.subjectAreas).toEqual([
      { id: areas.transport.id, name: 'Samferdsel', position: 0, wanted: false, justification: null },
      {
        id: areas.business.id,
        name: 'Næring',
        position: 1,
        wanted: true,
        justification: 'Flere arbeidsplasser i regionen.',
      },
      { id: areas.culture.id, name: 'Kultur', position: 2, wanted: false, justification: null },
    ]);
    expect(list.items.map((i) => i.title)).toEqual(['S1', 'S2', 'N1', 'K1']);
    // The region contact may edit the region's own item only.
    expect(list.items.map((i) => i.canEdit)).toEqual([false, false, true, false]);

    const asDepartment = await listContributions(t.ctx(t.actors.department), own.id, {});
    // The department's own items, except the agreed one: what was agreed only the coordinator changes.
    expect(asDepartment.items.map((i) => i.canEdit)).toEqual([true, false, false, true]);
    expect(asDepartment.items.map((i) => i.statusChoices)).toEqual([
      ['discussed', 'dropped'],
      [],
      [],
      ['discussed', 'dropped'],
    ]);
    expect(list.items.find((i) => i.title === 'S2')?.status).toBe('agreed');
    const viewer = await listContributions(t.ctx(t.actors.viewer), own.id, {});
    expect(viewer.items.every((i) => !i.canEdit)).toBe(true);

    const byRegion = await req(
      'GET',
      `/api/v1/agreements/${own.id}/contributions?owner=region`,
      cookies.viewer,
    );
    expect((byRegion.json() as ContributionList).items.map((i) => i.id)).toEqual([regionOwn.id]);
    const byDepartment = await listContributions(admin, own.id, {
      owner: t.actors.department.departmentId,
      status: 'proposed',
    });
    expect(byDepartment.items.map((i) => i.id)).toEqual([transport2.id, culture.id]);
    const agreed = await listContributions(admin, own.id, { status: 'agreed' });
    expect(agreed.items.map((i) => i.id)).toEqual([transport3.id]);

    const bad = await req('GET', `/api/v1/agreements/${own.id}/contributions?status=maybe`, cookies.admin);
    expect(bad.statusCode).toBe(400);
    expect(
      (await req('GET', `/api/v1/agreements/${unknownId}/contributions`, cookies.admin)).statusCode,
    ).toBe(404);
  });

  it('answers each reader with the JSON of the contract, the same as the list its counts and rights make', async () => {
    const { areas, own } = await agreementsFixture(t);
    const admin = t.ctx(t.actors.admin);
    const mine = await createContribution(
      admin,
      own.id,
      departmentItem(t, areas.transport.id, { title: 'S1' }),
    );
    await createContribution(admin, own.id, regionItem(areas.business.id, { title: 'N1' }));
    const agreed = await createContribution(admin, own.id, departmentItem(t, areas.culture.id));
    await changeStatus(admin, agreed.id, { status: 'agreed', reason: 'Enighet i møtet.', version: 1 });
    const readers = [
      [cookies.admin, t.actors.admin],
      [cookies.viewer, t.actors.viewer],
      [cookies.department, t.actors.department],
      [cookies.region, t.actors.region],
    ] as const;
    const expectAsListed = async (query: string, filter: Record<string, string>) => {
      for (const [cookie, actor] of readers) {
        const res = await req('GET', `/api/v1/agreements/${own.id}/contributions${query}`, cookie);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        const answer = res.json() as ContributionList;
        // Exactly the contract's shape: encoding it again drops nothing and changes nothing.
        expect(JSON.parse(JSON.stringify(ContributionList.encode(answer)))).toEqual(answer);
        const listed = await listContributions(t.ctx(actor), own.id, filter);
        expect(answer).toEqual(JSON.parse(JSON.stringify(ContributionList.encode(listed))));
        // Asked again, the same bytes.
        expect((await req('GET', `/api/v1/agreements/${own.id}/contributions${query}`, cookie)).body).toBe(
          res.body,
        );
      }
    };
    await expectAsListed('', {});
    const commented = await req('POST', `/api/v1/contributions/${mine.id}/comments`, cookies.region, {
      body: 'Når starter arbeidet?',
    });
    expect(commented.statusCode).toBe(201);
    await expectAsListed('', {});
    await expectAsListed('?status=proposed', { status: 'proposed' });
    const department = await req('GET', `/api/v1/agreements/${own.id}/contributions`, cookies.department);
    const items = (department.json() as ContributionList).items;
    expect(items.map((i) => [i.title, i.commentCount, i.canEdit])).toEqual([
      ['S1', 1, true],
      ['N1', 0, false],
      [agreed.title, 0, false],
    ]);
  });

  it('shows one contribution with its status history to everyone signed in', async () => {
    const { areas, own } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    await changeStatus(t.ctx(t.actors.admin), item.id, {
      status: 'discussed',
      reason: 'Drøftet 3. mars.',
      version: 1,
    });
    const res = await req('GET', `/api/v1/contributions/${item.id}`, cookies.viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: item.id,
      status: 'discussed',
      version: 2,
      canEdit: false,
      statusHistory: [
        { from: null, to: 'proposed', reason: 'Opprettet', changedBy: { id: t.actors.department.id } },
        {
          from: 'proposed',
          to: 'discussed',
          reason: 'Drøftet 3. mars.',
          changedBy: { id: t.actors.admin.id },
        },
      ],
    });
    expect((await req('GET', `/api/v1/contributions/${unknownId}`, cookies.viewer)).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/contributions/not-an-id', cookies.viewer)).statusCode).toBe(404);
  });
});

describe('changing contributions', () => {
  it("lets a department editor change their department's item, audited, from the version seen", async () => {
    const { areas, own } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const res = await req('PATCH', `/api/v1/contributions/${item.id}`, cookies.department, {
      title: 'Bedre busstilbud, også i helgene',
      budgetNokPerYear: null,
      indicators: [],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Bedre busstilbud, også i helgene',
      budgetNokPerYear: null,
      indicators: [],
      description: 'Halvtimesavganger i rushtiden.',
      timeFrame: '2025–2027',
      version: 2,
    });
    const audit = await auditOf(t, 'contribution', item.id);
    expect(audit.map((a) => a.action)).toEqual(['contribution.create', 'contribution.update']);
    expect(audit[1]?.before).toMatchObject({ title: item.title, budgetNokPerYear: 2_500_000 });
    expect(audit[1]?.after).toMatchObject({
      title: 'Bedre busstilbud, også i helgene',
      budgetNokPerYear: null,
    });
    // A stale screen is refused.
    await refused(
      () =>
        req('PATCH', `/api/v1/contributions/${item.id}`, cookies.department, { title: 'Gammel', version: 1 }),
      409,
    );
  });

  it("refuses another department's editor, a move to another owner, and a region contact on a department's item", async () => {
    const { areas, own } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const url = `/api/v1/contributions/${item.id}`;
    await refused(() => req('PATCH', url, cookies.otherDepartment, { title: 'Overtatt', version: 1 }), 403);
    await refused(
      () =>
        req('PATCH', url, cookies.department, {
          owner: { type: 'department', departmentId: t.actors.otherDepartment.departmentId },
          version: 1,
        }),
      403,
    );
    await refused(
      () => req('PATCH', url, cookies.department, { owner: { type: 'region' }, version: 1 }),
      403,
    );
    await refused(() => req('PATCH', url, cookies.region, { title: 'Regionens nå', version: 1 }), 403);
    await refused(() => req('PATCH', url, cookies.viewer, { title: 'Leser', version: 1 }), 403);
    await refused(() => req('PATCH', url, cookies.department, { budgetNokPerYear: -5, version: 1 }), 400, [
      ['budgetNokPerYear', 'validation.budgetNegative'],
    ]);
    await refused(
      () => req('PATCH', url, cookies.department, { indicators: [{ unit: 'stk' }], version: 1 }),
      400,
      [['indicators.0.name', 'validation.required']],
    );
    await refused(
      () => req('PATCH', `/api/v1/contributions/${unknownId}`, cookies.admin, { version: 1 }),
      404,
    );
  });

  it("refuses a region contact writing in another region's agreement", async () => {
    const { areas, other } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.otherRegion),
      other.id,
      regionItem(areas.culture.id),
    );
    const url = `/api/v1/contributions/${item.id}`;
    await refused(() => req('PATCH', url, cookies.region, { title: 'Feil region', version: 1 }), 403);
    await refused(
      () => req('POST', `${url}/status`, cookies.region, { status: 'dropped', reason: 'Nei', version: 1 }),
      403,
    );
    await refused(() => req('POST', `${url}/move`, cookies.region, { direction: 'up', version: 1 }), 403);
    await refused(() => req('DELETE', `${url}?version=1`, cookies.region), 403);
    // Its own contact may.
    const ok = await req('PATCH', url, cookies.otherRegion, { timeFrame: '2026', version: 1 });
    expect(ok.json()).toMatchObject({ timeFrame: '2026', version: 2 });
  });

  it('lets the admin hand an item to another owner and another subject area, where it comes last', async () => {
    const { areas, own } = await agreementsFixture(t);
    const admin = t.ctx(t.actors.admin);
    await createContribution(admin, own.id, regionItem(areas.business.id, { title: 'Først' }));
    const item = await createContribution(admin, own.id, departmentItem(t, areas.transport.id));
    const res = await req('PATCH', `/api/v1/contributions/${item.id}`, cookies.admin, {
      owner: { type: 'region' },
      subjectAreaId: areas.business.id,
      kind: 'commitment',
      version: 1,
    });
    expect(res.json()).toMatchObject({
      owner: { type: 'region' },
      subjectArea: { id: areas.business.id },
      kind: 'commitment',
      position: 1,
    });
  });
});

describe('status changes', () => {
  it('needs a reason, refuses the same status and stale versions, and keeps a dated history', async () => {
    const { areas, own } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const url = `/api/v1/contributions/${item.id}/status`;
    await refused(() => req('POST', url, cookies.admin, { status: 'agreed', version: 1 }), 400, [
      ['reason', 'validation.required'],
    ]);
    await refused(
      () => req('POST', url, cookies.admin, { status: 'agreed', reason: '   ', version: 1 }),
      400,
      [['reason', 'validation.required']],
    );
    await refused(
      () => req('POST', url, cookies.admin, { status: 'proposed', reason: 'Igjen', version: 1 }),
      400,
      [['status', 'validation.statusUnchanged']],
    );
    await refused(
      () => req('POST', url, cookies.admin, { status: 'signed', reason: 'Ja', version: 1 }),
      400,
      [['status', 'validation.chooseStatus']],
    );
    await refused(
      () => req('POST', url, cookies.otherDepartment, { status: 'agreed', reason: 'Ja', version: 1 }),
      403,
    );

    const res = await req('POST', url, cookies.admin, {
      status: 'agreed',
      reason: 'Enighet på dialogmøtet.',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'agreed',
      version: 2,
      statusHistory: [
        { from: null, to: 'proposed' },
        {
          from: 'proposed',
          to: 'agreed',
          reason: 'Enighet på dialogmøtet.',
          changedBy: { id: t.actors.admin.id },
        },
      ],
    });
    await refused(
      () => req('POST', url, cookies.admin, { status: 'dropped', reason: 'For sent', version: 1 }),
      409,
    );
    const changes = await t.database.db
      .select()
      .from(contributionStatusChanges)
      .where(eq(contributionStatusChanges.contributionId, item.id));
    expect(changes).toHaveLength(2);
    const audit = await auditOf(t, 'contribution', item.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'contribution.changeStatus',
      before: { status: 'proposed' },
      after: { status: 'agreed', reason: 'Enighet på dialogmøtet.' },
    });
  });

  it('leaves agreeing to the coordinator: the owner discusses and drops, but neither agrees nor undoes an agreement', async () => {
    const { areas, own } = await agreementsFixture(t);
    const item = await createContribution(
      t.ctx(t.actors.department),
      own.id,
      departmentItem(t, areas.transport.id),
    );
    const url = `/api/v1/contributions/${item.id}/status`;
    await refused(
      () => req('POST', url, cookies.department, { status: 'agreed', reason: 'Vi er enige.', version: 1 }),
      403,
    );
    const discussed = await req('POST', url, cookies.department, {
      status: 'discussed',
      reason: 'Drøftet i det bilaterale møtet.',
      version: 1,
    });
    expect(discussed.statusCode).toBe(200);
    expect(discussed.json()).toMatchObject({
      status: 'discussed',
      canEdit: true,
      statusChoices: ['proposed', 'dropped'],
    });
    const agreed = await req('POST', url, cookies.admin, {
      status: 'agreed',
      reason: 'Enighet.',
      version: 2,
    });
    expect(agreed.json()).toMatchObject({ status: 'agreed', version: 3 });
    // Once agreed, the owner can no longer change it, move it, or take it back to discussion.
    await refused(
      () =>
        req('POST', url, cookies.department, { status: 'discussed', reason: 'Likevel ikke.', version: 3 }),
      403,
    );
    await refused(
      () =>
        req('PATCH', `/api/v1/contributions/${item.id}`, cookies.department, {
          title: 'Noe annet',
          version: 3,
        }),
      403,
    );
    await refused(
      () =>
        req('POST', `/api/v1/contributions/${item.id}/move`, cookies.department, {
          direction: 'down',
          version: 3,
        }),
      403,
    );
    const asOwner = await req('GET', `/api/v1/contributions/${item.id}`, cookies.department);
    expect(asOwner.json()).toMatchObject({ canEdit: false, statusChoices: [] });
    const asAdmin = await req('GET', `/api/v1/contributions/${item.id}`, cookies.admin);
    expect(asAdmin.json()).toMatchObject({
      canEdit: true,
      statusChoices: ['proposed', 'discussed', 'dropped'],
    });
  });
});

describe('deleting contributions', () => {
  it('deletes a proposed item from the version seen; a discussed one must be dropped instead', async () => {
    const { areas, own } = await agreementsFixture(t);
    const dept = t.ctx(t.actors.department);
    const item = await createContribution(dept, own.id, departmentItem(t, areas.transport.id));
    await refused(() => req('DELETE', `/api/v1/contributions/${item.id}?version=2`, cookies.department), 409);
    await refused(
      () => req('DELETE', `/api/v1/contributions/${item.id}?version=1`, cookies.otherDepartment),
      403,
    );
    await refused(() => req('DELETE', `/api/v1/contributions/${item.id}`, cookies.department), 400, [
      ['version', 'validation.version'],
    ]);
    const res = await req('DELETE', `/api/v1/contributions/${item.id}?version=1`, cookies.department);
    expect(res.statusCode).toBe(204);
    expect(await t.database.db.select().from(contributions).where(eq(contributions.id, item.id))).toEqual([]);
    expect((await auditOf(t, 'contribution', item.id)).map((a) => a.action)).toEqual([
      'contribution.create',
      'contribution.delete',
    ]);

    const discussed = await createContribution(dept, own.id, departmentItem(t, areas.transport.id));
    await changeStatus(dept, discussed.id, { status: 'discussed', reason: 'Drøftet', version: 1 });
    await refused(
      () => req('DELETE', `/api/v1/contributions/${discussed.id}?version=2`, cookies.department),
      409,
      [['status', 'validation.onlyProposedDeleted']],
    );
    await refused(() => req('DELETE', `/api/v1/contributions/${unknownId}?version=1`, cookies.admin), 404);
  });
});

describe('ordering within a subject area', () => {
  it('moves an item up, down and to a position, renumbering its subject area only', async () => {
    const { areas, own } = await agreementsFixture(t);
    const dept = t.ctx(t.actors.department);
    const [a, b, c] = [
      await createContribution(dept, own.id, departmentItem(t, areas.transport.id, { title: 'A' })),
      await createContribution(dept, own.id, departmentItem(t, areas.transport.id, { title: 'B' })),
      await createContribution(dept, own.id, departmentItem(t, areas.transport.id, { title: 'C' })),
    ];
    const elsewhere = await createContribution(
      dept,
      own.id,
      departmentItem(t, areas.culture.id, { title: 'K' }),
    );
    const titles = async () =>
      (await listContributions(dept, own.id, {})).items.map((i) => `${i.title}${i.position}`);
    expect(await titles()).toEqual(['A0', 'B1', 'C2', 'K0']);

    const up = await req('POST', `/api/v1/contributions/${c.id}/move`, cookies.department, {
      direction: 'up',
      version: 1,
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ position: 1, version: 2 });
    expect(await titles()).toEqual(['A0', 'C1', 'B2', 'K0']);

    await moveContribution(dept, a.id, { direction: 'down', version: 1 });
    expect(await titles()).toEqual(['C0', 'A1', 'B2', 'K0']);
    await moveContribution(dept, b.id, { direction: 0, version: 1 });
    expect(await titles()).toEqual(['B0', 'C1', 'A2', 'K0']);
    // Beyond the ends: stays first (nothing written), or goes last.
    const top = await moveContribution(dept, b.id, { direction: 'up', version: 2 });
    expect(top.version).toBe(2);
    await moveContribution(dept, b.id, { direction: 99, version: 2 });
    expect(await titles()).toEqual(['C0', 'A1', 'B2', 'K0']);
    expect(
      (await listContributions(dept, own.id, {})).items.find((i) => i.id === elsewhere.id)?.version,
    ).toBe(1);

    const url = `/api/v1/contributions/${a.id}/move`;
    await refused(() => req('POST', url, cookies.department, { direction: 'up', version: 1 }), 409);
    await refused(() => req('POST', url, cookies.department, { direction: 'sideways', version: 2 }), 400);
    await refused(() => req('POST', url, cookies.department, { direction: -1, version: 2 }), 400);
    await refused(() => req('POST', url, cookies.otherDepartment, { direction: 'up', version: 2 }), 403);
    const audit = await auditOf(t, 'contribution', b.id);
    expect(audit.filter((e) => e.action === 'contribution.move').map((e) => e.after)).toEqual([
      { subjectAreaId: areas.transport.id, position: 0, version: 2 },
      { subjectAreaId: areas.transport.id, position: 2, version: 3 },
    ]);
  });
});
