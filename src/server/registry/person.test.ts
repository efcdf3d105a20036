import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { Person } from '../../shared/contracts/registry.js';
import { users } from '../users/user.table.js';
import { createPerson } from './create-person.js';
import { deletePerson } from './delete-person.js';
import { getPerson } from './get-person.js';
import { listPeople } from './list-people.js';
import { updatePerson } from './update-person.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';
const adminCtx = () => t.ctx(t.actors.admin);
const auditOf = (entityId: string) => auditTrail(t, 'person', entityId);

describe('listing people', () => {
  it('shows every signed-in role the people by name, page by page, without gaps or repeats', async () => {
    // Two people with the same name: the id keeps their order, and the cursor, stable.
    await createPerson(adminCtx(), { name: 'Kari Nordmann', organisation: 'Hole kommune' });
    await createPerson(adminCtx(), { name: 'Kari Nordmann', organisation: 'Gol kommune' });
    const everybody = (await listPeople(adminCtx(), { limit: 500 })).items;
    expect(everybody.length).toBeGreaterThan(20);
    for (const email of [
      'leser@demo.partnerskap.no',
      'samferdsel@demo.partnerskap.no',
      'hallingdal@demo.partnerskap.no',
    ]) {
      const cookie = await t.cookieFor(email);
      const seen: Person[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/people?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await t.request({ method: 'GET', url, cookie });
        expect(res.statusCode).toBe(200);
        const body: { items: Person[]; nextCursor: string | null } = res.json();
        expect(body.items.length).toBeLessThanOrEqual(7);
        seen.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(everybody);
    }
    const karis = everybody.filter((p) => p.name === 'Kari Nordmann');
    expect(karis.map((p) => p.id)).toEqual(karis.map((p) => p.id).sort());
  });

  it('pages past a person with a name of the longest allowed length', async () => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    // Sorts between the demo people whatever the database's collation does with å.
    const long = await createPerson(adminCtx(), { name: `Kontaktperson ${'å'.repeat(186)}` });
    const all = (await listPeople(adminCtx(), { limit: 500 })).items;
    const position = all.findIndex((p) => p.id === long.id);
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThan(all.length - 1);
    const first = await t.request({ method: 'GET', url: `/api/v1/people?limit=${position + 1}`, cookie });
    const firstPage: { items: Person[]; nextCursor: string | null } = first.json();
    expect(firstPage.items.at(-1)?.id).toBe(long.id);
    expect(firstPage.nextCursor?.length).toBeGreaterThan(200);
    const next = await t.request({
      method: 'GET',
      url: `/api/v1/people?limit=500&cursor=${firstPage.nextCursor}`,
      cookie,
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().items).toEqual(all.slice(position + 1));
    await deletePerson(adminCtx(), long.id);
  });

  it('finds people by part of their name, e-mail or organisation', async () => {
    const viewer = t.ctx(t.actors.viewer);
    const byName = await listPeople(viewer, { q: 'nordmann' });
    expect(byName.items.map((p) => p.organisation)).toHaveLength(2);
    const byOrganisation = await listPeople(viewer, { q: 'GOL KOMMUNE' });
    expect(byOrganisation.items.map((p) => p.name)).toEqual(['Kari Nordmann']);
    const byEmail = await listPeople(viewer, { q: 'leser@demo' });
    expect(byEmail.items.map((p) => p.email)).toEqual(['leser@demo.partnerskap.no']);
    expect((await listPeople(viewer, { q: '_' })).items).toEqual([]);
  });

  it('answers a cursor it did not make with 400 on the field cursor', async () => {
    const forged = Buffer.from(JSON.stringify(['Kari', 'not-a-uuid'])).toString('base64url');
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/people?cursor=${forged}`,
      cookie: await t.cookieFor('leser@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'cursor', code: 'validation.invalid' });
  });
});

describe('one person', () => {
  it('is shown by id, and an unknown id is 404', async () => {
    const person = await createPerson(adminCtx(), { name: 'Ola Hansen' });
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    const res = await t.request({ method: 'GET', url: `/api/v1/people/${person.id}`, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(person);
    const missing = await t.request({ method: 'GET', url: `/api/v1/people/${unknownId}`, cookie });
    expect(missing.statusCode).toBe(404);
    await expect(getPerson(adminCtx(), 'Ola')).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('registering a person', () => {
  it('lets the admin register a person with tidy contact details, and records it', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/people',
      cookie: admin,
      payload: {
        name: ' Siri Berg ',
        email: ' Siri.Berg@Ringerike.kommune.no ',
        organisation: 'Ringerike kommune',
        phone: '+47 32 11 74 00',
      },
    });
    expect(res.statusCode).toBe(201);
    const created: Person = res.json();
    expect(created).toMatchObject({
      name: 'Siri Berg',
      email: 'siri.berg@ringerike.kommune.no',
      organisation: 'Ringerike kommune',
      phone: '+47 32 11 74 00',
      version: 1,
    });
    const [event] = await auditOf(created.id);
    expect(event).toMatchObject({
      action: 'person.create',
      actorId: t.actors.admin.id,
      before: null,
      after: created,
    });
    const bare = await createPerson(adminCtx(), { name: 'Per Bare', email: '', organisation: '', phone: '' });
    expect(bare).toMatchObject({ email: null, organisation: null, phone: null });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const cookie = await t.cookieFor('samferdsel@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createPerson(t.ctx(actor), { name: 'Ny' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const res = await t.request({ method: 'POST', url: '/api/v1/people', cookie, payload: { name: 'Ny' } });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    for (const [payload, field, code] of [
      [{ name: '' }, 'name', 'validation.required'],
      [{ name: 'x'.repeat(201) }, 'name', 'validation.tooLong'],
      [{ name: 'Ny', email: 'ikke-en-adresse' }, 'email', 'validation.email'],
      [{ name: 'Ny', email: `${'x'.repeat(250)}@a.no` }, 'email', 'validation.tooLong'],
      [{ name: 'Ny', phone: 'ring meg' }, 'phone', 'validation.phone'],
      [{ name: 'Ny', organisation: 'x'.repeat(201) }, 'organisation', 'validation.tooLong'],
    ] as const) {
      const res = await t.request({ method: 'POST', url: '/api/v1/people', cookie: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('changing a person', () => {
  it('changes what is given, keeps the rest, and records before and after', async () => {
    const p = await createPerson(adminCtx(), {
      name: 'Anne Lie',
      email: 'anne@lier.kommune.no',
      phone: '32220000',
    });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${p.id}`,
      cookie: admin,
      payload: { organisation: 'Lier kommune', phone: '', version: p.version },
    });
    expect(res.statusCode).toBe(200);
    const changed: Person = res.json();
    expect(changed).toEqual({ ...p, organisation: 'Lier kommune', phone: null, version: 2 });
    const events = await auditOf(p.id);
    expect(events.at(-1)).toMatchObject({ action: 'person.update', before: p, after: changed });
  });

  it('refuses a stale version with 409, an unknown id with 404 and bad input with 400, changing nothing', async () => {
    const p = await createPerson(adminCtx(), { name: 'Jon Dal' });
    await updatePerson(adminCtx(), p.id, { name: 'Jon Dahl', version: 1 });
    const before = await snapshot(t.database.db);
    const staleSave = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${p.id}`,
      cookie: admin,
      payload: { name: 'Jon D.', version: 1 },
    });
    expect(staleSave.statusCode).toBe(409);
    const missing = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${unknownId}`,
      cookie: admin,
      payload: { name: 'X', version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    const empty = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${p.id}`,
      cookie: admin,
      payload: { name: '', version: 2 },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'name', code: 'validation.required' });
    expect(await snapshot(t.database.db)).toBe(before);
    expect(await getPerson(adminCtx(), p.id)).toMatchObject({ name: 'Jon Dahl', version: 2 });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const p = await createPerson(adminCtx(), { name: 'Liv Strand' });
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(updatePerson(t.ctx(actor), p.id, { name: 'Liv', version: 1 })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('deleting a person', () => {
  it('deletes a person nobody refers to, and records what it was', async () => {
    const p = await createPerson(adminCtx(), { name: 'Feil Registrert' });
    const res = await t.request({ method: 'DELETE', url: `/api/v1/people/${p.id}`, cookie: admin });
    expect(res.statusCode).toBe(204);
    await expect(getPerson(adminCtx(), p.id)).rejects.toMatchObject({ code: 'notFound' });
    const events = await auditOf(p.id);
    expect(events.at(-1)).toMatchObject({ action: 'person.delete', before: p, after: null });
    const again = await t.request({ method: 'DELETE', url: `/api/v1/people/${p.id}`, cookie: admin });
    expect(again.statusCode).toBe(404);
  });

  it('refuses to delete a person a user account is linked to, with 409, and changes nothing', async () => {
    const [viewerUser] = await t.database.db.select().from(users).where(eq(users.id, t.actors.viewer.id));
    const personId = viewerUser?.personId;
    if (!personId) throw new Error('the demo viewer has no person');
    const before = await snapshot(t.database.db);
    const res = await t.request({ method: 'DELETE', url: `/api/v1/people/${personId}`, cookie: admin });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'inUse', title: 'Dette er i bruk og kan ikke slettes.' });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a delete that names a stale version, and every role but admin, and changes nothing', async () => {
    const p = await createPerson(adminCtx(), { name: 'Gunn Vik' });
    await updatePerson(adminCtx(), p.id, { phone: '99999999', version: 1 });
    const cookie = await t.cookieFor('indre-ostfold@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    const staleDelete = await t.request({
      method: 'DELETE',
      url: `/api/v1/people/${p.id}?version=1`,
      cookie: admin,
    });
    expect(staleDelete.statusCode).toBe(409);
    const badVersion = await t.request({
      method: 'DELETE',
      url: `/api/v1/people/${p.id}?version=x`,
      cookie: admin,
    });
    expect(badVersion.statusCode).toBe(400);
    expect(badVersion.json().errors[0].field).toBe('version');
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(deletePerson(t.ctx(actor), p.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    const forbidden = await t.request({ method: 'DELETE', url: `/api/v1/people/${p.id}`, cookie });
    expect(forbidden.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
    await deletePerson(adminCtx(), p.id, { version: 2 });
    await expect(getPerson(adminCtx(), p.id)).rejects.toMatchObject({ code: 'notFound' });
  });
});
