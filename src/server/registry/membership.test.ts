import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { Membership, Municipality, Region } from '../../shared/contracts/registry.js';
import { addMember } from './add-member.js';
import { createRegion } from './create-region.js';
import { getRegion } from './get-region.js';
import { listMunicipalities } from './list-municipalities.js';
import { listRegions } from './list-regions.js';
import { removeMember } from './remove-member.js';
import { updateMember } from './update-member.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';
const adminCtx = () => t.ctx(t.actors.admin);
const auditOf = (entityId: string) => auditTrail(t, 'membership', entityId);
const municipality = async (number: string): Promise<Municipality> => {
  const found = (await listMunicipalities(adminCtx(), { q: number })).items.find((m) => m.number === number);
  if (!found) throw new Error(`no municipality ${number}`);
  return found;
};
const regionNamed = async (name: string): Promise<Region> => {
  const found = (await listRegions(adminCtx(), { q: name })).items.find((r) => r.name === name);
  if (!found) throw new Error(`no region ${name}`);
  return found;
};
let regionCount = 0;
const freshRegion = () => createRegion(adminCtx(), { name: `Prøveregion ${++regionCount}` });
const membersUrl = (regionId: string, membershipId?: string) =>
  `/api/v1/regions/${regionId}/members${membershipId ? `/${membershipId}` : ''}`;

describe('adding a member', () => {
  it('adds a municipality that already sits in another region, and records it', async () => {
    const follo = await regionNamed('Folloregionen interkommunale politiske råd');
    const moss = await municipality('3002');
    const res = await t.request({
      method: 'POST',
      url: membersUrl(follo.id),
      cookie: admin,
      payload: { municipalityId: moss.id, validFrom: '2024-01-01' },
    });
    expect(res.statusCode).toBe(201);
    const added: Membership = res.json();
    expect(added).toMatchObject({
      regionId: follo.id,
      municipalityId: moss.id,
      municipalityNumber: '3002',
      municipalityName: 'Moss',
      outsideCounty: false,
      validFrom: '2024-01-01',
      validTo: null,
      version: 1,
    });
    const { items } = await listRegions(t.ctx(t.actors.viewer), {});
    expect(
      items.filter((r) => r.members.some((m) => m.municipalityId === moss.id)).map((r) => r.name),
    ).toEqual(['Folloregionen interkommunale politiske råd', 'Mosseregionen interkommunale politiske råd']);
    const [event] = await auditOf(added.id);
    expect(event).toMatchObject({
      action: 'membership.create',
      actorId: t.actors.admin.id,
      before: null,
      after: added,
    });
  });

  it('adds a municipality from outside the county', async () => {
    const region = await freshRegion();
    const gran = await municipality('3446');
    const added = await addMember(adminCtx(), region.id, {
      municipalityId: gran.id,
      validFrom: '2020-01-01',
    });
    expect(added).toMatchObject({ municipalityName: 'Gran', outsideCounty: true });
    expect((await getRegion(adminCtx(), region.id)).members).toEqual([added]);
  });

  it('lets a member join on one date, leave on another and join again the day it left', async () => {
    const region = await freshRegion();
    const hole = await municipality('3038');
    const joined = await addMember(adminCtx(), region.id, {
      municipalityId: hole.id,
      validFrom: '2021-01-01',
    });
    const res = await t.request({
      method: 'PATCH',
      url: membersUrl(region.id, joined.id),
      cookie: admin,
      payload: { validFrom: '2021-01-01', validTo: '2023-07-01', version: joined.version },
    });
    expect(res.statusCode).toBe(200);
    const left: Membership = res.json();
    expect(left).toEqual({ ...joined, validTo: '2023-07-01', version: 2 });
    const events = await auditOf(joined.id);
    expect(events.map((e) => e.action)).toEqual(['membership.create', 'membership.update']);
    expect(events[1]).toMatchObject({ before: joined, after: left });

    // validTo is exclusive: the next period may begin on the day the last one ended.
    const rejoined = await addMember(adminCtx(), region.id, {
      municipalityId: hole.id,
      validFrom: '2023-07-01',
    });
    // And an earlier period may end on the day the first one began.
    const earlier = await addMember(adminCtx(), region.id, {
      municipalityId: hole.id,
      validFrom: '2019-01-01',
      validTo: '2021-01-01',
    });
    const { members } = await getRegion(adminCtx(), region.id);
    expect(members.map((m) => [m.validFrom, m.validTo])).toEqual([
      ['2019-01-01', '2021-01-01'],
      ['2021-01-01', '2023-07-01'],
      ['2023-07-01', null],
    ]);
    expect(members.map((m) => m.id)).toEqual([earlier.id, joined.id, rejoined.id]);
  });

  it('refuses a period that overlaps another of the same municipality in the region, and changes nothing', async () => {
    const region = await freshRegion();
    const lier = await municipality('3049');
    await addMember(adminCtx(), region.id, {
      municipalityId: lier.id,
      validFrom: '2020-01-01',
      validTo: '2022-01-01',
    });
    await addMember(adminCtx(), region.id, { municipalityId: lier.id, validFrom: '2023-01-01' });
    const before = await snapshot(t.database.db);
    for (const period of [
      { validFrom: '2020-01-01' }, // the same start as an existing period
      { validFrom: '2020-01-01', validTo: '2022-01-01' }, // exactly the same period
      { validFrom: '2021-06-01', validTo: '2022-06-01' }, // across the end of the first
      { validFrom: '2019-01-01', validTo: '2020-01-02' }, // one day into the first
      { validFrom: '2022-06-01' }, // open-ended into the second
      { validFrom: '2030-01-01' }, // inside the open-ended second
      { validFrom: '2010-01-01', validTo: '2040-01-01' }, // around both
    ]) {
      const res = await t.request({
        method: 'POST',
        url: membersUrl(region.id),
        cookie: admin,
        payload: { municipalityId: lier.id, ...period },
      });
      expect(res.statusCode, JSON.stringify(period)).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: 'validFrom',
          code: 'validation.overlappingMembership',
          message: 'Kommunen er allerede medlem av regionen i denne perioden.',
        },
      ]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
    // The gap between the two periods is free.
    const between = await addMember(adminCtx(), region.id, {
      municipalityId: lier.id,
      validFrom: '2022-01-01',
      validTo: '2023-01-01',
    });
    expect(between.validTo).toBe('2023-01-01');
  });

  it('lets only one of two simultaneous overlapping additions through', async () => {
    const region = await freshRegion();
    const modum = await municipality('3047');
    const results = await Promise.allSettled([
      addMember(adminCtx(), region.id, { municipalityId: modum.id, validFrom: '2020-01-01' }),
      addMember(adminCtx(), region.id, { municipalityId: modum.id, validFrom: '2021-01-01' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
      code: 'validation',
      fields: [{ field: 'validFrom', code: 'validation.overlappingMembership', params: {} }],
    });
    expect((await getRegion(adminCtx(), region.id)).members).toHaveLength(1);
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const region = await freshRegion();
    const sigdal = await municipality('3045');
    const before = await snapshot(t.database.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { municipalityId: sigdal.id, validFrom: '2024-01-01', validTo: '2023-01-01' },
        'validTo',
        'validation.endBeforeStart',
      ],
      [
        { municipalityId: sigdal.id, validFrom: '2024-01-01', validTo: '2024-01-01' },
        'validTo',
        'validation.endBeforeStart',
      ],
      [{ municipalityId: sigdal.id }, 'validFrom', 'validation.date'],
      [{ municipalityId: sigdal.id, validFrom: '1.1.2024' }, 'validFrom', 'validation.date'],
      [{ municipalityId: 'Sigdal', validFrom: '2024-01-01' }, 'municipalityId', 'validation.id'],
      [
        { municipalityId: unknownId, validFrom: '2024-01-01' },
        'municipalityId',
        'validation.unknownMunicipality',
      ],
    ];
    for (const [payload, field, code] of cases) {
      const res = await t.request({ method: 'POST', url: membersUrl(region.id), cookie: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors, JSON.stringify(payload)).toContainEqual(
        expect.objectContaining({ field, code }),
      );
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers 404 for an unknown region', async () => {
    const sigdal = await municipality('3045');
    const res = await t.request({
      method: 'POST',
      url: membersUrl(unknownId),
      cookie: admin,
      payload: { municipalityId: sigdal.id, validFrom: '2024-01-01' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const region = await freshRegion();
    const sigdal = await municipality('3045');
    const cookie = await t.cookieFor('hallingdal@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        addMember(t.ctx(actor), region.id, { municipalityId: sigdal.id, validFrom: '2024-01-01' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    const res = await t.request({
      method: 'POST',
      url: membersUrl(region.id),
      cookie,
      payload: { municipalityId: sigdal.id, validFrom: '2024-01-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('changing a membership', () => {
  it('refuses new dates that overlap another period, or end before they start, and changes nothing', async () => {
    const region = await freshRegion();
    const flaa = await municipality('3039');
    const first = await addMember(adminCtx(), region.id, {
      municipalityId: flaa.id,
      validFrom: '2020-01-01',
      validTo: '2021-01-01',
    });
    await addMember(adminCtx(), region.id, { municipalityId: flaa.id, validFrom: '2022-01-01' });
    const before = await snapshot(t.database.db);
    const overlapping = await t.request({
      method: 'PATCH',
      url: membersUrl(region.id, first.id),
      cookie: admin,
      payload: { validFrom: '2020-01-01', validTo: '2022-01-02', version: first.version },
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().errors[0]).toMatchObject({
      field: 'validFrom',
      code: 'validation.overlappingMembership',
    });
    const backwards = await t.request({
      method: 'PATCH',
      url: membersUrl(region.id, first.id),
      cookie: admin,
      payload: { validFrom: '2020-01-01', validTo: '2019-01-01', version: first.version },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: 'validTo', code: 'validation.endBeforeStart' });
    expect(await snapshot(t.database.db)).toBe(before);
    // Its own old period is no obstacle: it may grow up to the next one.
    const grown = await updateMember(adminCtx(), region.id, first.id, {
      validFrom: '2019-06-01',
      validTo: '2022-01-01',
      version: first.version,
    });
    expect(grown).toMatchObject({ validFrom: '2019-06-01', validTo: '2022-01-01', version: 2 });
  });

  it('refuses a stale version with 409 and keeps the first save', async () => {
    const region = await freshRegion();
    const gol = await municipality('3041');
    const m = await addMember(adminCtx(), region.id, { municipalityId: gol.id, validFrom: '2020-01-01' });
    await updateMember(adminCtx(), region.id, m.id, {
      validFrom: '2020-01-01',
      validTo: '2024-01-01',
      version: 1,
    });
    const res = await t.request({
      method: 'PATCH',
      url: membersUrl(region.id, m.id),
      cookie: admin,
      payload: { validFrom: '2020-01-01', validTo: '2025-01-01', version: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect((await getRegion(adminCtx(), region.id)).members[0]).toMatchObject({
      validTo: '2024-01-01',
      version: 2,
    });
  });

  it('answers 404 for an unknown membership, or one of another region', async () => {
    const hallingdal = await regionNamed('Regionrådet for Hallingdal');
    const other = await regionNamed('Regionrådet for Hadeland');
    const member = hallingdal.members[0];
    if (!member) throw new Error('Hallingdal has no members');
    const before = await snapshot(t.database.db);
    for (const url of [
      membersUrl(hallingdal.id, unknownId),
      membersUrl(other.id, member.id),
      membersUrl(unknownId, member.id),
    ]) {
      const res = await t.request({
        method: 'PATCH',
        url,
        cookie: admin,
        payload: { validFrom: '2020-01-01', version: member.version },
      });
      expect(res.statusCode, url).toBe(404);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const hallingdal = await regionNamed('Regionrådet for Hallingdal');
    const member = hallingdal.members[0];
    if (!member) throw new Error('Hallingdal has no members');
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        updateMember(t.ctx(actor), hallingdal.id, member.id, {
          validFrom: '2020-01-01',
          validTo: '2021-01-01',
          version: member.version,
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('removing a membership', () => {
  it('removes one recorded by mistake, and records what it was', async () => {
    const region = await freshRegion();
    const hol = await municipality('3044');
    const m = await addMember(adminCtx(), region.id, { municipalityId: hol.id, validFrom: '2020-01-01' });
    const res = await t.request({ method: 'DELETE', url: membersUrl(region.id, m.id), cookie: admin });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await getRegion(adminCtx(), region.id)).members).toEqual([]);
    const events = await auditOf(m.id);
    expect(events.at(-1)).toMatchObject({
      action: 'membership.delete',
      actorId: t.actors.admin.id,
      before: m,
      after: null,
    });
    const again = await t.request({ method: 'DELETE', url: membersUrl(region.id, m.id), cookie: admin });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a delete that names a stale version, and every role but admin, and changes nothing', async () => {
    const region = await freshRegion();
    const aal = await municipality('3043');
    const m = await addMember(adminCtx(), region.id, { municipalityId: aal.id, validFrom: '2020-01-01' });
    await updateMember(adminCtx(), region.id, m.id, {
      validFrom: '2020-01-01',
      validTo: '2024-01-01',
      version: 1,
    });
    const viewer = await t.cookieFor('leser@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    const staleDelete = await t.request({
      method: 'DELETE',
      url: `${membersUrl(region.id, m.id)}?version=1`,
      cookie: admin,
    });
    expect(staleDelete.statusCode).toBe(409);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(removeMember(t.ctx(actor), region.id, m.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    const forbidden = await t.request({ method: 'DELETE', url: membersUrl(region.id, m.id), cookie: viewer });
    expect(forbidden.statusCode).toBe(403);
    const otherRegion = await regionNamed('Haldenregionen');
    const wrongRegion = await t.request({
      method: 'DELETE',
      url: membersUrl(otherRegion.id, m.id),
      cookie: admin,
    });
    expect(wrongRegion.statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
    await removeMember(adminCtx(), region.id, m.id, { version: 2 });
    expect((await getRegion(adminCtx(), region.id)).members).toEqual([]);
  });
});
