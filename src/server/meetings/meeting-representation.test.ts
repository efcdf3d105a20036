import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { ParticipantBody } from '../../shared/contracts/meetings.js';
import { agreements } from '../agreements/agreement.table.js';
import { demoCycle } from '../demo/demo-general-part.js';
import { cycles } from '../general-part/general-part.table.js';
import { departments, regions } from '../registry/registry.table.js';
import { future } from './meeting.fixtures.js';

let t: TestApp;
let admin: string;
let cycle: typeof cycles.$inferSelect;
let agreementId: string;
let all: { id: string; name: string }[];
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor(t.actors.admin.email);
  const [found] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!found) throw new Error('no demo cycle');
  cycle = found;
  const [agreement] = await t.database.db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(and(eq(agreements.cycleId, cycle.id), like(regions.name, 'Indre Østfold%')));
  if (!agreement) throw new Error('no agreement');
  agreementId = agreement.id;
  all = await t.database.db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.name));
}, 300_000);
afterAll(async () => t.close());

/** One person from each department given, and two from the region. */
const participantsFrom = (list: { id: string; name: string }[]): ParticipantBody[] => [
  ...list.map((d, i) => ({
    name: `Rådgiver ${i + 1}`,
    organisation: d.name,
    side: 'county' as const,
    departmentId: d.id,
  })),
  { name: 'Leder regionrådet', organisation: 'Indre Østfold regionråd', side: 'region' },
  { name: 'Daglig leder', organisation: 'Indre Østfold regionråd', side: 'region' },
];

describe("a collaboration meeting's representation", () => {
  it('counts sides and departments, warns by the cycle’s ratio and of a contributing department left out', async () => {
    const planned = await t.request({
      method: 'POST',
      url: '/api/v1/meetings',
      cookie: admin,
      payload: {
        cycleId: cycle.id,
        type: 'collaboration',
        title: 'Samhandlingsmøte om representasjon',
        ...future,
        agreementIds: [agreementId],
        participants: participantsFrom(all),
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const meeting = planned.json();
    // Every department of the demo has contributions for Indre Østfold: seven to two, over two to one.
    expect(meeting.representation).toMatchObject({
      sides: { county: all.length, region: 2, municipality: 0 },
      ratio: 2,
      absentDepartments: [],
      countyOutnumbers: true,
    });
    expect(meeting.representation.departments).toHaveLength(all.length);

    const cycleRes = await t.request({ method: 'GET', url: `/api/v1/cycles/${cycle.id}`, cookie: admin });
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${cycle.id}`,
      cookie: admin,
      payload: { representationRatio: 4, version: cycleRes.json().version },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().representationRatio).toBe(4);
    const read = await t.request({ method: 'GET', url: `/api/v1/meetings/${meeting.id}`, cookie: admin });
    expect(read.json().representation).toMatchObject({
      ratio: 4,
      countyOutnumbers: false,
      absentDepartments: [],
    });

    const [left, ...kept] = all;
    const fewer = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/participants`,
      cookie: admin,
      payload: { version: read.json().version, participants: participantsFrom(kept) },
    });
    expect(fewer.statusCode, fewer.body).toBe(200);
    expect(fewer.json().representation.absentDepartments).toEqual([left]);
  });

  it('is null for the other types', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/meetings',
      cookie: admin,
      payload: {
        cycleId: cycle.id,
        type: 'bilateral',
        title: 'Bilateralt møte',
        ...future,
        agreementIds: [agreementId],
        ownerDepartmentId: t.actors.department.departmentId,
        participants: [],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().representation).toBeNull();
  });

  it('refuses a ratio below one, above twenty or not in halves, on the field, changing nothing', async () => {
    const current = (
      await t.request({ method: 'GET', url: `/api/v1/cycles/${cycle.id}`, cookie: admin })
    ).json();
    const before = await snapshot(t.database.db);
    for (const representationRatio of [0.5, 21, 2.3]) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/cycles/${cycle.id}`,
        cookie: admin,
        payload: { representationRatio, version: current.version },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'representationRatio' })]);
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
