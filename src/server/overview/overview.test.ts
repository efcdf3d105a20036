import { eq } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { namedMilestone, type Overview } from '../../shared/contracts/overview.js';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { demoCycle } from '../demo/demo-general-part.js';
import { cycles } from '../general-part/general-part.table.js';
import { createMeeting } from '../meetings/create-meeting.js';
import { future, meetingsFixture, unknownId } from '../meetings/meeting.fixtures.js';
import { getAgreementMilestones } from '../milestones/get-agreement-milestones.js';
import { getOverview } from './get-overview.js';
import { loadOverview, osloDateOf } from './overview-reads.js';

let t: TestApp;
let demoCycleId: string;
beforeAll(async () => {
  t = await startTestApp();
  const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('no demo cycle');
  demoCycleId = cycle.id;
}, 300_000);
afterAll(async () => t.close());

const rowOf = (o: Overview, regionName: string) => {
  const row = o.rows.find((r) => r.region.name.startsWith(regionName));
  if (!row) throw new Error(`no row for ${regionName}`);
  return row;
};

describe('the overview of the demo cycle', () => {
  it('has one row per agreement by region name, with the phase the Fremdrift tab shows', async () => {
    const o = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    expect(o.cycle).toEqual({ id: demoCycleId, name: demoCycle.name });
    expect(o.rows).toHaveLength(12);
    const names = o.rows.map((r) => r.region.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
    for (const row of o.rows) {
      const tab = await getAgreementMilestones(t.ctx(t.actors.admin), row.agreementId);
      expect(row.phase).toBe(tab.phase);
      expect(row.regionReady).toBe(tab.regionReady.ready);
      const named = row.milestones.map((m) => namedMilestone(m, o.milestoneNames));
      expect(named.map((m) => [m.name, m.state, m.plannedDate])).toEqual(
        tab.milestones.map((m) => [m.name, m.state, m.plannedDate]),
      );
    }
  });

  it('dates the phase, names the next milestone, counts contributions and actions, and finds the meetings', async () => {
    const o = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    const indre = rowOf(o, 'Indre Østfold');
    expect(indre.phase).toBe('ready_for_political_processing');
    // Every milestone is complete: nothing is next, and the phase began when the last of them was done.
    expect(indre.nextMilestone).toBeNull();
    const tab = await getAgreementMilestones(t.ctx(t.actors.admin), indre.agreementId);
    const days = indre.milestones.flatMap(([, , , done], i) =>
      tab.milestones[i]?.optional || !done ? [] : [done],
    );
    expect(indre.phaseSince).toBe(days.sort().at(-1));
    expect(indre.daysInPhase).toBe(
      Math.round((Date.parse(o.today) - Date.parse(indre.phaseSince)) / 86_400_000),
    );
    expect(indre.contributions).toEqual({ proposed: 0, discussed: 0, agreed: 11, dropped: 2 });
    expect(indre.openActions).toBe(2);
    expect((indre.lastMeeting?.startsAt ?? '') < o.today).toBe(true);
    expect((indre.nextMeeting?.startsAt ?? '') >= o.today).toBe(true);

    const halden = rowOf(o, 'Haldenregionen');
    expect(halden.regionReady).toBe(false);
    const open = halden.milestones
      .map((m) => namedMilestone(m, o.milestoneNames))
      .filter((m) => m.state !== 'done' && m.state !== 'not_applicable');
    expect(open.map((m) => m.name)).toContain(halden.nextMilestone?.name);
    expect(o.today).toBe(osloDateOf(new Date()));
  });

  it('gives the admin, viewers and department editors every row, and a region contact its own only', async () => {
    const all = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    for (const actor of [t.actors.viewer, t.actors.department, t.actors.otherDepartment]) {
      expect(await getOverview(t.ctx(actor), { cycle: demoCycleId })).toEqual(all);
    }
    const own = await getOverview(t.ctx(t.actors.region), { cycle: demoCycleId });
    expect(own.rows.map((r) => r.region.id)).toEqual([t.actors.region.regionId]);
    const other = await getOverview(t.ctx(t.actors.otherRegion), { cycle: demoCycleId });
    expect(other.rows.map((r) => r.region.id)).toEqual([t.actors.otherRegion.regionId]);
  });

  it('narrows to one agreement with `agreement`', async () => {
    const all = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    const row = rowOf(all, 'Mosseregionen');
    const one = await getOverview(t.ctx(t.actors.viewer), { cycle: demoCycleId, agreement: row.agreementId });
    expect(one.rows).toEqual([row]);
    // A region contact asking for another region's agreement gets no row.
    const none = await getOverview(t.ctx(t.actors.region), {
      cycle: demoCycleId,
      agreement: row.agreementId,
    });
    expect(none.rows).toEqual([]);
  });
});

describe("a region contact's row", () => {
  it("leaves out the county's internal meetings, which the county's rows show", async () => {
    const fx = await meetingsFixture(t);
    const admin = t.ctx(t.actors.admin);
    await createMeeting(admin, {
      cycleId: fx.cycle.id,
      type: 'collaboration',
      title: 'Samhandlingsmøte i sommer',
      ...future,
      place: 'Askim rådhus',
      agreementIds: [fx.own.id],
      participants: [],
    });
    await createMeeting(admin, {
      cycleId: fx.cycle.id,
      type: 'kickoff',
      title: 'Oppstartsmøte i fylkeskommunen',
      startsAt: '2099-01-10T09:00:00+01:00',
      endsAt: '2099-01-10T11:00:00+01:00',
      place: 'Fylkeshuset',
      agreementIds: [fx.own.id, fx.other.id],
      participants: [],
    });
    const county = await getOverview(t.ctx(t.actors.viewer), { cycle: fx.cycle.id });
    expect(county.rows.map((r) => r.nextMeeting?.type)).toEqual(['kickoff', 'kickoff']);
    const region = await getOverview(t.ctx(t.actors.region), { cycle: fx.cycle.id });
    expect(region.rows).toHaveLength(1);
    expect(region.rows[0]?.nextMeeting).toMatchObject({
      type: 'collaboration',
      title: 'Samhandlingsmøte i sommer',
    });
    expect(region.rows[0]?.lastMeeting).toBeNull();
    // A new agreement is in preparation from the day it was made.
    expect(region.rows[0]).toMatchObject({ phase: 'preparation', daysInPhase: 0, phaseSince: region.today });
  });
});

/**
 * The same database through a Drizzle instance whose logger counts the statements it runs: the overview's
 * loader is called on it directly (past the cache, which adds its own fixed two).
 */
function countingDb(): { db: Db; count: () => number; close: () => Promise<void> } {
  let n = 0;
  const logger = { logQuery: () => void n++ };
  const driver = t.database.driver;
  if (driver.engine === 'pglite') {
    const db = drizzlePglite(driver.client, { schema, logger }) as unknown as Db;
    return { db, count: () => n, close: async () => {} };
  }
  const pool = new pg.Pool({ connectionString: driver.url, max: 1 });
  const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
  return { db, count: () => n, close: () => pool.end() };
}

describe('the number of queries', () => {
  it('is the same for two agreements as for twelve, and for a region contact no more', async () => {
    const fx = await meetingsFixture(t);
    const counted = countingDb();
    try {
      const today = osloDateOf(new Date());
      const queriesFor = async (
        ...args: Parameters<typeof loadOverview> extends [unknown, ...infer R] ? R : never
      ) => {
        const before = counted.count();
        const o = await loadOverview(counted.db, ...args);
        return { rows: o?.rows.length, queries: counted.count() - before };
      };
      const two = await queriesFor(fx.cycle.id, { kind: 'county' }, today);
      const twelve = await queriesFor(demoCycleId, { kind: 'county' }, today);
      const one = await queriesFor(
        demoCycleId,
        { kind: 'region', regionId: t.actors.region.regionId ?? '' },
        today,
      );
      expect(two).toEqual({ rows: 2, queries: 6 });
      expect(twelve).toEqual({ rows: 12, queries: 6 });
      expect(one).toEqual({ rows: 1, queries: 6 });
    } finally {
      await counted.close();
    }
  });
});

describe('GET /api/v1/overview', () => {
  it('answers the overview, refuses a cycle that is not an id naming `cycle`, and says 404 for an unknown cycle', async () => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    const ok = await t.request({ method: 'GET', url: `/api/v1/overview?cycle=${demoCycleId}`, cookie });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as Overview).rows).toHaveLength(12);

    const bad = await t.request({ method: 'GET', url: '/api/v1/overview?cycle=abc', cookie });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['cycle']);

    const missing = await t.request({ method: 'GET', url: '/api/v1/overview', cookie });
    expect(missing.statusCode).toBe(400);

    const unknown = await t.request({ method: 'GET', url: `/api/v1/overview?cycle=${unknownId}`, cookie });
    expect(unknown.statusCode).toBe(404);

    const signedOut = await t.request({ method: 'GET', url: `/api/v1/overview?cycle=${demoCycleId}` });
    expect(signedOut.statusCode).toBe(401);
  });
});
