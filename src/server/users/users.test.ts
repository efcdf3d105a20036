import { randomUUID } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp, testPassword } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { User } from '../../shared/contracts/users.js';
import { auditEvents } from '../audit/audit.table.js';
import { sessions } from '../auth/session.table.js';
import { departments, regions } from '../registry/registry.table.js';
import { createUser } from './create-user.js';
import { getUser } from './get-user.js';
import { listUsers } from './list-users.js';
import { resetPassword } from './reset-password.js';
import { updateUser } from './update-user.js';
import { users } from './user.table.js';

let t: TestApp;
let adminCookie: string;
let samferdselId: string;
let hallingdalId: string;
beforeAll(async () => {
  t = await startTestApp();
  adminCookie = await t.cookieFor('admin@demo.partnerskap.no');
  const [samferdsel] = await t.database.db
    .select()
    .from(departments)
    .where(eq(departments.name, 'Samferdsel'));
  const [hallingdal] = await t.database.db
    .select()
    .from(regions)
    .where(eq(regions.name, 'Regionrådet for Hallingdal'));
  if (!samferdsel || !hallingdal) throw new Error('demo registry is missing');
  samferdselId = samferdsel.id;
  hallingdalId = hallingdal.id;
});
afterAll(async () => t.close());

const newPassword = 'et-langt-nytt-passord';
let counter = 0;
/** A fresh e-mail address per call, so tests do not depend on each other's users. */
const freshEmail = (prefix = 'bruker') => `${prefix}-${++counter}@test.partnerskap.no`;

async function login(email: string, password: string) {
  return t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

async function sessionCookie(email: string, password: string): Promise<string> {
  const res = await login(email, password);
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'partnerskap_session');
  if (!cookie) throw new Error('no session cookie');
  return `partnerskap_session=${cookie.value}`;
}

/** Counts the rows of `from … where …`. */
async function count(fromWhere: SQL): Promise<number | undefined> {
  const result = (await t.database.db.execute(
    sql`select count(*)::int as n from ${fromWhere}`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n;
}

async function auditFor(entityId: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.id);
}

describe('listing users', () => {
  it('shows every demo user to the admin and the viewer, by name, without password hashes', async () => {
    for (const actor of [t.actors.admin, t.actors.viewer]) {
      const { items, nextCursor } = await listUsers(t.ctx(actor), { limit: 500 });
      // One admin, seven department editors, twelve region contacts, one viewer.
      expect(items).toHaveLength(21);
      expect(nextCursor).toBeNull();
      const names = items.map((u) => u.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(JSON.stringify(items)).not.toMatch(/argon2|passwordHash/);
    }
  });

  it('refuses department editors, region contacts and anonymous callers', async () => {
    for (const actor of actorsExcept(t.actors, ['admin', 'viewer'])) {
      await expect(listUsers(t.ctx(actor), {})).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(listUsers(t.ctx(null), {})).rejects.toMatchObject({ code: 'unauthenticated' });
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      cookie: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(403);
  });

  it('filters by name or e-mail, role and active', async () => {
    const viewer = t.ctx(t.actors.viewer);
    const byName = await listUsers(viewer, { q: 'hallingdal' });
    expect(byName.items.map((u) => u.email)).toEqual(['hallingdal@demo.partnerskap.no']);
    const byEmail = await listUsers(viewer, { q: 'LESER@demo' });
    expect(byEmail.items.map((u) => u.role)).toEqual(['viewer']);
    const regionsOnly = await listUsers(viewer, { role: 'region', limit: 500 });
    expect(regionsOnly.items).toHaveLength(12);
    expect(regionsOnly.items.every((u) => u.role === 'region' && u.regionId !== null)).toBe(true);
    // A search for LIKE's wildcards finds the characters, not everything.
    expect((await listUsers(viewer, { q: '%' })).items).toEqual([]);
    expect((await listUsers(viewer, { q: '_' })).items).toEqual([]);

    const inactive = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail('sluttet'),
      name: 'Sluttet Saksbehandler',
      role: 'viewer',
      password: newPassword,
    });
    await updateUser(t.ctx(t.actors.admin), inactive.id, { active: false, version: inactive.version });
    const inactiveOnly = await listUsers(viewer, { active: 'false' });
    expect(inactiveOnly.items.map((u) => u.id)).toEqual([inactive.id]);
    const activeOnly = await listUsers(viewer, { active: 'true', limit: 500 });
    expect(activeOnly.items.map((u) => u.id)).not.toContain(inactive.id);
  });

  it('pages with limit and cursor through every user exactly once', async () => {
    const viewer = t.ctx(t.actors.viewer);
    const all = await listUsers(viewer, { limit: 500 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        cookie: adminCookie,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: User[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(4);
      seen.push(...body.items.map((u) => u.id));
      cursor = body.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all.items.map((u) => u.id));
    expect(pages).toBe(Math.ceil(all.items.length / 4));
  });

  it('answers a forged cursor with 400 on the cursor field', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('{"name":1}').toString('base64url')]) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/users?cursor=${cursor}`,
        cookie: adminCookie,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'cursor', code: 'validation.invalid' });
    }
  });

  it('shows one user by id, and 404 for an unknown or malformed id', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/users/${t.actors.region.id}`,
      cookie: adminCookie,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: t.actors.region.id,
      email: 'indre-ostfold@demo.partnerskap.no',
      role: 'region',
      regionId: t.actors.region.regionId,
      departmentId: null,
      active: true,
    });
    expect(res.body).not.toMatch(/argon2|passwordHash/);
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const missing = await t.request({ method: 'GET', url: `/api/v1/users/${id}`, cookie: adminCookie });
      expect(missing.statusCode).toBe(404);
    }
    await expect(getUser(t.ctx(t.actors.viewer), randomUUID())).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('creating users', () => {
  it('lets the admin create a department editor who can then sign in', async () => {
    const email = freshEmail('redaktor');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      cookie: adminCookie,
      payload: {
        email: `  ${email.toUpperCase()} `,
        name: ' Kari Nordmann ',
        role: 'department',
        departmentId: samferdselId,
        password: newPassword,
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as User;
    expect(created).toMatchObject({
      email,
      name: 'Kari Nordmann',
      role: 'department',
      departmentId: samferdselId,
      regionId: null,
      locale: 'nb',
      active: true,
      version: 1,
    });
    expect(res.body).not.toMatch(/argon2|passwordHash|password/);

    const [row] = await t.database.db.select().from(users).where(eq(users.id, created.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);

    const me = await login(email, newPassword);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'department', departmentName: 'Samferdsel' });

    const [event] = await auditFor(created.id);
    expect(event).toMatchObject({
      action: 'user.create',
      actorId: t.actors.admin.id,
      before: null,
      after: created,
    });
  });

  it("creates a region contact bound to their region, reading the app in the region's written standard", async () => {
    const created = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail('kontakt'),
      name: 'Ola Kontakt',
      role: 'region',
      regionId: hallingdalId,
      password: newPassword,
    });
    // Hallingdal writes nynorsk; a department editor starts in bokmål.
    expect(created).toMatchObject({
      role: 'region',
      regionId: hallingdalId,
      departmentId: null,
      locale: 'nn',
    });
    const editor = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail('redaktor'),
      name: 'Kari Redaktør',
      role: 'department',
      departmentId: samferdselId,
      password: newPassword,
    });
    expect(editor.locale).toBe('nb');
  });

  it('drops a department or region given for a role that has none', async () => {
    const viewer = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail('leser'),
      name: 'Lise Leser',
      role: 'viewer',
      departmentId: samferdselId,
      regionId: hallingdalId,
      password: newPassword,
    });
    expect(viewer).toMatchObject({ role: 'viewer', departmentId: null, regionId: null });
    const editor = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail('redaktor'),
      name: 'Rune Redaktør',
      role: 'department',
      departmentId: samferdselId,
      regionId: hallingdalId,
      password: newPassword,
    });
    expect(editor).toMatchObject({ departmentId: samferdselId, regionId: null });
  });

  it('refuses a department or region that does not exist, on that field, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const cases = [
      {
        payload: { role: 'department', departmentId: randomUUID() },
        field: 'departmentId',
        code: 'unknownDepartment',
      },
      { payload: { role: 'region', regionId: randomUUID() }, field: 'regionId', code: 'unknownRegion' },
      { payload: { role: 'department' }, field: 'departmentId', code: 'departmentRequired' },
      { payload: { role: 'region', departmentId: samferdselId }, field: 'regionId', code: 'regionRequired' },
    ];
    for (const { payload, field, code } of cases) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        cookie: adminCookie,
        payload: { email: freshEmail(), name: 'Ny Bruker', password: newPassword, ...payload },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code: `validation.${code}` })]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses an e-mail address that is taken, whatever its case', async () => {
    const before = await snapshot(t.database.db);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      cookie: adminCookie,
      payload: { email: 'Leser@Demo.Partnerskap.no', name: 'Dobbel', role: 'viewer', password: newPassword },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'email', code: 'validation.emailTaken', message: 'E-postadressen er allerede i bruk.' },
    ]);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const valid = { email: freshEmail(), name: 'Ny Bruker', role: 'viewer', password: newPassword };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, email: 'ikke-en-adresse' }, 'email', 'validation.email'],
      [{ ...valid, name: '' }, 'name', 'validation.required'],
      [{ ...valid, role: 'superuser' }, 'role', 'validation.invalid'],
      [{ ...valid, password: 'kort' }, 'password', 'validation.passwordTooShort'],
      [{ ...valid, departmentId: 'x' }, 'departmentId', 'validation.id'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/users', cookie: adminCookie, payload });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    const short = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      cookie: adminCookie,
      payload: { ...valid, password: 'kort' },
    });
    expect(short.json().errors[0].message).toBe('Passordet må ha minst 12 tegn.');
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const viewerCookie = await t.cookieFor('leser@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    const input = { email: freshEmail(), name: 'Ny', role: 'admin', password: newPassword };
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createUser(t.ctx(actor), input)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(createUser(t.ctx(null), input)).rejects.toMatchObject({ code: 'unauthenticated' });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      cookie: viewerCookie,
      payload: input,
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('changing users', () => {
  async function newUser(role: 'viewer' | 'admin' = 'viewer') {
    return createUser(t.ctx(t.actors.admin), {
      email: freshEmail(role),
      name: `Ny ${role}`,
      role,
      password: newPassword,
    });
  }

  it('renames a user and moves them to another role and binding', async () => {
    const user = await newUser();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      cookie: adminCookie,
      payload: { name: 'Nytt Navn', role: 'region', regionId: hallingdalId, version: user.version },
    });
    expect(res.statusCode).toBe(200);
    const renamed = res.json() as User;
    expect(renamed).toMatchObject({ name: 'Nytt Navn', role: 'region', regionId: hallingdalId, version: 2 });

    // From region contact to department editor: the region goes, the department is required and set.
    const moved = await updateUser(t.ctx(t.actors.admin), user.id, {
      role: 'department',
      departmentId: samferdselId,
      version: renamed.version,
    });
    expect(moved).toMatchObject({ role: 'department', departmentId: samferdselId, regionId: null });
    const demoted = await updateUser(t.ctx(t.actors.admin), user.id, {
      role: 'viewer',
      version: moved.version,
    });
    expect(demoted).toMatchObject({ role: 'viewer', departmentId: null, regionId: null });

    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(['user.create', 'user.update', 'user.update', 'user.update']);
    expect(events[1]).toMatchObject({ before: { name: 'Ny viewer' }, after: { name: 'Nytt Navn' } });
  });

  it('refuses to drop the department of an editor who stays an editor', async () => {
    const editor = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail(),
      name: 'Redaktør',
      role: 'department',
      departmentId: samferdselId,
      password: newPassword,
    });
    await expect(
      updateUser(t.ctx(t.actors.admin), editor.id, { departmentId: null, version: editor.version }),
    ).rejects.toMatchObject({ code: 'validation', fields: [{ field: 'departmentId' }] });
    await expect(
      updateUser(t.ctx(t.actors.admin), editor.id, { departmentId: randomUUID(), version: editor.version }),
    ).rejects.toMatchObject({ fields: [{ field: 'departmentId', code: 'validation.unknownDepartment' }] });
  });

  it('deactivating a user ends their sessions in the same change and stops sign-in', async () => {
    const user = await newUser();
    const cookie = await sessionCookie(user.email, newPassword);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);

    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      cookie: adminCookie,
      payload: { active: false, version: user.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    const again = await login(user.email, newPassword);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('accountInactive');

    const events = await auditFor(user.id);
    expect(events.at(-1)).toMatchObject({
      action: 'user.deactivate',
      before: { active: true },
      after: { active: false },
    });

    const reactivated = await updateUser(t.ctx(t.actors.admin), user.id, { active: true, version: 2 });
    expect(reactivated.active).toBe(true);
    expect((await login(user.email, newPassword)).statusCode).toBe(200);
  });

  it('refuses to demote or deactivate the last active admin', async () => {
    const before = await snapshot(t.database.db);
    const admin = await getUser(t.ctx(t.actors.admin), t.actors.admin.id);
    for (const [payload, field] of [
      [{ role: 'viewer' }, 'role'],
      [{ active: false }, 'active'],
    ] as const) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${admin.id}`,
        cookie: adminCookie,
        payload: { ...payload, version: admin.version },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field, code: 'validation.lastAdmin', message: 'Det må finnes minst én aktiv administrator.' },
      ]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('lets an admin step down when another active admin remains', async () => {
    const second = await newUser('admin');
    const steppedDown = await updateUser(t.ctx(t.actors.admin), second.id, {
      role: 'viewer',
      version: second.version,
    });
    expect(steppedDown.role).toBe('viewer');
    // An inactive admin does not count as the one who remains.
    const dormant = await newUser('admin');
    await updateUser(t.ctx(t.actors.admin), dormant.id, { active: false, version: dormant.version });
    const admin = await getUser(t.ctx(t.actors.admin), t.actors.admin.id);
    await expect(
      updateUser(t.ctx(t.actors.admin), admin.id, { active: false, version: admin.version }),
    ).rejects.toMatchObject({ fields: [{ field: 'active', code: 'validation.lastAdmin' }] });
  });

  it('lets only one of two admins demoting each other at the same time succeed', async () => {
    const second = await newUser('admin');
    const admin = await getUser(t.ctx(t.actors.admin), t.actors.admin.id);
    const results = await Promise.allSettled([
      updateUser(t.ctx(t.actors.admin), admin.id, { role: 'viewer', version: admin.version }),
      updateUser(t.ctx(t.actors.admin), second.id, { role: 'viewer', version: second.version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([
      {
        status: 'rejected',
        reason: expect.objectContaining({
          fields: [expect.objectContaining({ code: 'validation.lastAdmin' })],
        }),
      },
    ]);
    expect(await count(sql`users where role = 'admin' and active`)).toBe(1);

    // Restore the demo admin for the tests that follow.
    const demo = await getUser(t.ctx(t.actors.admin), admin.id);
    if (demo.role !== 'admin') {
      await updateUser(t.ctx(t.actors.admin), admin.id, { role: 'admin', version: demo.version });
    }
  });

  it('refuses a save from a stale version with 409 and keeps the first save', async () => {
    const user = await newUser();
    await updateUser(t.ctx(t.actors.admin), user.id, { name: 'Første', version: user.version });
    const before = await snapshot(t.database.db);
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      cookie: adminCookie,
      payload: { name: 'Andre', version: user.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale');
    expect(await snapshot(t.database.db)).toBe(before);
    expect((await getUser(t.ctx(t.actors.admin), user.id)).name).toBe('Første');
  });

  it('answers 404 for an unknown user', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${randomUUID()}`,
      cookie: adminCookie,
      payload: { name: 'X', version: 1 },
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const user = await newUser();
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        updateUser(t.ctx(actor), user.id, { active: false, version: user.version }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(resetPassword(t.ctx(actor), user.id, { password: newPassword })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    await expect(updateUser(t.ctx(null), user.id, { version: 1 })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const user = await newUser();
    const before = await snapshot(t.database.db);
    const { version } = user;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '', version }, 'name'],
      [{ role: 'root', version }, 'role'],
      [{ active: 'no', version }, 'active'],
      [{ role: 'region', version }, 'regionId'],
      [{ name: 'Uten versjon' }, 'version'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        cookie: adminCookie,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('resetting a password', () => {
  it('sets the new password, ends the user’s sessions and records it without the hash', async () => {
    const user = await createUser(t.ctx(t.actors.admin), {
      email: freshEmail('glemsk'),
      name: 'Glemsk Bruker',
      role: 'viewer',
      password: newPassword,
    });
    const cookie = await sessionCookie(user.email, newPassword);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/users/${user.id}/password`,
      cookie: adminCookie,
      payload: { password: 'helt-nytt-passord-2026' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    expect((await login(user.email, newPassword)).statusCode).toBe(401);
    expect((await login(user.email, 'helt-nytt-passord-2026')).statusCode).toBe(200);

    const events = await auditFor(user.id);
    expect(events.find((e) => e.action === 'user.resetPassword')).toMatchObject({
      actorId: t.actors.admin.id,
      after: { sessionsEnded: 1 },
    });
  });

  it('refuses a short password and an unknown user, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const short = await t.request({
      method: 'POST',
      url: `/api/v1/users/${t.actors.viewer.id}/password`,
      cookie: adminCookie,
      payload: { password: 'kort' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'password', code: 'validation.passwordTooShort' });
    const unknown = await t.request({
      method: 'POST',
      url: `/api/v1/users/${randomUUID()}/password`,
      cookie: adminCookie,
      payload: { password: newPassword },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
    expect((await login('leser@demo.partnerskap.no', testPassword)).statusCode).toBe(200);
  });
});

describe('password hashes', () => {
  it('never reach the audit log, not even from the demo loader’s user records', async () => {
    // The demo loader records every user it creates (21), the tests above many more.
    expect(await count(sql`audit_events where action = 'user.create'`)).toBeGreaterThan(21);
    const secret = '(argon2|passwordHash|password_hash)';
    expect(
      await count(
        sql`audit_events where coalesce(before::text, '') ~ ${secret} or coalesce(after::text, '') ~ ${secret}`,
      ),
    ).toBe(0);
  });
});
