import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { createMunicipality } from './create-municipality.js';
import { getMunicipality } from './get-municipality.js';
import { listMunicipalities } from './list-municipalities.js';
import { updateMunicipality } from './update-municipality.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';
const auditOf = (entityId: string) => auditTrail(t, 'municipality', entityId);
const byNumber = async (number: string) => {
  const { items } = await listMunicipalities(t.ctx(t.actors.admin), { q: number });
  const found = items.find((m) => m.number === number);
  if (!found) throw new Error(`no municipality ${number}`);
  return found;
};

describe('listing municipalities', () => {
  it('shows every signed-in role all 56 Viken municipalities in number order, page by page', async () => {
    for (const email of [
      'leser@demo.partnerskap.no',
      'samferdsel@demo.partnerskap.no',
      'hallingdal@demo.partnerskap.no',
    ]) {
      const cookie = await t.cookieFor(email);
      const numbers: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/municipalities?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await t.request({ method: 'GET', url, cookie });
        expect(res.statusCode).toBe(200);
        const body: { items: { number: string }[]; nextCursor: string | null } = res.json();
        numbers.push(...body.items.map((m) => m.number));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(numbers).toHaveLength(56);
      expect(numbers).toEqual([...numbers].sort());
      expect(new Set(numbers).size).toBe(56);
    }
  });

  it('finds municipalities by part of the name, whatever its case, or by the start of the number', async () => {
    const viewer = t.ctx(t.actors.viewer);
    const byName = await listMunicipalities(viewer, { q: 'EIKER' });
    expect(byName.items.map((m) => m.name)).toEqual(['Øvre Eiker']);
    const byPrefix = await listMunicipalities(viewer, { q: '380' });
    expect(byPrefix.items.map((m) => m.number)).toEqual(['3802', '3808']);
    // The user's own wildcard is taken literally.
    expect((await listMunicipalities(viewer, { q: '%' })).items).toEqual([]);
  });

  it('shows a municipality outside the county with its own county', async () => {
    const notodden = await byNumber('3808');
    expect(notodden).toMatchObject({
      name: 'Notodden',
      outsideCounty: true,
      countyNumber: '38',
      countyName: 'Vestfold og Telemark',
    });
  });

  it('answers a cursor it did not make with 400 on the field cursor', async () => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    for (const cursor of ['not-a-cursor', Buffer.from('["a","b"]').toString('base64url')]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/municipalities?cursor=${cursor}`, cookie });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: 'cursor',
          code: 'validation.invalid',
          message: 'Verdien passer ikke her. Sjekk det som er skrevet eller valgt.',
        },
      ]);
    }
  });

  it('refuses anyone not signed in', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/municipalities' });
    expect(res.statusCode).toBe(401);
    await expect(listMunicipalities(t.ctx(null), {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('one municipality', () => {
  it('is shown by id, and an unknown id is 404', async () => {
    const halden = await byNumber('3001');
    const cookie = await t.cookieFor('indre-ostfold@demo.partnerskap.no');
    const res = await t.request({ method: 'GET', url: `/api/v1/municipalities/${halden.id}`, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(halden);
    const missing = await t.request({ method: 'GET', url: `/api/v1/municipalities/${unknownId}`, cookie });
    expect(missing.statusCode).toBe(404);
    await expect(getMunicipality(t.ctx(t.actors.viewer), 'not-a-uuid')).rejects.toMatchObject({
      code: 'notFound',
    });
  });
});

describe('registering a municipality', () => {
  it('lets the admin register one, and records it in the audit trail', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/municipalities',
      cookie: admin,
      payload: {
        number: ' 3201 ',
        name: ' Bærum ',
        validFrom: '2024-01-01',
        countyNumber: '32',
        countyName: 'Akershus',
        outsideCounty: true,
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      number: '3201',
      name: 'Bærum',
      validFrom: '2024-01-01',
      validTo: null,
      outsideCounty: true,
      countyNumber: '32',
      countyName: 'Akershus',
      version: 1,
    });
    const [event] = await auditOf(created.id);
    expect(event).toMatchObject({
      action: 'municipality.create',
      actorId: t.actors.admin.id,
      before: null,
      after: created,
    });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const viewer = await t.cookieFor('leser@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        createMunicipality(t.ctx(actor), { number: '3299', name: 'Ny kommune' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/municipalities',
      cookie: viewer,
      payload: { number: '3299', name: 'Ny kommune' },
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ number: '301', name: 'Kort' }, 'number', 'validation.municipalityNumber'],
      [{ number: '30011', name: 'Lang' }, 'number', 'validation.municipalityNumber'],
      [{ number: 'abcd', name: 'Bokstaver' }, 'number', 'validation.municipalityNumber'],
      [{ name: 'Uten nummer' }, 'number', 'validation.required'],
      [{ number: '3298', name: '' }, 'name', 'validation.required'],
      [{ number: '3298', name: '   ' }, 'name', 'validation.required'],
      [{ number: '3298', name: 'x'.repeat(201) }, 'name', 'validation.tooLong'],
      [{ number: '3298', name: 'X', validFrom: '2024-02-30' }, 'validFrom', 'validation.date'],
      [
        { number: '3298', name: 'X', validFrom: '2024-01-01', validTo: '2023-12-31' },
        'validTo',
        'validation.endBeforeStart',
      ],
      [
        { number: '3298', name: 'X', validFrom: '2024-01-01', validTo: '2024-01-01' },
        'validTo',
        'validation.endBeforeStart',
      ],
      [{ number: '3298', name: 'X', countyNumber: '3' }, 'countyNumber', 'validation.countyNumber'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/municipalities', cookie: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors, JSON.stringify(payload)).toContainEqual(
        expect.objectContaining({ field, code }),
      );
      await expect(createMunicipality(t.ctx(t.actors.admin), payload)).rejects.toMatchObject({
        code: 'validation',
        fields: expect.arrayContaining([expect.objectContaining({ field, code })]),
      });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a number that is already registered, on the field number', async () => {
    const before = await snapshot(t.database.db);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/municipalities',
      cookie: admin,
      payload: { number: '3001', name: 'Halden igjen' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'number', code: 'validation.numberTaken', message: 'Kommunenummeret er allerede registrert.' },
    ]);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('changing a municipality', () => {
  it('changes what is given, keeps the rest, and records before and after', async () => {
    const admin_ = t.ctx(t.actors.admin);
    const m = await createMunicipality(admin_, {
      number: '3205',
      name: 'Lillestrom',
      validFrom: '2024-01-01',
      countyNumber: '32',
      countyName: 'Akershus',
    });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/municipalities/${m.id}`,
      cookie: admin,
      payload: { name: 'Lillestrøm', validTo: '2030-01-01', version: m.version },
    });
    expect(res.statusCode).toBe(200);
    const changed = res.json();
    expect(changed).toEqual({ ...m, name: 'Lillestrøm', validTo: '2030-01-01', version: 2 });
    const events = await auditOf(m.id);
    expect(events.map((e) => e.action)).toEqual(['municipality.create', 'municipality.update']);
    expect(events[1]).toMatchObject({ before: m, after: changed, actorId: t.actors.admin.id });

    const cleared = await updateMunicipality(admin_, m.id, { countyName: null, validTo: null, version: 2 });
    expect(cleared).toMatchObject({ countyName: null, validTo: null, validFrom: '2024-01-01', version: 3 });
  });

  it('refuses an end date before the stored start date, on the field validTo', async () => {
    const halden = await byNumber('3001');
    const before = await snapshot(t.database.db);
    await expect(
      updateMunicipality(t.ctx(t.actors.admin), halden.id, {
        validTo: '2019-12-31',
        version: halden.version,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: [{ field: 'validTo', code: 'validation.endBeforeStart', params: {} }],
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a number that another municipality has, on the field number', async () => {
    const moss = await byNumber('3002');
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/municipalities/${moss.id}`,
      cookie: admin,
      payload: { number: '3001', version: moss.version },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'number', code: 'validation.numberTaken' });
    expect(await getMunicipality(t.ctx(t.actors.admin), moss.id)).toEqual(moss);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const moss = await byNumber('3002');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        updateMunicipality(t.ctx(actor), moss.id, { name: 'Mossa', version: moss.version }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a save from a stale version with 409 and keeps the first save', async () => {
    const admin_ = t.ctx(t.actors.admin);
    const m = await createMunicipality(admin_, { number: '3207', name: 'Nordre Follo' });
    await updateMunicipality(admin_, m.id, { name: 'Nordre  Follo kommune', version: m.version });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/municipalities/${m.id}`,
      cookie: admin,
      payload: { name: 'Follo', version: m.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale');
    expect(await getMunicipality(admin_, m.id)).toMatchObject({ name: 'Nordre  Follo kommune', version: 2 });
  });

  it('answers 404 for an unknown id, and 400 with the field for bad input', async () => {
    const missing = await t.request({
      method: 'PATCH',
      url: `/api/v1/municipalities/${unknownId}`,
      cookie: admin,
      payload: { name: 'X', version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    const halden = await byNumber('3001');
    const before = await snapshot(t.database.db);
    for (const [payload, field] of [
      [{ name: '', version: halden.version }, 'name'],
      [{ number: '12345', version: halden.version }, 'number'],
      [{ name: 'Halden' }, 'version'],
    ] as const) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/municipalities/${halden.id}`,
        cookie: admin,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
