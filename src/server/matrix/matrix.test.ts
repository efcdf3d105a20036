import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { type Matrix, matrixCellCounts } from '../../shared/contracts/matrix.js';
import { newCycle } from '../general-part/general-part.fixtures.js';
import { getMatrix } from './get-matrix.js';
import {
  addContributions,
  matrixCycle,
  registryByName,
  setDepartmentActive,
  wantSubjectArea,
} from './matrix.fixtures.js';

let t: TestApp;
// Loading the demo takes a while on a busy machine.
beforeAll(async () => {
  t = await startTestApp();
}, 300_000);
afterAll(async () => t.close());

/**
 * The scenario's regions by id, with their agreements: a matrix column is known by its agreement. Filled by
 * each scenario (the same three regions each time).
 */
const agreementOfRegion = new Map<string, string>();
const column = (m: Matrix, regionId: string) =>
  m.regions.findIndex((r) => r.agreementId === agreementOfRegion.get(regionId));
const regionOfColumn = (m: Matrix, j: number) =>
  [...agreementOfRegion].find(([, agreementId]) => agreementId === m.regions[j]?.agreementId)?.[0];
const regionColumn = (m: Matrix, regionId: string) => m.regions[column(m, regionId)];

/** The cell of a row (a department, or null for the region's own) in a region's column. */
const cellOf = (m: Matrix, departmentId: string | null, regionId: string) => {
  const row = m.rows.find((r) => r.departmentId === departmentId);
  const found = row?.cells[column(m, regionId)];
  if (!found) throw new Error('no such cell');
  return matrixCellCounts(found);
};

/** Every cell with something in it, named by its row and its region. */
const filledCells = (m: Matrix) =>
  m.rows.flatMap((row) =>
    row.cells.flatMap((cell, j) => {
      const counts = matrixCellCounts(cell);
      return counts.total > 0
        ? [{ departmentId: row.departmentId, regionId: regionOfColumn(m, j), ...counts }]
        : [];
    }),
  );

const zero = { proposed: 0, discussed: 0, agreed: 0, dropped: 0 };

/** Three regions in a cycle of their own; Samferdsel and Næring contribute, the region adds its own. */
async function scenario() {
  const reg = await registryByName(t);
  const samferdsel = reg.department('Samferdsel');
  const naering = reg.department('Næring');
  const indre = reg.region('Indre Østfold');
  const hallingdal = reg.region('Hallingdal');
  const kongsberg = reg.region('Kongsberg');
  const m = await matrixCycle(t, ['Samferdsel', 'Næring', 'Kultur'], [kongsberg.id, indre.id, hallingdal.id]);
  const inIndre = m.agreementOf(indre.id);
  const inHallingdal = m.agreementOf(hallingdal.id);
  await addContributions(t, m.cycle.id, [
    {
      agreementId: inIndre,
      subjectAreaId: m.area('Samferdsel'),
      departmentId: samferdsel.id,
      status: 'proposed',
    },
    {
      agreementId: inIndre,
      subjectAreaId: m.area('Samferdsel'),
      departmentId: samferdsel.id,
      status: 'proposed',
    },
    { agreementId: inIndre, subjectAreaId: m.area('Kultur'), departmentId: samferdsel.id, status: 'agreed' },
    { agreementId: inIndre, subjectAreaId: m.area('Næring'), departmentId: samferdsel.id, status: 'dropped' },
    { agreementId: inIndre, subjectAreaId: m.area('Næring'), departmentId: null, status: 'discussed' },
    {
      agreementId: inHallingdal,
      subjectAreaId: m.area('Næring'),
      departmentId: naering.id,
      status: 'discussed',
    },
  ]);
  agreementOfRegion.clear();
  for (const region of [indre, hallingdal, kongsberg])
    agreementOfRegion.set(region.id, m.agreementOf(region.id));
  return { ...m, reg, samferdsel, naering, indre, hallingdal, kongsberg, inIndre, inHallingdal };
}

describe('the matrix', () => {
  it('counts each department’s and the region’s contributions per region by status, zeros where nothing is', async () => {
    const s = await scenario();
    const m = await getMatrix(t.ctx(t.actors.viewer), { cycle: s.cycle.id });

    expect(m.cycle).toEqual({ id: s.cycle.id, name: s.cycle.name });
    expect(m.subjectAreas).toEqual(
      [...s.areas].sort((a, b) => a.position - b.position).map((a) => ({ id: a.id, name: a.name })),
    );
    expect(m.subjectAreas.map((a) => a.id)).toEqual(
      expect.arrayContaining([s.area('Kultur'), s.area('Næring')]),
    );
    // Rows: every active department, by name; columns: the regions with an agreement, by name.
    const active = s.reg.departments.filter((d) => d.active);
    expect(m.departments.map((d) => d.name)).toEqual(active.map((d) => d.name));
    expect(m.regions.map((r) => r.name)).toEqual(
      [s.indre.name, s.hallingdal.name, s.kongsberg.name].sort((a, b) => a.localeCompare(b, 'nb')),
    );
    expect(regionColumn(m, s.indre.id)?.agreementId).toBe(s.inIndre);
    expect(Object.keys(m.regions[0] ?? {}).sort()).toEqual([
      'agreementId',
      'name',
      'unansweredSubjectAreaIds',
    ]);
    // A row for every department, in the order of `departments`, and the region's own last; a cell in
    // every row for every region.
    expect(m.rows.map((r) => r.departmentId)).toEqual([...m.departments.map((d) => d.id), null]);
    for (const row of m.rows) expect(row.cells).toHaveLength(3);

    expect(cellOf(m, s.samferdsel.id, s.indre.id)).toEqual({
      proposed: 2,
      discussed: 0,
      agreed: 1,
      dropped: 1,
      total: 4,
    });
    expect(cellOf(m, null, s.indre.id)).toEqual({ ...zero, discussed: 1, total: 1 });
    // On the wire a cell is its counts in the statuses' order: [proposed, discussed, agreed, dropped].
    const regionRow = m.rows.find((r) => r.departmentId === null);
    expect(regionRow?.cells[column(m, s.indre.id)]).toEqual([0, 1, 0, 0]);
    expect(cellOf(m, s.naering.id, s.hallingdal.id)).toEqual({ ...zero, discussed: 1, total: 1 });
    // Nothing yet: present, with zeros.
    expect(cellOf(m, s.naering.id, s.indre.id)).toEqual({ ...zero, total: 0 });
    expect(cellOf(m, s.samferdsel.id, s.kongsberg.id)).toEqual({ ...zero, total: 0 });
    expect(cellOf(m, null, s.kongsberg.id).total).toBe(0);
  });

  it('filters by status and subject area, repeated or as comma lists', async () => {
    const s = await scenario();
    const byStatus = await getMatrix(t.ctx(t.actors.admin), {
      cycle: s.cycle.id,
      status: ['agreed', 'discussed'],
    });
    expect(cellOf(byStatus, s.samferdsel.id, s.indre.id)).toEqual({ ...zero, agreed: 1, total: 1 });
    expect(cellOf(byStatus, null, s.indre.id).total).toBe(1);

    const byArea = await getMatrix(t.ctx(t.actors.admin), {
      cycle: s.cycle.id,
      subjectArea: `${s.area('Samferdsel')},${s.area('Næring')}`,
    });
    expect(cellOf(byArea, s.samferdsel.id, s.indre.id)).toEqual({
      ...zero,
      proposed: 2,
      dropped: 1,
      total: 3,
    });
    expect(cellOf(byArea, s.naering.id, s.hallingdal.id).total).toBe(1);

    const both = await getMatrix(t.ctx(t.actors.admin), {
      cycle: s.cycle.id,
      subjectArea: s.area('Næring'),
      status: 'dropped',
    });
    expect(filledCells(both)).toEqual([
      expect.objectContaining({ departmentId: s.samferdsel.id, regionId: s.indre.id, total: 1 }),
    ]);
    // The rows and columns stay: a filter empties cells, it does not hide who has nothing.
    const shape = (m: Matrix) => m.rows.map((r) => [r.departmentId, r.cells.length]);
    expect(shape(both)).toEqual(shape(byStatus));
  });

  it('lists per region the wanted subject areas no department has answered, dropped ones not counting', async () => {
    const s = await scenario();
    // Indre Østfold wants all three: Samferdsel and Kultur are answered by Samferdsel; Næring has only a
    // dropped department contribution and the region's own, so it is still unanswered.
    for (const name of ['Kultur', 'Næring', 'Samferdsel']) await wantSubjectArea(t, s.inIndre, s.area(name));
    // Hallingdal wants Næring (answered by Næring, though only discussed) and Kultur (nothing).
    await wantSubjectArea(t, s.inHallingdal, s.area('Kultur'));
    await wantSubjectArea(t, s.inHallingdal, s.area('Næring'));

    const m = await getMatrix(t.ctx(t.actors.region), { cycle: s.cycle.id });
    const unanswered = (regionId: string) => regionColumn(m, regionId)?.unansweredSubjectAreaIds;
    expect(unanswered(s.indre.id)).toEqual([s.area('Næring')]);
    expect(unanswered(s.hallingdal.id)).toEqual([s.area('Kultur')]);
    expect(unanswered(s.kongsberg.id)).toEqual([]);

    // The status filter does not change what is unanswered; the subject area filter narrows it.
    const agreedOnly = await getMatrix(t.ctx(t.actors.region), { cycle: s.cycle.id, status: 'agreed' });
    expect(regionColumn(agreedOnly, s.indre.id)?.unansweredSubjectAreaIds).toEqual([s.area('Næring')]);
    const samferdselOnly = await getMatrix(t.ctx(t.actors.region), {
      cycle: s.cycle.id,
      subjectArea: s.area('Samferdsel'),
    });
    expect(samferdselOnly.regions.every((r) => r.unansweredSubjectAreaIds.length === 0)).toBe(true);

    // Once a department answers, the wish is no longer listed (the cached matrix sees the write).
    await addContributions(t, s.cycle.id, [
      {
        agreementId: s.inIndre,
        subjectAreaId: s.area('Næring'),
        departmentId: s.naering.id,
        status: 'proposed',
      },
    ]);
    const after = await getMatrix(t.ctx(t.actors.region), { cycle: s.cycle.id });
    expect(regionColumn(after, s.indre.id)?.unansweredSubjectAreaIds).toEqual([]);
    expect(cellOf(after, s.naering.id, s.indre.id)).toEqual({ ...zero, proposed: 1, total: 1 });
  });

  it('keeps an inactive department as a row only while it owns contributions in the cycle', async () => {
    const s = await scenario();
    const kultur = s.reg.department('Kultur');
    await setDepartmentActive(t, s.naering.id, false);
    await setDepartmentActive(t, kultur.id, false);
    try {
      const m = await getMatrix(t.ctx(t.actors.admin), { cycle: s.cycle.id });
      expect(m.departments.find((d) => d.id === s.naering.id)).toEqual({
        id: s.naering.id,
        name: s.naering.name,
        active: false,
      });
      expect(m.departments.some((d) => d.id === kultur.id)).toBe(false);
    } finally {
      await setDepartmentActive(t, s.naering.id, true);
      await setDepartmentActive(t, kultur.id, true);
    }
  });

  it('shows a cycle without agreements as departments without columns', async () => {
    const { cycle } = await newCycle(t);
    const m = await getMatrix(t.ctx(t.actors.department), { cycle: cycle.id });
    expect(m.regions).toEqual([]);
    expect(m.rows.map((r) => r.departmentId)).toEqual([...m.departments.map((d) => d.id), null]);
    expect(m.rows.flatMap((r) => r.cells)).toEqual([]);
    expect(m.departments.length).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/matrix', () => {
  it('answers everyone signed in, with repeated query parameters', async () => {
    const s = await scenario();
    for (const email of [
      'leser@demo.partnerskap.no',
      'hallingdal@demo.partnerskap.no',
      'naering@demo.partnerskap.no',
    ]) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/matrix?cycle=${s.cycle.id}&status=proposed&status=agreed`,
        cookie: await t.cookieFor(email),
      });
      expect(res.statusCode).toBe(200);
      const m = res.json() as Matrix;
      expect(cellOf(m, s.samferdsel.id, s.indre.id)).toEqual({ ...zero, proposed: 2, agreed: 1, total: 3 });
    }
    const anonymous = await t.request({ method: 'GET', url: `/api/v1/matrix?cycle=${s.cycle.id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad filters with 400 and the field, and an unknown cycle with 404', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const other = await scenario();
    const s = await scenario();
    const bad = async (query: string, field: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/matrix${query}`, cookie });
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { code: string; errors: { field: string }[] };
      expect(body.code).toBe('validation');
      // A bad value in a list is named with its place: `status.1`.
      expect(
        body.errors.some((e) => e.field === field || e.field.startsWith(`${field}.`)),
        query,
      ).toBe(true);
    };
    await bad('', 'cycle');
    await bad('?cycle=nope', 'cycle');
    await bad(`?cycle=${s.cycle.id}&status=finished`, 'status');
    await bad(`?cycle=${s.cycle.id}&status=agreed,,maybe`, 'status');
    await bad(`?cycle=${s.cycle.id}&subjectArea=not-an-id`, 'subjectArea');
    // A subject area of another cycle is not one of this cycle's.
    await bad(`?cycle=${s.cycle.id}&subjectArea=${other.area('Kultur')}`, 'subjectArea');

    const missing = await t.request({
      method: 'GET',
      url: '/api/v1/matrix?cycle=00000000-0000-4000-8000-000000000000',
      cookie,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('serves a repeated read from the cache, compressed, until something is written', async () => {
    const s = await scenario();
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const url = `/api/v1/matrix?cycle=${s.cycle.id}`;
    const first = await t.request({ method: 'GET', url, cookie, headers: { 'accept-encoding': 'gzip' } });
    const second = await t.request({ method: 'GET', url, cookie, headers: { 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);

    await addContributions(t, s.cycle.id, [
      { agreementId: s.inHallingdal, subjectAreaId: s.area('Kultur'), departmentId: s.samferdsel.id },
    ]);
    const third = await t.request({ method: 'GET', url, cookie });
    expect(cellOf(third.json() as Matrix, s.samferdsel.id, s.hallingdal.id).proposed).toBe(1);
  });
});
