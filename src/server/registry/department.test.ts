import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { auditEvents } from '../audit/audit.table.js';
import { createDepartment } from './create-department.js';
import { listDepartments } from './list-departments.js';
import { updateDepartment } from './update-department.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('departments', () => {
  it('lists the seven Viken departments to everyone signed in', async () => {
    for (const actor of [t.actors.admin, t.actors.viewer, t.actors.department, t.actors.region]) {
      const { items } = await listDepartments(t.ctx(actor));
      expect(items).toHaveLength(7);
      expect(items.map((d) => d.name)).toContain('Samferdsel');
    }
  });

  it('lets the admin create a department and records who did it', async () => {
    const created = await createDepartment(t.ctx(t.actors.admin), { name: '  Digitalisering ' });
    expect(created).toMatchObject({ name: 'Digitalisering', active: true, version: 1 });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'department'), eq(auditEvents.entityId, created.id)));
    expect(event).toMatchObject({ action: 'department.create', actorId: t.actors.admin.id, before: null });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createDepartment(t.ctx(actor), { name: 'Ny' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    await expect(createDepartment(t.ctx(null), { name: 'Ny' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    for (const payload of [{ name: '' }, { name: 'x'.repeat(201) }, {}, { name: 42 }]) {
      const res = await t.request({ method: 'POST', url: '/api/v1/departments', payload, cookie });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field).toBe('name');
    }
    const tooLong = await t.request({
      method: 'POST',
      url: '/api/v1/departments',
      payload: { name: 'x'.repeat(201) },
      cookie,
    });
    expect(tooLong.json().errors[0].message).toBe('Teksten kan være høyst 200 tegn.');
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a name that is already taken, whatever its case', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/departments',
      payload: { name: 'samferdsel' },
      cookie: await t.cookieFor('admin@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'name', code: 'validation.nameTaken', message: 'Navnet er allerede i bruk.' },
    ]);
  });

  it('refuses a save from a stale version with 409 and keeps the first save', async () => {
    const admin = t.ctx(t.actors.admin);
    const d = await createDepartment(admin, { name: 'Eiendom' });
    await updateDepartment(admin, d.id, { name: 'Eiendom og bygg', version: d.version });
    await expect(updateDepartment(admin, d.id, { name: 'Bygg', version: d.version })).rejects.toMatchObject({
      code: 'stale',
    });
    const { items } = await listDepartments(admin);
    expect(items.find((x) => x.id === d.id)).toMatchObject({ name: 'Eiendom og bygg', version: 2 });
  });

  it('answers 404 for an unknown id', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: '/api/v1/departments/7d3e6b4e-0000-4000-8000-000000000000',
      payload: { name: 'X', version: 1 },
      cookie: await t.cookieFor('admin@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'notFound', title: 'Fant ikke det du lette etter.' });
  });
});
