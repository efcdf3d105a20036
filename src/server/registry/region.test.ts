import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { Region } from '../../shared/contracts/registry.js';
import type { Db } from '../db/client.js';
import { addMember } from './add-member.js';
import { createRegion } from './create-region.js';
import { getRegion } from './get-region.js';
import { listMunicipalities } from './list-municipalities.js';
import { listRegions } from './list-regions.js';
import { updateRegion } from './update-region.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';
const vikenRegions = [
  'Drammensregionen',
  'Folloregionen interkommunale politiske råd',
  'Gardermoregionen interkommunale politiske råd',
  'Haldenregionen',
  'Indre Østfold regionråd',
  'Kongsbergregionen',
  'Mosseregionen interkommunale politiske råd',
  'Nedre Glomma regionråd',
  'Regionrådet for Hadeland',
  'Regionrådet for Hallingdal',
  'Ringeriksregionen interkommunale politiske råd',
  'Samarbeidsrådet for Nedre Romerike',
];
const auditOf = (entityId: string) => auditTrail(t, 'region', entityId);
const regionNamed = async (name: string): Promise<Region> => {
  const { items } = await listRegions(t.ctx(t.actors.admin), { q: name });
  const found = items.find((r) => r.name === name);
  if (!found) throw new Error(`no region ${name}`);
  return found;
};

describe('listing regions', () => {
  it('shows every signed-in role the twelve Viken regions by name, each with its members', async () => {
    for (const email of [
      'leser@demo.partnerskap.no',
      'naering@demo.partnerskap.no',
      'indre-ostfold@demo.partnerskap.no',
    ]) {
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/regions',
        cookie: await t.cookieFor(email),
      });
      expect(res.statusCode).toBe(200);
      const body: { items: Region[]; nextCursor: string | null } = res.json();
      expect(body.items.map((r) => r.name)).toEqual(vikenRegions);
      expect(body.nextCursor).toBeNull();
      expect(body.items.reduce((n, r) => n + r.members.length, 0)).toBe(56);
    }
  });

  it('orders members by the day they joined, then by municipality number', async () => {
    const ringerike = await regionNamed('Ringeriksregionen interkommunale politiske råd');
    expect(ringerike.members.map((m) => [m.validFrom, m.municipalityNumber, m.municipalityName])).toEqual([
      ['2020-01-01', '3007', 'Ringerike'],
      ['2020-01-01', '3038', 'Hole'],
      ['2020-01-01', '3053', 'Jevnaker'],
      ['2021-01-01', '3046', 'Krødsherad'],
      ['2021-01-01', '3047', 'Modum'],
    ]);
  });

  it('shows a municipality that sits in two regions in both, and members outside the county as such', async () => {
    const { items } = await listRegions(t.ctx(t.actors.viewer), {});
    const regionsOf = (number: string) =>
      items.filter((r) => r.members.some((m) => m.municipalityNumber === number)).map((r) => r.name);
    expect(regionsOf('3019')).toEqual([
      'Folloregionen interkommunale politiske råd',
      'Mosseregionen interkommunale politiske råd',
    ]);
    const kongsberg = items.find((r) => r.name === 'Kongsbergregionen');
    expect(kongsberg?.members.filter((m) => m.outsideCounty).map((m) => m.municipalityName)).toEqual([
      'Notodden',
      'Tinn',
      'Hjartdal',
    ]);
  });

  it('pages through the regions with an opaque cursor, without gaps or repeats', async () => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/regions?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await t.request({ method: 'GET', url, cookie });
      expect(res.statusCode).toBe(200);
      const body: { items: Region[]; nextCursor: string | null } = res.json();
      names.push(...body.items.map((r) => r.name));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(vikenRegions);
  });

  it('pages past a region with a name of the longest allowed length', async () => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    // Sorts between the Viken regions whatever the database's collation does with ø.
    const longName = `Kongsberg${'ø'.repeat(191)}`;
    const long = await createRegion(t.ctx(t.actors.admin), { name: longName });
    const all = (await listRegions(t.ctx(t.actors.viewer), { limit: 500 })).items.map((r) => r.name);
    const position = all.indexOf(longName);
    expect(position).toBeGreaterThanOrEqual(0);
    // A page that ends on the long name hands out a cursor made of it, and the next page must accept it.
    const first = await t.request({ method: 'GET', url: `/api/v1/regions?limit=${position + 1}`, cookie });
    const firstPage: { items: Region[]; nextCursor: string | null } = first.json();
    expect(firstPage.items.at(-1)?.id).toBe(long.id);
    expect(firstPage.nextCursor?.length).toBeGreaterThan(200);
    const next = await t.request({
      method: 'GET',
      url: `/api/v1/regions?limit=500&cursor=${firstPage.nextCursor}`,
      cookie,
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().items.map((r: Region) => r.name)).toEqual(all.slice(position + 1));
    await updateRegion(t.ctx(t.actors.admin), long.id, { name: 'Kortere navn', version: long.version });
  });

  it('finds regions by part of their name', async () => {
    const { items } = await listRegions(t.ctx(t.actors.region), { q: 'REGIONRÅDET FOR' });
    expect(items.map((r) => r.name)).toEqual(['Regionrådet for Hadeland', 'Regionrådet for Hallingdal']);
  });

  it('answers a bad cursor or limit with 400 on that field', async () => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    const badCursor = await t.request({ method: 'GET', url: '/api/v1/regions?cursor=%%%', cookie });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0]).toMatchObject({ field: 'cursor', code: 'validation.invalid' });
    const badLimit = await t.request({ method: 'GET', url: '/api/v1/regions?limit=0', cookie });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().errors[0].field).toBe('limit');
  });

  it("fetches a page's members in one query, however many regions the page holds", async () => {
    const adminCtx = t.ctx(t.actors.admin);
    const [municipality] = (await listMunicipalities(adminCtx, { q: '3001' })).items;
    if (!municipality) throw new Error('no Halden');
    for (let i = 0; i < 45; i++) {
      const region = await createRegion(adminCtx, { name: `Testregion ${String(i).padStart(2, '0')}` });
      await addMember(adminCtx, region.id, { municipalityId: municipality.id, validFrom: '2024-01-01' });
    }
    let selects = 0;
    // The read runs in a transaction (the read cache's fill): count the selects made through it too.
    const countSelects = <T extends object>(db: T): T =>
      new Proxy(db, {
        get(target, property, receiver) {
          if (property === 'select') selects++;
          const value: unknown = Reflect.get(target, property, receiver);
          if (property !== 'transaction' || typeof value !== 'function') return value;
          return (run: (tx: object) => Promise<unknown>, ...rest: unknown[]) =>
            value.call(target, (tx: object) => run(countSelects(tx)), ...rest);
        },
      });
    const counting = countSelects(t.database.db) as Db;
    const page = await listRegions(
      { db: counting, actor: t.actors.viewer, requestId: 'test' },
      { limit: 50 },
    );
    expect(page.items).toHaveLength(50);
    expect(
      page.items.filter((r) => r.name.startsWith('Testregion')).every((r) => r.members.length === 1),
    ).toBe(true);
    expect(page.nextCursor).not.toBeNull();
    expect(selects).toBe(2);
  });

  it('refuses anyone not signed in', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/regions' })).statusCode).toBe(401);
    await expect(listRegions(t.ctx(null), {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('one region', () => {
  it('is shown by id with all its members, and an unknown id is 404', async () => {
    const hallingdal = await regionNamed('Regionrådet for Hallingdal');
    const cookie = await t.cookieFor('hallingdal@demo.partnerskap.no');
    const res = await t.request({ method: 'GET', url: `/api/v1/regions/${hallingdal.id}`, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(hallingdal);
    expect(hallingdal).toMatchObject({ writtenStandard: 'nn' });
    expect(hallingdal.members).toHaveLength(6);
    const missing = await t.request({ method: 'GET', url: `/api/v1/regions/${unknownId}`, cookie });
    expect(missing.statusCode).toBe(404);
    const malformed = await t.request({ method: 'GET', url: '/api/v1/regions/12', cookie });
    expect(malformed.statusCode).toBe(404);
    await expect(getRegion(t.ctx(t.actors.viewer), unknownId)).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('creating a region', () => {
  it('lets the admin create a region without members, and records it', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/regions',
      cookie: admin,
      payload: { name: '  Vestfoldregionen ', writtenStandard: 'nn' },
    });
    expect(res.statusCode).toBe(201);
    const created: Region = res.json();
    expect(created).toMatchObject({
      name: 'Vestfoldregionen',
      writtenStandard: 'nn',
      version: 1,
      members: [],
    });
    const [event] = await auditOf(created.id);
    expect(event).toMatchObject({
      action: 'region.create',
      actorId: t.actors.admin.id,
      before: null,
      after: { id: created.id, name: 'Vestfoldregionen', writtenStandard: 'nn', version: 1 },
    });
    const plain = await createRegion(t.ctx(t.actors.admin), { name: 'Grenlandsrådet' });
    expect(plain.writtenStandard).toBe('nb');
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const cookie = await t.cookieFor('indre-ostfold@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createRegion(t.ctx(actor), { name: 'Ny region' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/regions',
      cookie,
      payload: { name: 'Ny region' },
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    for (const [payload, field, code] of [
      [{ name: '' }, 'name', 'validation.required'],
      [{ name: 'x'.repeat(201) }, 'name', 'validation.tooLong'],
      [{}, 'name', 'validation.required'],
      [{ name: 'Ny', writtenStandard: 'se' }, 'writtenStandard', 'validation.invalid'],
    ] as const) {
      const res = await t.request({ method: 'POST', url: '/api/v1/regions', cookie: admin, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a name that is already taken, whatever its case', async () => {
    const before = await snapshot(t.database.db);
    await expect(createRegion(t.ctx(t.actors.admin), { name: 'KONGSBERGREGIONEN' })).rejects.toMatchObject({
      code: 'validation',
      fields: [{ field: 'name', code: 'validation.nameTaken', params: {} }],
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('changing a region', () => {
  it('renames it and keeps its members, with before and after in the audit trail', async () => {
    const halden = await regionNamed('Haldenregionen');
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${halden.id}`,
      cookie: admin,
      payload: { name: 'Haldenregionen interkommunale råd', version: halden.version },
    });
    expect(res.statusCode).toBe(200);
    const renamed: Region = res.json();
    expect(renamed).toEqual({ ...halden, name: 'Haldenregionen interkommunale råd', version: 2 });
    const events = await auditOf(halden.id);
    expect(events.at(-1)).toMatchObject({
      action: 'region.update',
      actorId: t.actors.admin.id,
      before: { name: 'Haldenregionen', version: 1 },
      after: { name: 'Haldenregionen interkommunale råd', version: 2 },
    });
    const nynorsk = await updateRegion(t.ctx(t.actors.admin), halden.id, {
      writtenStandard: 'nn',
      version: 2,
    });
    expect(nynorsk).toMatchObject({
      name: 'Haldenregionen interkommunale råd',
      writtenStandard: 'nn',
      version: 3,
    });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const region = await regionNamed('Nedre Glomma regionråd');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        updateRegion(t.ctx(actor), region.id, { name: 'Glomma', version: region.version }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a stale version with 409, an unknown id with 404 and a taken name with 400', async () => {
    const region = await regionNamed('Nedre Glomma regionråd');
    await updateRegion(t.ctx(t.actors.admin), region.id, { name: 'Nedre Glomma', version: region.version });
    const staleSave = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${region.id}`,
      cookie: admin,
      payload: { name: 'Glommaregionen', version: region.version },
    });
    expect(staleSave.statusCode).toBe(409);
    expect((await getRegion(t.ctx(t.actors.admin), region.id)).name).toBe('Nedre Glomma');

    const before = await snapshot(t.database.db);
    const missing = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${unknownId}`,
      cookie: admin,
      payload: { name: 'X', version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    const taken = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${region.id}`,
      cookie: admin,
      payload: { name: 'drammensregionen', version: 2 },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ field: 'name', code: 'validation.nameTaken' });
    const empty = await t.request({
      method: 'PATCH',
      url: `/api/v1/regions/${region.id}`,
      cookie: admin,
      payload: { name: ' ', version: 2 },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'name', code: 'validation.required' });
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
