import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { PoliticalCase } from '../../shared/contracts/cases.js';
import { overviewEntries } from '../../shared/contracts/overview.js';
import { getAdoption } from '../adoption/adoption.routes.js';
import { agreements } from '../agreements/agreement.table.js';
import { auditEvents } from '../audit/audit.table.js';
import { getBody, listBodies } from '../bodies/list-bodies.js';
import { getBatchPlan, getCase, listCases } from '../cases/read-cases.js';
import { cycles } from '../general-part/general-part.table.js';
import { getOverview } from '../overview/get-overview.js';
import { listAgreementsInForce } from '../public/public-use-cases.js';
import { regions } from '../registry/registry.table.js';
import { demoCycle } from './demo-general-part.js';

const indre = 'Indre Østfold regionråd';
const gardermo = 'Gardermoregionen interkommunale politiske råd';
const nedreGlomma = 'Nedre Glomma regionråd';

let t: TestApp;
let cycleId: string;
let cases: PoliticalCase[];

const agreementOf = async (region: string) => {
  const [row] = await t.database.db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(and(eq(agreements.cycleId, cycleId), eq(regions.name, region)));
  if (!row) throw new Error(`no agreement of ${region}`);
  return row.id;
};
const regionsOf = (c: PoliticalCase) => c.agreements.map((a) => a.regionName);
const caseOf = (bodyKind: string, ...regionNames: string[]) => {
  const found = cases.find(
    (c) =>
      c.treatments[0]?.bodyKind === bodyKind && JSON.stringify(regionsOf(c)) === JSON.stringify(regionNames),
  );
  if (!found) throw new Error(`no ${bodyKind} case of ${regionNames.join(', ')}`);
  return found;
};

beforeAll(async () => {
  t = await startTestApp();
  const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('no demo cycle');
  cycleId = cycle.id;
  const admin = t.ctx(t.actors.admin);
  const list = await listCases(admin, { cycleId });
  cases = await Promise.all(list.items.map((c) => getCase(admin, c.id)));
});

afterAll(async () => {
  await t.close();
});

describe('the demo bodies and their meeting plans', () => {
  it('has the executive board, the county council, every regional council and the municipal councils, each with a plan', async () => {
    const admin = t.ctx(t.actors.admin);
    const { items } = await listBodies(admin, {});
    const kinds = (kind: string) => items.filter((b) => b.kind === kind);
    expect(kinds('executive_board').map((b) => b.name)).toEqual(['Fylkesrådet']);
    expect(kinds('county_council').map((b) => b.name)).toEqual(['Fylkestinget']);
    expect(kinds('regional_council')).toHaveLength(12);
    // Every municipality inside the county on the registry (51 of the 56).
    expect(kinds('municipal_council').length).toBeGreaterThanOrEqual(45);
    for (const body of items) {
      const plan = await getBody(admin, body.id);
      expect(plan.meetings.length, body.name).toBeGreaterThanOrEqual(5);
      for (const m of plan.meetings) {
        expect(m.date >= '2021-01-01' && m.date <= '2022-12-31', `${body.name} ${m.date}`).toBe(true);
        // Councils meet on weekdays.
        expect([0, 6]).not.toContain(new Date(`${m.date}T12:00:00Z`).getUTCDay());
        // The county's bodies have a deadline for case documents before each meeting, the others none.
        if (body.kind === 'executive_board' || body.kind === 'county_council')
          expect((m.documentsDue ?? '') < m.date).toBe(true);
        else expect(m.documentsDue).toBeNull();
      }
    }
  });

  it('plans the regional council meeting where each agreed special part was agreed', async () => {
    const admin = t.ctx(t.actors.admin);
    const { items } = await listBodies(admin, { kind: 'regional_council' });
    const planOf = async (name: string) => {
      const body = items.find((b) => b.name === name);
      if (!body) throw new Error(`no ${name}`);
      return (await getBody(admin, body.id)).meetings.map((m) => m.date);
    };
    expect(await planOf(indre)).toContain('2021-06-17');
    expect(await planOf(gardermo)).toContain('2021-11-11');
    expect(await planOf(nedreGlomma)).toContain('2021-11-18');
  });
});

describe('the demo cases', () => {
  it('has four cases: each batch before the executive board and, for information, the county council', () => {
    expect(cases).toHaveLength(4);
    expect(cases.map((c) => [c.treatments[0]?.bodyName, regionsOf(c).join(' + ')]).sort()).toEqual(
      [
        ['Fylkesrådet', indre],
        ['Fylkesrådet', `${gardermo} + ${nedreGlomma}`],
        ['Fylkestinget', indre],
        ['Fylkestinget', `${gardermo} + ${nedreGlomma}`],
      ].sort(),
    );
  });

  it('approved the first batch, Indre Østfold, on 19 August 2021, with its numbers and signer', () => {
    const board = caseOf('executive_board', indre);
    expect(board.archiveReference).toBe('2021/10432');
    expect(board.signer).toEqual({
      name: 'Prosesskoordinator (demo)',
      title: 'Prosesskoordinator, Fylkesrådsleders kontor',
      date: '2021-08-04',
    });
    expect(board.decisionPoints.length).toBeGreaterThan(0);
    expect(board.treatments).toHaveLength(1);
    expect(board.treatments[0]).toMatchObject({
      bodyName: 'Fylkesrådet',
      role: 'decide',
      meeting: { date: '2021-08-19', documentsDue: '2021-08-05' },
      caseNumber: '96/21',
      decision: { outcome: 'adopted', decidedOn: '2021-08-19', unanimous: true },
    });
    expect(board.treatments[0]?.decision?.decisionText).toMatch(/^1\. /);
  });

  it('attaches to each case the summaries of the 2020 hearings of version 1, from which the approved version 2 was written', () => {
    for (const c of cases) {
      expect(c.hearingSummaries.map((h) => [h.kind, h.versionNumber, h.deadline])).toEqual([
        ['informal', 1, '2020-06-12'],
        ['formal', 1, '2020-09-15'],
      ]);
    }
  });

  it("has the county council's information case for the first batch, taken for information", () => {
    const board = caseOf('executive_board', indre);
    const council = caseOf('county_council', indre);
    expect(council.sourceCaseId).toBe(board.id);
    expect(board.followUpCaseId).toBe(council.id);
    expect(council.treatments[0]).toMatchObject({
      role: 'information',
      meeting: { date: '2021-09-22' },
      caseNumber: '78/21',
      decision: { outcome: 'information', decidedOn: '2021-09-22' },
    });
  });

  it('approved the second batch of two agreements on 9 December 2021', () => {
    const board = caseOf('executive_board', gardermo, nedreGlomma);
    expect(board.treatments[0]).toMatchObject({
      meeting: { date: '2021-12-09' },
      caseNumber: '187/21',
      decision: { outcome: 'adopted', decidedOn: '2021-12-09' },
    });
  });

  it("postponed the county council's case of the second batch to a later meeting, where it waits", () => {
    const council = caseOf('county_council', gardermo, nedreGlomma);
    expect(council.treatments[0]).toMatchObject({
      role: 'information',
      // Postponed moves the treatment to the later meeting and leaves it open there.
      meeting: { date: '2022-04-20' },
      caseNumber: '12/22',
      decision: { outcome: 'postponed', decidedOn: '2022-02-16' },
    });
  });

  it('leaves no agreement ready for a new case: the three ready ones went to the board', async () => {
    const plan = await getBatchPlan(t.ctx(t.actors.admin), cycleId);
    expect(plan.agreements.filter((a) => a.ready)).toEqual([]);
    const reasonsOf = (region: string) => plan.agreements.find((a) => a.regionName === region)?.reasons;
    for (const region of [indre, gardermo, nedreGlomma])
      expect(reasonsOf(region)).toEqual(['approvedByBoard']);
    expect(reasonsOf('Regionrådet for Hallingdal')).toContain('finalMeetingNotHeld');
  });
});

describe("the demo's municipal decisions", () => {
  it('has Indre Østfold in force, adopted by the councils of its four municipalities', async () => {
    const adoption = await getAdoption(t.ctx(t.actors.region), await agreementOf(indre));
    expect(adoption.inForce).toBe(true);
    expect(adoption.board).toMatchObject({ outcome: 'adopted', decidedOn: '2021-08-19', approved: true });
    expect(adoption.council).toMatchObject({ outcome: 'information', decidedOn: '2021-09-22' });
    expect(adoption.rows.map((r) => [r.municipalityName, r.adoption?.outcome])).toEqual([
      ['Marker', 'adopted'],
      ['Indre Østfold', 'adopted'],
      ['Skiptvet', 'adopted'],
      ['Rakkestad', 'adopted'],
    ]);
    for (const row of adoption.rows) {
      expect(row.adoption?.bodyMeetingId).not.toBeNull();
      expect(row.adoption?.decidedOn.startsWith('2021-')).toBe(true);
      expect(row.adoption?.recordedBy).toBe(`Kontaktperson ${indre} (demo)`);
    }
    expect(adoption.divergences).toEqual([]);
  });

  it('has the second batch waiting for some councils, and Sarpsborg’s change not resolved', async () => {
    const admin = t.ctx(t.actors.admin);
    const garder = await getAdoption(admin, await agreementOf(gardermo));
    expect(garder.inForce).toBe(false);
    expect(garder.board?.approved).toBe(true);
    const decided = (rows: typeof garder.rows) =>
      rows.filter((r) => r.adoption).map((r) => [r.municipalityName, r.adoption?.outcome]);
    const waiting = (rows: typeof garder.rows) =>
      rows.filter((r) => !r.adoption).map((r) => r.municipalityName);
    expect(decided(garder.rows).sort()).toEqual([
      ['Eidsvoll', 'adopted'],
      ['Nes', 'adopted'],
      ['Ullensaker', 'adopted'],
    ]);
    expect(waiting(garder.rows).sort()).toEqual(['Gjerdrum', 'Hurdal', 'Nannestad']);

    const glomma = await getAdoption(admin, await agreementOf(nedreGlomma));
    expect(glomma.inForce).toBe(false);
    expect(decided(glomma.rows).sort()).toEqual([
      ['Fredrikstad', 'adopted'],
      ['Sarpsborg', 'adopted_with_changes'],
    ]);
    expect(waiting(glomma.rows)).toEqual(['Hvaler']);
    expect(glomma.divergences).toHaveLength(1);
    expect(glomma.divergences[0]).toMatchObject({
      source: 'municipality',
      municipalityName: 'Sarpsborg',
      resolution: null,
    });
    expect(glomma.divergences[0]?.changedText).toContain('levekår og folkehelse');
  });

  it('shows the phases on the overview: in force, in political processing, and the others where they were', async () => {
    const o = await getOverview(t.ctx(t.actors.admin), { cycle: cycleId });
    const rows = overviewEntries(o);
    const phaseOf = (region: string) => rows.find((r) => r.regionName === region)?.phase;
    expect(phaseOf(indre)).toBe('in_force');
    expect(phaseOf(gardermo)).toBe('political_processing');
    expect(phaseOf(nedreGlomma)).toBe('political_processing');
    expect(phaseOf('Regionrådet for Hallingdal')).toBe('joint');
    expect(phaseOf('Haldenregionen')).toBe('county_internal');
    expect(new Set(rows.map((r) => r.phase)).size).toBeGreaterThanOrEqual(4);
  });

  it('puts Indre Østfold on the public list of agreements in force, and only it', async () => {
    const list = await listAgreementsInForce({ db: t.database.db, actor: null, requestId: null }, {});
    expect(list.items.map((a) => a.regionName)).toEqual([indre]);
  });

  it('made the cases and decisions through the use cases, each audited', async () => {
    const count = async (action: string) =>
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;
    expect(await count('case.create')).toBe(4);
    expect(await count('caseTreatment.decide')).toBe(4);
    expect(await count('adoption.create')).toBe(9);
    expect(await count('politicalBody.loadDemoPlans')).toBe(1);
  });
});
