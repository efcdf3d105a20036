import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { createCycle } from './create-cycle.js';
import { signInAdminAndOthers, unknownId } from './general-part.fixtures.js';
import { getCycle } from './get-cycle.js';
import { getGeneralPart } from './get-general-part.js';
import { getVersion } from './get-version.js';
import { listCycles } from './list-cycles.js';
import { updateCycle } from './update-cycle.js';

let t: TestApp;
let admin: string;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let others: string[];
beforeAll(async () => {
  t = await startTestApp();
  ({ admin, others } = await signInAdminAndOthers(t));
});
afterAll(async () => t.close());

const auditOf = (entityType: string, entityId: string) => auditTrail(t, entityType, entityId);
const cycleInput = (name: string) => ({ name, periodFrom: '2025-01-01', periodTo: '2028-12-31' });

describe('creating a cycle', () => {
  it('starts its general part as version 1, a draft with the five required sections, empty', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/cycles',
      payload: cycleInput('  Partnerskap 2025–2028 '),
      cookie: admin,
    });
    expect(res.statusCode).toBe(201);
    const cycle = res.json();
    expect(cycle).toMatchObject({
      name: 'Partnerskap 2025–2028',
      periodFrom: '2025-01-01',
      periodTo: '2028-12-31',
      status: 'planning',
      version: 1,
    });

    const part = await getGeneralPart(t.ctx(t.actors.viewer), cycle.id);
    expect(part.currentVersionId).toBeNull();
    expect(part.versions).toHaveLength(1);
    expect(part.versions[0]).toMatchObject({
      number: 1,
      state: 'draft',
      createdBy: { id: t.actors.admin.id, name: t.actors.admin.name },
      approval: null,
    });
    expect(part.draftVersionId).toBe(part.versions[0]?.id);

    const v1 = await getVersion(t.ctx(t.actors.region), part.draftVersionId ?? '');
    expect(v1.sections.map((s) => [s.key, s.title, s.position, s.required])).toEqual([
      ['parties', 'Avtalepartnere', 0, true],
      ['period', 'Avtaleperiode', 1, true],
      ['purpose', 'Formål', 2, true],
      ['anchoring', 'Forankring', 3, true],
      ['implementation', 'Gjennomføring', 4, true],
    ]);
    for (const s of v1.sections) expect(s.body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });

    expect(await auditOf('cycle', cycle.id)).toMatchObject([
      {
        action: 'cycle.create',
        actorId: t.actors.admin.id,
        before: null,
        after: { name: 'Partnerskap 2025–2028' },
      },
    ]);
    expect(await auditOf('generalPartVersion', v1.id)).toMatchObject([
      { action: 'generalPartVersion.createDraft', after: { number: 1, state: 'draft', cycleId: cycle.id } },
    ]);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createCycle(t.ctx(actor), cycleInput('Ny'))).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(createCycle(t.ctx(null), cycleInput('Ny'))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    for (const cookie of others) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/cycles',
        payload: cycleInput('Ny'),
        cookie,
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...cycleInput(''), name: '' }, 'name'],
      [cycleInput('x'.repeat(201)), 'name'],
      [{ ...cycleInput('A'), periodFrom: '2025-02-30' }, 'periodFrom'],
      [{ ...cycleInput('A'), periodTo: '2024-12-31' }, 'periodTo'],
      [{ ...cycleInput('A'), periodTo: '2025-01-01' }, 'periodTo'],
      [{ ...cycleInput('A'), status: 'archived' }, 'status'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/cycles', payload, cookie: admin });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const backwards = await t.request({
      method: 'POST',
      url: '/api/v1/cycles',
      payload: { ...cycleInput('A'), periodTo: '2024-12-31' },
      cookie: admin,
    });
    expect(backwards.json().errors[0]).toMatchObject({
      code: 'validation.endBeforeStart',
      message: 'Sluttdatoen må være etter startdatoen.',
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a name that is already taken, whatever its case', async () => {
    await createCycle(t.ctx(t.actors.admin), cycleInput('Syklus Unik'));
    await expect(createCycle(t.ctx(t.actors.admin), cycleInput('syklus unik'))).rejects.toMatchObject({
      code: 'validation',
      fields: [{ field: 'name', code: 'validation.nameTaken' }],
    });
  });
});

describe('reading cycles', () => {
  it('lets everyone signed in list and open cycles, newest first', async () => {
    // Older than the demo's cycle (2021–2024), so it is the last in the list.
    const older = await createCycle(t.ctx(t.actors.admin), {
      name: 'Partnerskap 2017–2020',
      periodFrom: '2017-01-01',
      periodTo: '2020-12-31',
    });
    for (const cookie of others) {
      const list = await t.request({ method: 'GET', url: '/api/v1/cycles', cookie });
      expect(list.statusCode).toBe(200);
      const { items, nextCursor } = list.json();
      expect(nextCursor).toBeNull();
      expect(items.at(-1)).toMatchObject({ id: older.id, name: 'Partnerskap 2017–2020' });
      const one = await t.request({ method: 'GET', url: `/api/v1/cycles/${older.id}`, cookie });
      expect(one.json()).toEqual(older);
    }
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/cycles' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const url of [
      `/api/v1/cycles/${unknownId}`,
      '/api/v1/cycles/nope',
      `/api/v1/cycles/${unknownId}/general-part`,
    ]) {
      const res = await t.request({ method: 'GET', url, cookie: admin });
      expect(res.statusCode).toBe(404);
    }
    await expect(getCycle(t.ctx(t.actors.admin), 'nope')).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('updating a cycle', () => {
  it('lets the admin rename it, move one end of the period and change its status, and records it', async () => {
    const c = await createCycle(t.ctx(t.actors.admin), cycleInput('Syklus som endres'));
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${c.id}`,
      payload: { name: 'Syklus endret', periodTo: '2029-06-30', status: 'active', version: 1 },
      cookie: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Syklus endret',
      periodFrom: '2025-01-01',
      periodTo: '2029-06-30',
      status: 'active',
      version: 2,
    });
    const events = await auditOf('cycle', c.id);
    expect(events.map((e) => e.action)).toEqual(['cycle.create', 'cycle.update']);
    expect(events[1]).toMatchObject({ before: { status: 'planning' }, after: { status: 'active' } });
  });

  it('refuses a new start after the end that stays, on the end field', async () => {
    const c = await createCycle(t.ctx(t.actors.admin), cycleInput('Syklus med periode'));
    const before = await snapshot(t.database.db);
    await expect(
      updateCycle(t.ctx(t.actors.admin), c.id, { periodFrom: '2029-01-01', version: c.version }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: [{ field: 'periodTo', code: 'validation.endBeforeStart' }],
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const c = await createCycle(t.ctx(t.actors.admin), cycleInput('Syklus for roller'));
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(updateCycle(t.ctx(actor), c.id, { name: 'X', version: 1 })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a save from a stale version with 409 and keeps the first save', async () => {
    const c = await createCycle(t.ctx(t.actors.admin), cycleInput('Syklus to faner'));
    await updateCycle(t.ctx(t.actors.admin), c.id, { name: 'Første lagring', version: c.version });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${c.id}`,
      payload: { name: 'Andre lagring', version: c.version },
      cookie: admin,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'stale' });
    expect(await getCycle(t.ctx(t.actors.admin), c.id)).toMatchObject({ name: 'Første lagring', version: 2 });
  });

  it('answers 404 for an unknown id', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${unknownId}`,
      payload: { name: 'X', version: 1 },
      cookie: admin,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('listing cycles', () => {
  it('lists every cycle, newest period first, and refuses the anonymous', async () => {
    const { items } = await listCycles(t.ctx(t.actors.region));
    const starts = items.map((c) => c.periodFrom);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(items.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Partnerskap 2017–2020', 'Syklus endret']),
    );
    await expect(listCycles(t.ctx(null))).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
