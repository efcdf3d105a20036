import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { Agreement, AgreementSummary, SubjectArea } from '../../shared/contracts/agreements.js';
import { contributions } from '../contributions/contribution.table.js';
import { approveVersion } from '../general-part/approve-version.js';
import { createDraft } from '../general-part/create-draft.js';
import { approval, newCycle } from '../general-part/general-part.fixtures.js';
import { departments, regions } from '../registry/registry.table.js';
import {
  approvedCycle,
  approveNext,
  auditOf,
  oneAgreement,
  regionIdOf,
  unknownId,
} from './agreement.fixtures.js';
import { agreementGeneralPartMoves } from './agreement.table.js';
import { agreementTitle } from './agreement-reads.js';
import { listSubjectAreas } from './list-subject-areas.js';

let t: TestApp;
let admin: string;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let others: { viewer: string; department: string; region: string; otherRegion: string };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  others = {
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
}, 300_000);
afterAll(async () => t.close());

const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = admin) =>
  t.request({ method, url, cookie, ...(payload === undefined ? {} : { payload: payload as object }) });
const get = (url: string, cookie = admin) => t.request({ method: 'GET', url, cookie });

const indre = 'Indre Østfold regionråd';
const hallingdal = 'Regionrådet for Hallingdal';
const kongsberg = 'Kongsbergregionen';
const mosse = 'Mosseregionen interkommunale politiske råd';

async function subjectAreasOf(cycleId: string): Promise<SubjectArea[]> {
  return (await listSubjectAreas(t.ctx(t.actors.admin), cycleId)).items;
}

/** Expects the request to be refused with the status (and code), and nothing in the database to change. */
async function expectRefused(
  request: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code?: string,
) {
  const before = await snapshot(t.database.db);
  const res = await request();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  if (code) expect(res.json()).toMatchObject({ code });
  expect(await snapshot(t.database.db)).toBe(before);
  return res.json() as { code: string; errors?: { field: string; code: string; message: string }[] };
}

describe('creating agreements', () => {
  it('creates one for every region at once, pinning the approved general part, with the cycle period', async () => {
    const { cycle, v1 } = await approvedCycle(t);
    const res = await send('POST', '/api/v1/agreements', { cycleId: cycle.id });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as AgreementSummary[];
    const regionCount = (await t.database.db.select({ id: regions.id }).from(regions)).length;
    expect(created).toHaveLength(regionCount);
    expect(created[0]).toMatchObject({
      cycleId: cycle.id,
      periodFrom: cycle.periodFrom,
      periodTo: cycle.periodTo,
      generalPartVersion: { id: v1.id, number: 1, state: 'approved' },
      newerGeneralPartVersion: null,
      version: 1,
      counts: { wantedSubjectAreas: 0, contributions: 0, agreedContributions: 0 },
    });
    const names = created.map((a) => a.region.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
    expect(created.find((a) => a.region.name === hallingdal)?.writtenStandard).toBe('nn');
    const [first] = created;
    if (!first) throw new Error('none');
    expect(await auditOf(t, 'agreement', first.id)).toMatchObject([{ action: 'agreement.create' }]);

    const list = await get(`/api/v1/agreements?cycle=${cycle.id}`, others.viewer);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: AgreementSummary[] }).items.map((a) => a.id)).toEqual(
      created.map((a) => a.id),
    );

    // Asked again for every region: none is left without one, so nothing is made twice.
    const again = await send('POST', '/api/v1/agreements', { cycleId: cycle.id, all: true });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual([]);
  });

  it('creates them for chosen regions only, and later for the rest', async () => {
    const { cycle } = await approvedCycle(t);
    const chosen = [await regionIdOf(t, indre), await regionIdOf(t, hallingdal)];
    const res = await send('POST', '/api/v1/agreements', { cycleId: cycle.id, regionIds: chosen });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as AgreementSummary[]).map((a) => a.region.name).sort()).toEqual(
      [indre, hallingdal].sort(),
    );
    const rest = await send('POST', '/api/v1/agreements', { cycleId: cycle.id, all: true });
    const restNames = (rest.json() as AgreementSummary[]).map((a) => a.region.name);
    expect(restNames).not.toContain(indre);
    expect(restNames).toContain(kongsberg);
  });

  it('refuses a region that already has an agreement in the cycle (409), creating none of the others', async () => {
    const { cycle } = await oneAgreement(t, indre);
    const body = await expectRefused(
      () =>
        send('POST', '/api/v1/agreements', {
          cycleId: cycle.id,
          regionIds: [t.actors.region.regionId, t.actors.otherRegion.regionId],
        }),
      409,
      'conflict',
    );
    expect(body.errors?.[0]?.code).toBe('validation.agreementExists');
  });

  it('refuses with a clear 409 when the cycle has no approved general part', async () => {
    const { cycle } = await newCycle(t);
    const body = await expectRefused(() => send('POST', '/api/v1/agreements', { cycleId: cycle.id }), 409);
    expect(body.errors?.[0]).toMatchObject({
      code: 'validation.noApprovedGeneralPart',
      message: expect.stringContaining('vedtatt generell del'),
    });
  });

  it('refuses bad input with errors on the fields, and everyone but the admin', async () => {
    const { cycle } = await approvedCycle(t);
    const unknownCycle = await expectRefused(
      () => send('POST', '/api/v1/agreements', { cycleId: unknownId }),
      400,
    );
    expect(unknownCycle.errors?.[0]).toMatchObject({ field: 'cycleId', code: 'validation.unknownCycle' });
    const unknownRegion = await expectRefused(
      () => send('POST', '/api/v1/agreements', { cycleId: cycle.id, regionIds: [unknownId] }),
      400,
    );
    expect(unknownRegion.errors?.[0]).toMatchObject({ field: 'regionIds', code: 'validation.unknownRegion' });
    const empty = await expectRefused(
      () => send('POST', '/api/v1/agreements', { cycleId: cycle.id, regionIds: [] }),
      400,
    );
    expect(empty.errors?.[0]).toMatchObject({ field: 'regionIds', code: 'validation.noRegions' });
    const twice = await expectRefused(
      () =>
        send('POST', '/api/v1/agreements', {
          cycleId: cycle.id,
          regionIds: [t.actors.region.regionId, t.actors.region.regionId],
        }),
      400,
    );
    expect(twice.errors?.[0]).toMatchObject({ field: 'regionIds', code: 'validation.duplicateRegion' });
    const both = await expectRefused(
      () =>
        send('POST', '/api/v1/agreements', {
          cycleId: cycle.id,
          all: true,
          regionIds: [t.actors.region.regionId],
        }),
      400,
    );
    expect(both.errors?.[0]).toMatchObject({ field: 'all' });
    await expectRefused(() => send('POST', '/api/v1/agreements', {}), 400);
    for (const cookie of [others.viewer, others.department, others.region]) {
      await expectRefused(() => send('POST', '/api/v1/agreements', { cycleId: cycle.id }, cookie), 403);
    }
  });

  it('answers 404 for an unknown cycle in the list, and 400 without one', async () => {
    expect((await get(`/api/v1/agreements?cycle=${unknownId}`)).statusCode).toBe(404);
    expect((await get('/api/v1/agreements')).statusCode).toBe(400);
    expect((await get(`/api/v1/agreements/${unknownId}`)).statusCode).toBe(404);
    expect((await get('/api/v1/agreements/not-an-id')).statusCode).toBe(404);
  });
});

describe('an agreement', () => {
  it('has a title in its written standard and the county and member municipalities as parties', async () => {
    const { agreement } = await oneAgreement(t, hallingdal);
    const res = await get(`/api/v1/agreements/${agreement.id}`, others.department);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Agreement;
    expect(body.title).toBe('Partnarskapsavtale mellom Viken fylkeskommune og Regionrådet for Hallingdal');
    expect(body.parties.county.name).toBe('Viken fylkeskommune');
    expect(body.parties.municipalities.map((m) => m.name)).toEqual([
      'Flå',
      'Gol',
      'Hemsedal',
      'Hol',
      'Nesbyen',
      'Ål',
    ]);
    expect(body.parties.municipalities.every((m) => !m.outsideCounty)).toBe(true);
    expect(body.wantedSubjectAreas).toEqual([]);
    expect(body.generalPartMoves).toEqual([]);
    expect(agreementTitle('Follorådet', 'Viken fylkeskommune', 'nb')).toBe(
      'Partnerskapsavtale mellom Viken fylkeskommune og Follorådet',
    );
  });

  it('marks the members outside the county', async () => {
    const { agreement } = await oneAgreement(t, kongsberg);
    const body = (await get(`/api/v1/agreements/${agreement.id}`)).json() as Agreement;
    const outside = body.parties.municipalities.filter((m) => m.outsideCounty).map((m) => m.name);
    expect(outside.sort()).toEqual(['Hjartdal', 'Notodden', 'Tinn']);
    expect(body.parties.municipalities.find((m) => m.name === 'Kongsberg')?.outsideCounty).toBe(false);
  });

  it('takes the members on its first day: moving the period moves the parties', async () => {
    const { agreement } = await oneAgreement(t, mosse);
    const before = (await get(`/api/v1/agreements/${agreement.id}`)).json() as Agreement;
    expect(before.parties.municipalities.map((m) => m.name)).toContain('Vestby');
    // Vestby joined the region on 1 January 2021.
    const res = await send('PATCH', `/api/v1/agreements/${agreement.id}`, {
      periodFrom: '2020-06-01',
      version: agreement.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Agreement;
    expect(after).toMatchObject({ periodFrom: '2020-06-01', periodTo: agreement.periodTo, version: 2 });
    expect(after.parties.municipalities.map((m) => m.name)).not.toContain('Vestby');
    expect((await auditOf(t, 'agreement', agreement.id)).map((e) => e.action)).toEqual([
      'agreement.create',
      'agreement.update',
    ]);
  });

  it('refuses a period that ends before it starts, a stale version, and everyone but the admin', async () => {
    const { agreement } = await oneAgreement(t, indre);
    const url = `/api/v1/agreements/${agreement.id}`;
    const endFirst = await expectRefused(
      () => send('PATCH', url, { periodTo: '2000-01-01', version: agreement.version }),
      400,
    );
    expect(endFirst.errors?.[0]).toMatchObject({ field: 'periodTo', code: 'validation.endBeforeStart' });
    await expectRefused(() => send('PATCH', url, { periodFrom: 'i morgen', version: 1 }), 400);
    await expectRefused(() => send('PATCH', url, { periodFrom: '2035-02-01' }), 400);
    await expectRefused(() => send('PATCH', url, { periodFrom: '2035-02-01', version: 7 }), 409, 'stale');
    await expectRefused(
      () => send('PATCH', `/api/v1/agreements/${unknownId}`, { periodFrom: '2035-02-01', version: 1 }),
      404,
    );
    await expectRefused(
      () => send('PATCH', url, { periodFrom: '2035-02-01', version: 1 }, others.region),
      403,
    );
  });
});

describe('counts', () => {
  it('counts the contributions of each agreement, all and agreed, and the wanted subject areas', async () => {
    const { cycle, agreement } = await oneAgreement(t, indre);
    const [area] = await subjectAreasOf(cycle.id);
    const [department] = await t.database.db.select({ id: departments.id }).from(departments).limit(1);
    if (!area || !department) throw new Error('no subject area or department');
    const item = (title: string, status: string, position: number) => ({
      agreementId: agreement.id,
      cycleId: cycle.id,
      subjectAreaId: area.id,
      kind: 'measure',
      ownerDepartmentId: department.id,
      title,
      status,
      position,
    });
    await t.database.db
      .insert(contributions)
      .values([
        item('Etablerertjeneste', 'agreed', 0),
        item('Reisemål', 'proposed', 1),
        item('Fagskole', 'agreed', 2),
      ]);
    await send('PUT', `/api/v1/agreements/${agreement.id}/subject-areas/${area.id}`, {
      justification: 'Ja.',
    });
    const list = (await get(`/api/v1/agreements?cycle=${cycle.id}`)).json() as { items: AgreementSummary[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.counts).toEqual({
      wantedSubjectAreas: 1,
      contributions: 3,
      agreedContributions: 2,
    });

    // A subject area that contributions use is not deleted.
    const refused = await expectRefused(
      () => send('DELETE', `/api/v1/subject-areas/${area.id}`),
      409,
      'inUse',
    );
    expect(refused.errors?.[0]?.message).toContain('3 bidrag');
  });

  it('serves the list from the cache as the same compressed bytes until something is written', async () => {
    const { cycle } = await approvedCycle(t);
    const created = (
      await send('POST', '/api/v1/agreements', { cycleId: cycle.id })
    ).json() as AgreementSummary[];
    const url = `/api/v1/agreements?cycle=${cycle.id}`;
    const read = (encoding: string) =>
      t.request({ method: 'GET', url, cookie: admin, headers: { 'accept-encoding': encoding } });
    const first = await read('gzip');
    const second = await read('gzip');
    expect(first.statusCode).toBe(200);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const plain = (await read('identity')).json() as { items: AgreementSummary[] };
    expect(plain.items.map((a) => a.id)).toEqual(created.map((a) => a.id));

    const [area] = await subjectAreasOf(cycle.id);
    const [agreement] = created;
    if (!area || !agreement) throw new Error('no subject area or agreement');
    await send('PUT', `/api/v1/agreements/${agreement.id}/subject-areas/${area.id}`, {
      justification: 'Ja.',
    });
    const after = (await read('identity')).json() as { items: AgreementSummary[]; nextCursor: null };
    expect(after.nextCursor).toBeNull();
    expect(after.items.find((a) => a.id === agreement.id)?.counts?.wantedSubjectAreas).toBe(1);
  });
});

describe('the agreements table, a page at a time', () => {
  type ListPage = {
    items: AgreementSummary[];
    nextCursor: string | null;
    total: number;
    matching: number;
  };
  const pageOf = async (url: string, cookie = admin) => {
    const res = await get(url, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ListPage;
  };
  /** Every page of the table in turn, following the cursors, as "Vis flere" does. */
  async function allPages(base: string, cookie = admin): Promise<ListPage[]> {
    const pages: ListPage[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await pageOf(`${base}${cursor ? `&cursor=${cursor}` : ''}`, cookie);
      pages.push(page);
      cursor = page.nextCursor;
      if (pages.length > 50) throw new Error('the cursors never end');
    }
    return pages;
  }

  it("pages through every agreement once, in the column's order both ways, with the counts", async () => {
    const { cycle } = await approvedCycle(t);
    const created = (
      await send('POST', '/api/v1/agreements', { cycleId: cycle.id })
    ).json() as AgreementSummary[];
    expect(created.length).toBeGreaterThan(4);
    const byName = [...created].sort((a, b) => a.region.name.localeCompare(b.region.name, 'nb'));

    const pages = await allPages(`/api/v1/agreements?cycle=${cycle.id}&limit=3`);
    expect(pages.length).toBe(Math.ceil(created.length / 3));
    expect(pages.map((p) => p.items.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(3));
    expect(pages.flatMap((p) => p.items.map((a) => a.id))).toEqual(byName.map((a) => a.id));
    expect(pages[0]).toMatchObject({ total: created.length, matching: created.length });

    const down = await allPages(`/api/v1/agreements?cycle=${cycle.id}&limit=3&sort=region&dir=desc`);
    expect(down.flatMap((p) => p.items.map((a) => a.id))).toEqual(byName.map((a) => a.id).reverse());

    // Sorted by a count: the agreement with most wanted subject areas first going down, ties by name.
    const [area] = await subjectAreasOf(cycle.id);
    const wanted = byName.at(-1);
    if (!area || !wanted) throw new Error('no subject area or agreement');
    await send('PUT', `/api/v1/agreements/${wanted.id}/subject-areas/${area.id}`, { justification: 'Ja.' });
    const byWanted = await allPages(`/api/v1/agreements?cycle=${cycle.id}&limit=4&sort=wanted&dir=desc`);
    const ids = byWanted.flatMap((p) => p.items.map((a) => a.id));
    expect(ids).toEqual([wanted.id, ...byName.slice(0, -1).map((a) => a.id)]);
  });

  it("finds regions by a part of their name, and puts a region contact's own agreement first", async () => {
    const { cycle } = await approvedCycle(t);
    const created = (
      await send('POST', '/api/v1/agreements', { cycleId: cycle.id })
    ).json() as AgreementSummary[];
    const found = await pageOf(
      `/api/v1/agreements?cycle=${cycle.id}&limit=50&q=${encodeURIComponent('hallingDAL')}`,
    );
    expect(found.items.map((a) => a.region.name)).toEqual([hallingdal]);
    expect(found).toMatchObject({ total: created.length, matching: 1, nextCursor: null });
    const none = await pageOf(`/api/v1/agreements?cycle=${cycle.id}&limit=50&q=ingen-slik-region`);
    expect(none).toMatchObject({ items: [], matching: 0, total: created.length });

    // Indre Østfold's contact sees their own first, in either direction; the rest keep their order.
    const own = await regionIdOf(t, indre);
    for (const dir of ['asc', 'desc'] as const) {
      const pages = await allPages(`/api/v1/agreements?cycle=${cycle.id}&limit=2&dir=${dir}`, others.region);
      const names = pages.flatMap((p) => p.items.map((a) => a.region.name));
      expect(names[0]).toBe(indre);
      expect(pages[0]?.items[0]?.region.id).toBe(own);
      const rest = created.map((a) => a.region.name).filter((n) => n !== indre);
      const sorted = rest.sort((a, b) => a.localeCompare(b, 'nb'));
      expect(names.slice(1)).toEqual(dir === 'asc' ? sorted : [...sorted].reverse());
    }
    // The full list for choosing among them stays by name, the own region in its place.
    const full = await pageOf(`/api/v1/agreements?cycle=${cycle.id}`, others.region);
    expect(full.items.map((a) => a.id)).toEqual(created.map((a) => a.id));
  });

  it('refuses a broken cursor, one of another order and bad parameters with 400 on the field', async () => {
    const { cycle } = await approvedCycle(t);
    await send('POST', '/api/v1/agreements', { cycleId: cycle.id });
    const first = await pageOf(`/api/v1/agreements?cycle=${cycle.id}&limit=2`);
    expect(first.nextCursor).not.toBeNull();
    const cases: [string, string][] = [
      [`limit=2&cursor=${first.nextCursor}&dir=desc`, 'cursor'],
      [`limit=2&cursor=${first.nextCursor}&sort=wanted`, 'cursor'],
      ['limit=2&cursor=not-a-cursor', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['sort=secret', 'sort'],
      ['dir=up', 'dir'],
    ];
    for (const [params, field] of cases) {
      const res = await get(`/api/v1/agreements?cycle=${cycle.id}&${params}`);
      expect(res.statusCode, params).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
  });
});

describe('moving an agreement to a newer general part', () => {
  it('shows the drift when a newer version is approved, and moves with a recorded reason', async () => {
    const { v1, agreement } = await oneAgreement(t, indre);
    const v2 = await approveNext(t, v1.id);
    const drifting = (await get(`/api/v1/agreements/${agreement.id}`)).json() as Agreement;
    expect(drifting.generalPartVersion).toEqual({ id: v1.id, number: 1, state: 'superseded' });
    expect(drifting.newerGeneralPartVersion).toEqual({ id: v2.id, number: 2 });

    const res = await send('POST', `/api/v1/agreements/${agreement.id}/general-part`, {
      versionId: v2.id,
      reason: 'Fylkesrådet vedtok ny generell del.',
      version: agreement.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json() as Agreement;
    expect(moved.generalPartVersion).toEqual({ id: v2.id, number: 2, state: 'approved' });
    expect(moved.newerGeneralPartVersion).toBeNull();
    expect(moved.version).toBe(2);
    expect(moved.generalPartMoves).toMatchObject([
      {
        from: { id: v1.id, number: 1 },
        to: { id: v2.id, number: 2 },
        reason: 'Fylkesrådet vedtok ny generell del.',
        movedBy: { id: t.actors.admin.id },
      },
    ]);
    expect((await auditOf(t, 'agreement', agreement.id)).at(-1)).toMatchObject({
      action: 'agreement.moveGeneralPart',
    });
  });

  it('refuses the same or an older version, one never approved, a missing reason and a stale version', async () => {
    const { cycle, v1, agreement } = await oneAgreement(t, indre);
    const url = `/api/v1/agreements/${agreement.id}/general-part`;
    const reason = 'Ny versjon.';
    const same = await expectRefused(
      () => send('POST', url, { versionId: v1.id, reason, version: agreement.version }),
      409,
    );
    expect(same.errors?.[0]?.code).toBe('validation.generalPartNotNewer');

    const v2 = await approveNext(t, v1.id);
    const res = await send('POST', url, { versionId: v2.id, reason, version: agreement.version });
    expect(res.statusCode).toBe(200);
    const older = await expectRefused(() => send('POST', url, { versionId: v1.id, reason, version: 2 }), 409);
    expect(older.errors?.[0]?.code).toBe('validation.generalPartNotNewer');

    const draft = await createDraft(t.ctx(t.actors.admin), v2.id);
    const unapproved = await expectRefused(
      () => send('POST', url, { versionId: draft.id, reason, version: 2 }),
      409,
    );
    expect(unapproved.errors?.[0]?.code).toBe('validation.generalPartNotApproved');

    const otherCycle = await approvedCycle(t);
    const foreign = await expectRefused(
      () => send('POST', url, { versionId: otherCycle.v1.id, reason, version: 2 }),
      400,
    );
    expect(foreign.errors?.[0]).toMatchObject({ field: 'versionId', code: 'validation.versionNotInCycle' });

    const v3 = await approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
    const noReason = await expectRefused(
      () => send('POST', url, { versionId: v3.id, reason: ' ', version: 2 }),
      400,
    );
    expect(noReason.errors?.[0]).toMatchObject({ field: 'reason', code: 'validation.required' });
    await expectRefused(() => send('POST', url, { versionId: v3.id, version: 2 }), 400);
    await expectRefused(() => send('POST', url, { versionId: v3.id, reason, version: 1 }), 409, 'stale');
    await expectRefused(
      () => send('POST', url, { versionId: v3.id, reason, version: 2 }, others.viewer),
      403,
    );
    expect(cycle.id).toBeTruthy();
    const moves = await t.database.db
      .select()
      .from(agreementGeneralPartMoves)
      .where(eq(agreementGeneralPartMoves.agreementId, agreement.id));
    expect(moves).toHaveLength(1);
  });
});

describe('wanted subject areas', () => {
  it('lets the region contact mark and unmark what the region wants, with a justification', async () => {
    const { cycle, agreement } = await oneAgreement(t, indre);
    const [samferdsel, , naering] = await subjectAreasOf(cycle.id);
    if (!samferdsel || !naering) throw new Error('the default subject areas');
    const url = (id: string) => `/api/v1/agreements/${agreement.id}/subject-areas/${id}`;

    const res = await send(
      'PUT',
      url(naering.id),
      { justification: 'Næringsliv er viktig for oss.' },
      others.region,
    );
    expect(res.statusCode, res.body).toBe(200);
    await send('PUT', url(samferdsel.id), { justification: 'Pendling til Oslo.' }, others.region);
    const marked = (await get(`/api/v1/agreements/${agreement.id}`, others.viewer)).json() as Agreement;
    expect(marked.wantedSubjectAreas).toMatchObject([
      { subjectArea: { id: samferdsel.id, name: 'Samferdsel' }, justification: 'Pendling til Oslo.' },
      {
        subjectArea: { id: naering.id, name: 'Næring' },
        justification: 'Næringsliv er viktig for oss.',
        markedBy: { id: t.actors.region.id },
      },
    ]);
    expect(marked.counts?.wantedSubjectAreas).toBe(2);

    // Marking again replaces the justification; the admin may do it too.
    const again = await send('PUT', url(naering.id), { justification: 'Nye arbeidsplasser.' });
    expect((again.json() as Agreement).wantedSubjectAreas[1]).toMatchObject({
      justification: 'Nye arbeidsplasser.',
      markedBy: { id: t.actors.admin.id },
    });

    const removed = await send('DELETE', url(samferdsel.id), undefined, others.region);
    expect(removed.statusCode).toBe(204);
    const after = (await get(`/api/v1/agreements/${agreement.id}`)).json() as Agreement;
    expect(after.wantedSubjectAreas.map((w) => w.subjectArea.id)).toEqual([naering.id]);
    expect((await auditOf(t, 'agreement', agreement.id)).map((e) => e.action)).toEqual([
      'agreement.create',
      'agreement.markSubjectArea',
      'agreement.markSubjectArea',
      'agreement.markSubjectArea',
      'agreement.unmarkSubjectArea',
    ]);
    await expectRefused(() => send('DELETE', url(samferdsel.id), undefined, others.region), 404);
  });

  it("refuses another region's contact, department editors, viewers, bad input and unknown ids", async () => {
    const { cycle, agreement } = await oneAgreement(t, indre);
    const [area] = await subjectAreasOf(cycle.id);
    if (!area) throw new Error('the default subject areas');
    const url = `/api/v1/agreements/${agreement.id}/subject-areas/${area.id}`;
    const payload = { justification: 'Vi vil gjerne.' };
    await expectRefused(() => send('PUT', url, payload, others.otherRegion), 403, 'forbidden');
    await expectRefused(() => send('PUT', url, payload, others.department), 403);
    await expectRefused(() => send('PUT', url, payload, others.viewer), 403);
    const missing = await expectRefused(() => send('PUT', url, { justification: '  ' }, others.region), 400);
    expect(missing.errors?.[0]).toMatchObject({ field: 'justification', code: 'validation.required' });
    const long = await expectRefused(
      () => send('PUT', url, { justification: 'x'.repeat(1001) }, others.region),
      400,
    );
    expect(long.errors?.[0]).toMatchObject({ field: 'justification', code: 'validation.tooLong' });
    await expectRefused(
      () => send('PUT', `/api/v1/agreements/${unknownId}/subject-areas/${area.id}`, payload),
      404,
    );
    await expectRefused(
      () => send('PUT', `/api/v1/agreements/${agreement.id}/subject-areas/${unknownId}`, payload),
      404,
    );
    // A subject area of another cycle is not one of this agreement's.
    const [foreign] = await subjectAreasOf((await newCycle(t)).cycle.id);
    await expectRefused(
      () => send('PUT', `/api/v1/agreements/${agreement.id}/subject-areas/${foreign?.id}`, payload),
      404,
    );
    await send('PUT', url, payload, others.region);
    await expectRefused(() => send('DELETE', url, undefined, others.otherRegion), 403);
  });
});
