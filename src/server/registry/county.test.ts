import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { auditEvents } from '../audit/audit.table.js';
import { getCounty } from './get-county.js';
import { updateCounty } from './update-county.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => t.close());

describe('the county', () => {
  it('is shown to every signed-in role, and to nobody else', async () => {
    for (const email of [
      'leser@demo.partnerskap.no',
      'naering@demo.partnerskap.no',
      'hallingdal@demo.partnerskap.no',
    ]) {
      const res = await t.request({ method: 'GET', url: '/api/v1/county', cookie: await t.cookieFor(email) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ name: 'Viken fylkeskommune', number: '30', version: 1 });
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/county' })).statusCode).toBe(401);
  });

  it('refuses a change from every role but admin, and changes nothing', async () => {
    const cookie = await t.cookieFor('samferdsel@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        updateCounty(t.ctx(actor), { name: 'Akershus fylkeskommune', number: '32', version: 1 }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    const res = await t.request({
      method: 'PATCH',
      url: '/api/v1/county',
      cookie,
      payload: { name: 'Akershus fylkeskommune', number: '32', version: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    for (const [payload, field, code] of [
      [{ name: '', number: '30', version: 1 }, 'name', 'validation.required'],
      [{ name: 'x'.repeat(201), number: '30', version: 1 }, 'name', 'validation.tooLong'],
      [{ name: 'Viken', number: '3', version: 1 }, 'number', 'validation.countyNumber'],
      [{ name: 'Viken', number: '300', version: 1 }, 'number', 'validation.countyNumber'],
      [{ name: 'Viken', number: '30' }, 'version', 'validation.version'],
    ] as const) {
      const res = await t.request({ method: 'PATCH', url: '/api/v1/county', cookie: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('lets the admin rename it, records before and after, and refuses a stale save with 409', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: '/api/v1/county',
      cookie: admin,
      payload: { name: ' Akershus fylkeskommune ', number: '32', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'Akershus fylkeskommune', number: '32', version: 2 });
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'county'), eq(auditEvents.action, 'county.update')))
      .orderBy(asc(auditEvents.id));
    expect(events.at(-1)).toMatchObject({
      entityId: 'county',
      actorId: t.actors.admin.id,
      before: { name: 'Viken fylkeskommune', number: '30', version: 1 },
      after: { name: 'Akershus fylkeskommune', number: '32', version: 2 },
    });

    const before = await snapshot(t.database.db);
    const staleSave = await t.request({
      method: 'PATCH',
      url: '/api/v1/county',
      cookie: admin,
      payload: { name: 'Viken fylkeskommune', number: '30', version: 1 },
    });
    expect(staleSave.statusCode).toBe(409);
    expect(await snapshot(t.database.db)).toBe(before);
    expect(await getCounty(t.ctx(t.actors.viewer))).toEqual({
      name: 'Akershus fylkeskommune',
      number: '32',
      version: 2,
    });
  });
});
