import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { defaultSubjectAreas, type SubjectArea } from '../../shared/contracts/agreements.js';
import { newCycle } from '../general-part/general-part.fixtures.js';
import { auditOf, oneAgreement, unknownId } from './agreement.fixtures.js';
import { markSubjectArea } from './wanted-subject-areas.js';

let t: TestApp;
let admin: string;
let others: { viewer: string; department: string; region: string };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  others = {
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
}, 300_000);
afterAll(async () => t.close());

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie = admin) =>
  t.request({ method, url, cookie, ...(payload === undefined ? {} : { payload: payload as object }) });

async function areasOf(cycleId: string, cookie = admin): Promise<SubjectArea[]> {
  const res = await t.request({ method: 'GET', url: `/api/v1/cycles/${cycleId}/subject-areas`, cookie });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: SubjectArea[] }).items;
}
const names = (areas: SubjectArea[]) => areas.map((a) => a.name);

async function expectRefused(
  request: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
) {
  const before = await snapshot(t.database.db);
  const res = await request();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(await snapshot(t.database.db)).toBe(before);
  return res.json() as { code: string; errors?: { field: string; code: string; message: string }[] };
}

describe('subject areas of a cycle', () => {
  it('a new cycle starts with the default subject areas, in order, audited with the cycle', async () => {
    const { cycle } = await newCycle(t);
    const areas = await areasOf(cycle.id, others.region);
    expect(names(areas)).toEqual([...defaultSubjectAreas]);
    expect(areas.map((a) => a.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(names(areas)).toEqual([
      'Samferdsel',
      'Utdanning og kompetanse',
      'Næring',
      'Klima og miljø',
      'Kultur',
      'Folkehelse',
    ]);
    const [first] = areas;
    if (!first) throw new Error('none');
    expect(await auditOf(t, 'subjectArea', first.id)).toMatchObject([{ action: 'subjectArea.create' }]);
  });

  it('admin adds one last or at a place, renames and reorders them', async () => {
    const { cycle } = await newCycle(t);
    const url = `/api/v1/cycles/${cycle.id}/subject-areas`;
    const last = await send('POST', url, { name: 'Arealplanlegging', description: 'Plan og areal.' });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toMatchObject({
      name: 'Arealplanlegging',
      description: 'Plan og areal.',
      position: 6,
    });
    const second = await send('POST', url, { name: 'Digitalisering', position: 1 });
    expect(second.json()).toMatchObject({ position: 1, description: null });
    expect(names(await areasOf(cycle.id))).toEqual([
      'Samferdsel',
      'Digitalisering',
      'Utdanning og kompetanse',
      'Næring',
      'Klima og miljø',
      'Kultur',
      'Folkehelse',
      'Arealplanlegging',
    ]);

    const area = second.json() as SubjectArea;
    // Down one place, then to the top, then past the end (it goes last).
    const down = await send('PATCH', `/api/v1/subject-areas/${area.id}`, {
      position: 2,
      version: area.version,
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(names(await areasOf(cycle.id)).slice(0, 3)).toEqual([
      'Samferdsel',
      'Utdanning og kompetanse',
      'Digitalisering',
    ]);
    const top = await send('PATCH', `/api/v1/subject-areas/${area.id}`, { position: 0, version: 2 });
    expect(top.json()).toMatchObject({ position: 0, version: 3 });
    const end = await send('PATCH', `/api/v1/subject-areas/${area.id}`, {
      position: 99,
      name: 'Digital omstilling',
      version: 3,
    });
    expect(end.json()).toMatchObject({ name: 'Digital omstilling', position: 7 });
    const after = await areasOf(cycle.id);
    expect(after.map((a) => a.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(after.at(-1)?.name).toBe('Digital omstilling');
    expect((await auditOf(t, 'subjectArea', area.id)).map((e) => e.action)).toEqual([
      'subjectArea.create',
      'subjectArea.update',
      'subjectArea.update',
      'subjectArea.update',
    ]);
  });

  it('keeps the order whole when two moves in the same cycle run at once', async () => {
    const { cycle } = await newCycle(t);
    const [first, , , , , last] = await areasOf(cycle.id);
    if (!first || !last) throw new Error('none');
    const [a, b] = await Promise.all([
      send('PATCH', `/api/v1/subject-areas/${first.id}`, { position: 5, version: first.version }),
      send('PATCH', `/api/v1/subject-areas/${last.id}`, { position: 0, version: last.version }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const after = await areasOf(cycle.id);
    expect(after.map((x) => x.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(after.map((x) => x.id)).size).toBe(6);
  });

  it('refuses a duplicate name, a missing name, a stale version, unknown ids and everyone but the admin', async () => {
    const { cycle } = await newCycle(t);
    const url = `/api/v1/cycles/${cycle.id}/subject-areas`;
    const [first] = await areasOf(cycle.id);
    if (!first) throw new Error('none');
    const dup = await expectRefused(() => send('POST', url, { name: 'samferdsel' }), 400);
    expect(dup.errors?.[0]).toMatchObject({ field: 'name', code: 'validation.nameTaken' });
    const missing = await expectRefused(() => send('POST', url, { name: ' ' }), 400);
    expect(missing.errors?.[0]).toMatchObject({ field: 'name', code: 'validation.required' });
    await expectRefused(() => send('POST', url, { name: 'Ny', position: -1 }), 400);
    await expectRefused(() => send('POST', `/api/v1/cycles/${unknownId}/subject-areas`, { name: 'Ny' }), 404);
    const rename = await expectRefused(
      () => send('PATCH', `/api/v1/subject-areas/${first.id}`, { name: 'Næring', version: first.version }),
      400,
    );
    expect(rename.errors?.[0]).toMatchObject({ field: 'name', code: 'validation.nameTaken' });
    await expectRefused(
      () => send('PATCH', `/api/v1/subject-areas/${first.id}`, { name: 'Veg', version: 5 }),
      409,
    );
    await expectRefused(() => send('PATCH', `/api/v1/subject-areas/${first.id}`, { name: 'Veg' }), 400);
    await expectRefused(
      () => send('PATCH', `/api/v1/subject-areas/${unknownId}`, { name: 'Veg', version: 1 }),
      404,
    );
    for (const cookie of [others.viewer, others.department, others.region]) {
      await expectRefused(() => send('POST', url, { name: 'Ny' }, cookie), 403);
      await expectRefused(
        () => send('PATCH', `/api/v1/subject-areas/${first.id}`, { name: 'Veg', version: 1 }, cookie),
        403,
      );
      await expectRefused(() => send('DELETE', `/api/v1/subject-areas/${first.id}`, undefined, cookie), 403);
    }
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/cycles/${unknownId}/subject-areas`, cookie: admin }))
        .statusCode,
    ).toBe(404);
  });

  it('deletes an unused subject area and closes the gap; refuses one a region wants, and a stale version', async () => {
    const { cycle, agreement } = await oneAgreement(t, 'Indre Østfold regionråd');
    const [, second, third] = await areasOf(cycle.id);
    if (!second || !third) throw new Error('none');
    await markSubjectArea(t.ctx(t.actors.region), agreement.id, third.id, {
      justification: 'Vi vil ha det.',
    });
    const used = await expectRefused(() => send('DELETE', `/api/v1/subject-areas/${third.id}`), 409);
    expect(used).toMatchObject({ code: 'inUse' });
    expect(used.errors?.[0]).toMatchObject({ code: 'validation.subjectAreaInUse' });
    expect(used.errors?.[0]?.message).toContain('ønsket av 1 regioner');

    await expectRefused(() => send('DELETE', `/api/v1/subject-areas/${second.id}?version=9`), 409);
    const res = await send('DELETE', `/api/v1/subject-areas/${second.id}?version=${second.version}`);
    expect(res.statusCode).toBe(204);
    const after = await areasOf(cycle.id);
    expect(names(after)).not.toContain(second.name);
    expect(after.map((a) => a.position)).toEqual([0, 1, 2, 3, 4]);
    expect((await auditOf(t, 'subjectArea', second.id)).at(-1)).toMatchObject({
      action: 'subjectArea.delete',
    });
    await expectRefused(() => send('DELETE', `/api/v1/subject-areas/${second.id}`), 404);
  });
});
