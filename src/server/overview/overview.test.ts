import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { eq, inArray } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { meetingTypes } from '../../shared/contracts/meetings.js';
import { agreementPhases, milestoneStates } from '../../shared/contracts/milestones.js';
import {
  Overview,
  type OverviewEntry,
  overviewDictionaries,
  overviewEntries,
  shortId,
  uuidOfShortId,
} from '../../shared/contracts/overview.js';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { demoCycle } from '../demo/demo-general-part.js';
import { cycles } from '../general-part/general-part.table.js';
import { createMeeting } from '../meetings/create-meeting.js';
import { future, meetingsFixture, unknownId } from '../meetings/meeting.fixtures.js';
import { meetings } from '../meetings/meeting.table.js';
import { getAgreementMilestones } from '../milestones/get-agreement-milestones.js';
import { regions } from '../registry/registry.table.js';
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

const rowOf = (o: Overview, regionName: string): OverviewEntry => {
  const row = overviewEntries(o).find((r) => r.regionName.startsWith(regionName));
  if (!row) throw new Error(`no row for ${regionName}`);
  return row;
};

const regionNamesOf = async (ids: (string | null | undefined)[]) =>
  (
    await t.database.db
      .select({ name: regions.name })
      .from(regions)
      .where(
        inArray(
          regions.id,
          ids.filter((id) => typeof id === 'string'),
        ),
      )
  ).map((r) => r.name);

describe('the overview of the demo cycle', () => {
  it('has one row per agreement by region name, with the phase the Fremdrift tab shows', async () => {
    const o = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    expect(o.cycle).toEqual({ id: demoCycleId, name: demoCycle.name });
    expect(o.rows).toHaveLength(12);
    const entries = overviewEntries(o);
    const names = entries.map((r) => r.regionName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
    for (const row of entries) {
      const tab = await getAgreementMilestones(t.ctx(t.actors.admin), row.agreementId);
      expect(row.phase).toBe(tab.phase);
      expect(row.regionReady).toBe(tab.regionReady.ready);
      expect(row.milestones.map((m) => [m.name, m.state, m.plannedDate])).toEqual(
        tab.milestones.map((m) => [m.name, m.state, m.plannedDate]),
      );
      // The next milestone: the first open required one in order, else the first open optional one.
      const open = tab.milestones.filter((m) => m.state !== 'done' && m.state !== 'not_applicable');
      const next = open.find((m) => !m.optional) ?? open[0];
      expect(row.nextMilestone?.name ?? null).toBe(next?.name ?? null);
      expect(row.nextMilestone?.plannedDate ?? null).toBe(next?.plannedDate ?? null);
    }
  });

  it('dates the phase, names the next milestone, counts contributions and actions, and finds the meetings', async () => {
    const o = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    const indre = rowOf(o, 'Indre Østfold');
    // Adopted by the board and its four councils in 2021 (demo-political.ts).
    expect(indre.phase).toBe('in_force');
    // Every milestone is complete: nothing is next, and the phase began when the last of them was done.
    expect(indre.nextMilestone).toBeNull();
    const tab = await getAgreementMilestones(t.ctx(t.actors.admin), indre.agreementId);
    const days = indre.milestones.flatMap(({ doneDate }, i) =>
      tab.milestones[i]?.optional || !doneDate ? [] : [doneDate],
    );
    expect(indre.phaseSince).toBe(days.sort().at(-1));
    expect(indre.daysInPhase).toBe(
      Math.round((Date.parse(o.today) - Date.parse(indre.phaseSince)) / 86_400_000),
    );
    expect(indre.contributions).toEqual({ proposed: 0, discussed: 0, agreed: 11, dropped: 2, total: 13 });
    expect(indre.openActions).toBe(2);
    expect((indre.lastMeeting?.startsAt ?? '') < o.today).toBe(true);
    expect((indre.nextMeeting?.startsAt ?? '') >= o.today).toBe(true);
    expect(indre.nextMeeting?.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(meetingTypes).toContain(indre.nextMeeting?.type);

    const halden = rowOf(o, 'Haldenregionen');
    expect(halden.regionReady).toBe(false);
    const open = halden.milestones.filter((m) => m.state !== 'done' && m.state !== 'not_applicable');
    expect(open.map((m) => m.name)).toContain(halden.nextMilestone?.name);
    expect(o.today).toBe(osloDateOf(new Date()));
  });

  it('gives the admin, viewers and department editors every row, and a region contact its own only', async () => {
    const all = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    for (const actor of [t.actors.viewer, t.actors.department, t.actors.otherDepartment]) {
      expect(await getOverview(t.ctx(actor), { cycle: demoCycleId })).toEqual(all);
    }
    const own = await getOverview(t.ctx(t.actors.region), { cycle: demoCycleId });
    expect(own.rows.map(([, regionName]) => regionName)).toEqual(
      await regionNamesOf([t.actors.region.regionId]),
    );
    const other = await getOverview(t.ctx(t.actors.otherRegion), { cycle: demoCycleId });
    expect(other.rows.map(([, regionName]) => regionName)).toEqual(
      await regionNamesOf([t.actors.otherRegion.regionId]),
    );
    expect(own.rows[0]).not.toEqual(other.rows[0]);
  });

  it('narrows to one agreement with `agreement`', async () => {
    const all = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    const row = rowOf(all, 'Mosseregionen');
    const one = await getOverview(t.ctx(t.actors.viewer), { cycle: demoCycleId, agreement: row.agreementId });
    expect(overviewEntries(one)).toEqual([row]);
    expect(one.milestoneNames).toEqual(all.milestoneNames);
    // A region contact asking for another region's agreement gets no row.
    const none = await getOverview(t.ctx(t.actors.region), {
      cycle: demoCycleId,
      agreement: row.agreementId,
    });
    expect(none.rows).toEqual([]);
  });
});

describe('the compact answer', () => {
  it('says every label once in its dictionaries and sends each row as a short array pointing into them', async () => {
    const o = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    expect(Overview.parse(o)).toEqual(o);
    expect(o.phases).toEqual([...agreementPhases]);
    expect(o.milestoneStates).toEqual([...milestoneStates]);
    expect(o.meetingTypes).toEqual([...meetingTypes]);
    expect(o).toMatchObject(overviewDictionaries);
    expect(new Set(o.milestoneNames).size).toBe(o.milestoneNames.length);
    for (const row of o.rows) {
      expect(row).toHaveLength(11);
      const [agreementId, regionName, phase, phaseSince, , next, counts, , last, upcoming, milestones] = row;
      expect(agreementId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(shortId(uuidOfShortId(agreementId))).toBe(agreementId);
      expect(regionName.length).toBeGreaterThan(0);
      expect(o.phases[phase]).toBeDefined();
      expect(phaseSince <= o.today).toBe(true);
      expect(counts).toHaveLength(4);
      if (next !== null) expect(milestones[next]).toBeDefined();
      for (const meeting of [last, upcoming]) {
        if (meeting) expect(o.meetingTypes[meeting[0]]).toBeDefined();
      }
      for (const [name, state] of milestones) {
        expect(o.milestoneNames[name]).toBeDefined();
        expect(o.milestoneStates[state]).toBeDefined();
      }
    }
    // No ids but the agreements': neither the regions' nor the meetings'.
    const text = JSON.stringify(o);
    const regionIds = (await t.database.db.select({ id: regions.id }).from(regions)).map((r) => r.id);
    const meetingIds = (await t.database.db.select({ id: meetings.id }).from(meetings)).map((m) => m.id);
    expect(regionIds.length).toBeGreaterThan(0);
    expect(meetingIds.length).toBeGreaterThan(0);
    for (const id of [...regionIds, ...meetingIds]) expect(text).not.toContain(id);
    // The rows with named fields say the same in more than twice the bytes.
    expect(JSON.stringify(overviewEntries(o)).length).toBeGreaterThan(2 * JSON.stringify(o.rows).length);
  });

  it("writes an agreement's id in 22 characters, the UUID's bytes in base64url, and reads it back", () => {
    for (let i = 0; i < 200; i++) {
      const uuid = randomUUID();
      const short = shortId(uuid);
      expect(short).toBe(Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url'));
      expect(uuidOfShortId(short)).toBe(uuid);
    }
    expect(shortId('FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF')).toBe(
      shortId('ffffffff-ffff-4fff-bfff-ffffffffffff'),
    );
  });

  it('is kept until the next write, and its JSON compressed once, the same bytes for every request', async () => {
    const first = await getOverview(t.ctx(t.actors.admin), { cycle: demoCycleId });
    expect(await getOverview(t.ctx(t.actors.viewer), { cycle: demoCycleId })).toBe(first);
    expect(Object.isFrozen(first.rows[0])).toBe(true);

    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    const get = (acceptEncoding?: string) =>
      t.request({
        method: 'GET',
        url: `/api/v1/overview?cycle=${demoCycleId}`,
        cookie,
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      });
    const plain = await get();
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual(first);
    const br = await get('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect((await promisify(zlib.brotliDecompress)(br.rawPayload)).toString('utf8')).toBe(plain.body);
    const again = await get('br');
    expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
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
    expect(overviewEntries(county).map((r) => r.nextMeeting)).toEqual([
      { type: 'kickoff', title: 'Oppstartsmøte i fylkeskommunen', startsAt: '2099-01-10T09:00' },
      { type: 'kickoff', title: 'Oppstartsmøte i fylkeskommunen', startsAt: '2099-01-10T09:00' },
    ]);
    const region = await getOverview(t.ctx(t.actors.region), { cycle: fx.cycle.id });
    expect(region.rows).toHaveLength(1);
    const [own] = overviewEntries(region);
    expect(own?.nextMeeting).toMatchObject({ type: 'collaboration', title: 'Samhandlingsmøte i sommer' });
    expect(own?.lastMeeting).toBeNull();
    // A new agreement is in preparation from the day it was made.
    expect(own).toMatchObject({ phase: 'preparation', daysInPhase: 0, phaseSince: region.today });
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
  it('does not grow with the agreements: two or twelve, and for a region contact no more; one when kept', async () => {
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
      // No agreement of the fixture's cycle is in a political case: the political state stops after its
      // first query. The demo cycle has four cases (demo-political.ts): four queries more, whatever their size.
      expect(two).toEqual({ rows: 2, queries: 7 });
      expect(twelve).toEqual({ rows: 12, queries: 11 });
      expect(one).toEqual({ rows: 1, queries: 11 });

      // Through the cache: a kept overview costs one query, the stamp's, whatever its size.
      const ctx = { ...t.ctx(t.actors.admin), db: counted.db };
      const filled = await getOverview(ctx, { cycle: demoCycleId });
      const before = counted.count();
      expect(await getOverview(ctx, { cycle: demoCycleId })).toBe(filled);
      expect(counted.count() - before).toBe(1);
      expect(await getOverview(ctx, { cycle: fx.cycle.id })).toBeDefined();
      const afterOther = counted.count();
      expect(await getOverview(ctx, { cycle: fx.cycle.id })).toBeDefined();
      expect(counted.count() - afterOther).toBe(1);
      expect(afterOther - before).toBeGreaterThan(1 + 6);
      expect(await getOverview(ctx, { cycle: demoCycleId })).toBe(filled);
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

describe('a page of the overview', () => {
  const get = async (query: string) => {
    const cookie = await t.cookieFor('leser@demo.partnerskap.no');
    return t.request({ method: 'GET', url: `/api/v1/overview?cycle=${demoCycleId}${query}`, cookie });
  };
  const page = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Overview;
  };
  const names = (o: Overview) => overviewEntries(o).map((r) => r.regionName);

  it('comes a page at a time by the cursor, every row once, with the counts of the whole cycle', async () => {
    const whole = await page('');
    expect(whole).toMatchObject({ total: 12, matching: 12, nextCursor: null });
    const seen: string[] = [];
    let query = '&limit=5';
    for (let i = 0; i < 3; i++) {
      const p = await page(query);
      expect(p).toMatchObject({ total: 12, matching: 12 });
      seen.push(...names(p));
      if (!p.nextCursor) break;
      query = `&limit=5&cursor=${encodeURIComponent(p.nextCursor)}`;
    }
    expect(seen).toEqual(names(whole));
  });

  it('filters by phase, readiness and text in the region’s name, and sorts by a column either way', async () => {
    const all = overviewEntries(await page(''));
    const phase = all[0]?.phase ?? 'preparation';
    const byPhase = await page(`&phase=${phase}`);
    expect(byPhase.matching).toBe(all.filter((r) => r.phase === phase).length);
    expect(overviewEntries(byPhase).every((r) => r.phase === phase)).toBe(true);
    const ready = await page('&ready=yes');
    expect(ready.matching).toBe(all.filter((r) => r.regionReady).length);
    expect(names(await page('&q=hallingDAL'))).toEqual(['Regionrådet for Hallingdal']);
    expect((await page('&q=ingen+slik+region')).matching).toBe(0);

    const byDays = overviewEntries(await page('&sort=days&dir=desc')).map((r) => r.daysInPhase);
    expect(byDays).toEqual([...byDays].sort((a, b) => b - a));
    // A page after the first keeps the order: the cursor says where the last one ended.
    const first = await page('&sort=actions&limit=4');
    const second = await page(`&sort=actions&limit=4&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    const whole = names(await page('&sort=actions'));
    expect([...names(first), ...names(second)]).toEqual(whole.slice(0, 8));
    // The cursor belongs to its order.
    const otherOrder = await get(`&sort=days&limit=4&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(otherOrder.statusCode).toBe(400);
  });

  it('refuses what it cannot take, naming the field, in problem+json', async () => {
    for (const [query, field] of [
      ['&limit=0', 'limit'],
      ['&limit=501', 'limit'],
      ['&cursor=not-a-cursor', 'cursor'],
      ['&phase=somewhere', 'phase'],
      ['&ready=maybe', 'ready'],
      ['&sort=colour', 'sort'],
      ['&dir=up', 'dir'],
    ] as const) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    }
  });
});
