import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { EqualTreatment, Rollup } from '../../shared/contracts/follow-up-rollup.js';
import { type SeedCommitment, seedFollowUp } from './follow-up-rollup.fixtures.js';
import { getEqualTreatment } from './get-equal-treatment.js';
import { getRollup } from './get-rollup.js';
import { type RollupCommitment, summarize, tally } from './rollup.js';

const rounds = ['2022-02-01', '2023-02-01'];
const later = '2030-12-31';
const spec: SeedCommitment[] = [
  {
    region: 'Indre Østfold',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'A: Bussruter',
    budgetNok: 3_000_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 20 },
      { status: 'on_track', progress: 50 },
    ],
    indicators: [
      {
        direction: 'higher',
        baseline: 100,
        target: 200,
        targetOn: '2024-12-31',
        goals: [{ value: 150, dueOn: '2022-12-31' }],
        values: [
          { value: 120, measuredOn: '2021-12-31' },
          { value: 140, measuredOn: '2022-12-31' },
        ],
      },
    ],
  },
  {
    region: 'Indre Østfold',
    department: 'Næring',
    subjectArea: 'Næring',
    title: 'B: Næringshage',
    budgetNok: 1_000_000,
    endsOn: later,
    reports: [
      { status: 'delayed', progress: 10 },
      { status: 'delayed', progress: 10 },
    ],
    indicators: [
      {
        direction: 'lower',
        baseline: 30,
        target: 10,
        targetOn: '2024-12-31',
        values: [
          { value: 25, measuredOn: '2021-12-31' },
          { value: 28, measuredOn: '2022-12-31' },
        ],
      },
    ],
  },
  {
    region: 'Indre Østfold',
    subjectArea: 'Næring',
    title: 'C: Prosjektleder',
    budgetNok: 400_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 40 },
      { status: 'done', progress: 100 },
    ],
  },
  {
    region: 'Indre Østfold',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'D: Innfartsparkering',
    budgetNok: 500_000,
    endsOn: later,
    reports: [
      { status: 'at_risk', progress: 30 },
      { status: 'dropped', progress: 30 },
    ],
    indicators: [{ direction: 'higher', baseline: 0, target: 10, targetOn: '2024-12-31' }],
  },
  {
    region: 'Indre Østfold',
    department: 'Næring',
    subjectArea: 'Næring',
    title: 'E: Trukket tilbake',
    budgetNok: 2_000_000,
    endsOn: later,
    withdrawn: true,
    reports: [{ status: 'on_track', progress: 10 }, null],
  },
  {
    region: 'Regionrådet for Hadeland',
    department: 'Kultur, frivillighet og folkehelse',
    subjectArea: 'Kultur',
    title: 'F: Kulturskole',
    budgetNok: null,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 60 },
      { status: 'on_track', progress: 80 },
    ],
  },
  {
    region: 'Regionrådet for Hadeland',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'G: Gang- og sykkelvei',
    budgetNok: 2_000_000,
    endsOn: '2022-06-30',
    reports: [null, null],
  },
  {
    region: 'Ringeriksregionen',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'H: Ringeriksbanen',
    budgetNok: 12_000_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 30 },
      { status: 'on_track', progress: 60 },
    ],
  },
  {
    region: 'Ringeriksregionen',
    subjectArea: 'Kultur',
    title: 'I: Frivillighetssentral',
    budgetNok: 0,
    endsOn: later,
    reports: [{ status: 'on_track', progress: 50 }, null],
  },
  {
    region: 'Regionrådet for Hallingdal',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'J: Vinterdrift',
    budgetNok: 500_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 50 },
      { status: 'on_track', progress: 50 },
    ],
  },
  {
    region: 'Haldenregionen',
    department: 'Næring',
    subjectArea: 'Næring',
    title: 'K: Grensehandel',
    budgetNok: 300_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 50 },
      { status: 'on_track', progress: 50 },
    ],
  },
];

/** What the pure rules make of some of the spec's commitments, for comparing with what SQL summed. */
const expectedOf = (items: SeedCommitment[], today: string) =>
  summarize(
    tally(
      items.map((c) => {
        const latest = [...c.reports].reverse().find((r) => r !== null) ?? null;
        const missed = c.reports.some((r) => r === null);
        const commitment: RollupCommitment = {
          budgetNok: c.budgetNok,
          withdrawn: c.withdrawn ?? false,
          status: latest?.status ?? null,
          progress: latest?.progress ?? null,
          overdue:
            missed ||
            ((c.endsOn ?? later) < today && latest?.status !== 'done' && latest?.status !== 'dropped'),
        };
        return {
          commitment,
          indicators: (c.indicators ?? []).map((i) => {
            const values = (i.values ?? []).map((v) => ({ value: v.value, on: v.measuredOn }));
            return {
              direction: i.direction,
              baseline: i.baseline,
              target: i.target,
              targetOn: i.targetOn,
              goals: (i.goals ?? []).map((g) => ({ value: g.value, on: g.dueOn })),
              latest: values.at(-1) ?? null,
              previous: values.at(-2) ?? null,
            };
          }),
        };
      }),
    ),
  );

let t: TestApp;
let admin: string;
let seeded: Awaited<ReturnType<typeof seedFollowUp>>;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  seeded = await seedFollowUp(t.database.db, { rounds, commitments: spec });
});
afterAll(async () => t.close());

const rollupOf = async (by: string, page = ''): Promise<Rollup> => {
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/follow-up/rollup?cycle=${seeded.cycleId}&by=${by}${page}`,
    cookie: await t.cookieFor('leser@demo.partnerskap.no'),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('the roll-up', () => {
  it('by region: progress weighted by budget where every counted commitment has one, the sides apart', async () => {
    const rollup = await rollupOf('region');
    const today = rollup.date;
    const io = rollup.items.find((g) => g.name === 'Indre Østfold regionråd');
    // County side: A 50 % of 3 MNOK and B 10 % of 1 MNOK; D dropped and E withdrawn weigh nothing.
    expect(io?.county).toMatchObject({
      progress: 40,
      weighting: 'budget',
      counted: 2,
      commitments: 3,
      withdrawn: 1,
    });
    expect(io?.county.statuses).toMatchObject({ on_track: 1, delayed: 1, dropped: 1 });
    // The region's own: C done.
    expect(io?.region).toMatchObject({ progress: 100, weighting: 'budget', counted: 1 });
    // Together: (150 + 10 + 40) MNOK·% / 4.4 MNOK.
    expect(io?.total).toMatchObject({ progress: 45.5, weighting: 'budget', budgetNok: 4_400_000 });
    // A rose towards its target but is behind its 2022 goal; B (lower is better) rose, away from its target;
    // D's indicator belongs to a dropped commitment and is not counted.
    expect(io?.county.indicators).toEqual({
      reached: 0,
      towards: 1,
      away: 1,
      unchanged: 0,
      no_value: 0,
      behindGoal: 1,
    });
    expect(io?.total).toEqual(
      expectedOf(
        spec.filter((c) => c.region === 'Indre Østfold'),
        today,
      ),
    );

    const hadeland = rollup.items.find((g) => g.name === 'Regionrådet for Hadeland');
    // F has no budget, G has one: equal weights, (80 + 0) / 2; G never reported and is past its end.
    expect(hadeland?.county).toMatchObject({ progress: 40, weighting: 'equal', withBudget: 1, overdue: 1 });
    expect(hadeland?.county.statuses.not_reported).toBe(1);

    const ringerike = rollup.items.find((g) => g.name === 'Ringeriksregionen interkommunale politiske råd');
    // I's 0 kr makes the rule equal; its latest report is the first round's, and it missed the second.
    expect(ringerike?.total).toMatchObject({ progress: 55, weighting: 'equal', overdue: 1 });

    // Regions without commitments are not listed; the cycle's total is every commitment's.
    expect(rollup.items).toHaveLength(5);
    expect(rollup).toMatchObject({ count: 5, nextCursor: null });
    expect(rollup.total.total).toEqual(expectedOf(spec, today));
    expect(rollup.total.total.weighting).toBe('equal');
  });

  it('by department, with the regions’ own commitments as a group of their own, last', async () => {
    const rollup = await rollupOf('department');
    expect(rollup.items.map((g) => g.name)).toEqual([
      'Kultur, frivillighet og folkehelse',
      'Næring',
      'Samferdsel',
      null,
    ]);
    const own = rollup.items.at(-1);
    // C 100 % (400 000 kr) and I 50 % (0 kr): equal weights.
    expect(own?.total).toMatchObject({ progress: 75, weighting: 'equal', commitments: 2 });
    expect(own?.county.commitments).toBe(0);
    const transport = rollup.items.find((g) => g.name === 'Samferdsel');
    expect(transport?.total).toEqual(
      expectedOf(
        spec.filter((c) => c.department === 'Samferdsel'),
        rollup.date,
      ),
    );
  });

  it('by subject area and by agreement, in the same totals', async () => {
    for (const by of ['subject-area', 'agreement']) {
      const rollup = await rollupOf(by);
      expect(rollup.by).toBe(by);
      expect(rollup.total.total).toEqual(expectedOf(spec, rollup.date));
      const sum = rollup.items.reduce((n, g) => n + g.total.commitments, 0);
      expect(sum).toBe(rollup.total.total.commitments);
    }
  });

  it('comes a page at a time by the groups’ order, each page with the county’s figures over every group', async () => {
    const whole = await rollupOf('region');
    expect(whole.items.map((g) => g.name)).toEqual([
      'Haldenregionen',
      'Indre Østfold regionråd',
      'Regionrådet for Hadeland',
      'Regionrådet for Hallingdal',
      'Ringeriksregionen interkommunale politiske råd',
    ]);
    const pages: Rollup[] = [await rollupOf('region', '&limit=2')];
    for (let cursor = pages[0]?.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor)
      pages.push(await rollupOf('region', `&limit=2&cursor=${encodeURIComponent(cursor)}`));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items)).toEqual(whole.items);
    for (const page of pages) {
      expect(page.total).toEqual(whole.total);
      expect(page.count).toBe(5);
    }
    expect(pages.at(-1)?.nextCursor).toBeNull();

    // By department the regions' own commitments stay last, after a page break as well.
    const departments = await rollupOf('department', '&limit=3');
    expect(departments.items.map((g) => g.name)).toEqual([
      'Kultur, frivillighet og folkehelse',
      'Næring',
      'Samferdsel',
    ]);
    const rest = await rollupOf(
      'department',
      `&limit=3&cursor=${encodeURIComponent(departments.nextCursor ?? '')}`,
    );
    expect(rest.items.map((g) => g.name)).toEqual([null]);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give and a limit outside 1–500, on both routes', async () => {
    const made = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const [query, field] of [
      ['&cursor=not-a-cursor', 'cursor'],
      [`&cursor=${made(['Haldenregionen', 'x'])}`, 'cursor'],
      [`&cursor=${made({ rank: 'first', name: 'Haldenregionen', id: 'x' })}`, 'cursor'],
      ['&limit=0', 'limit'],
      ['&limit=501', 'limit'],
      ['&limit=many', 'limit'],
    ] as const) {
      for (const path of ['rollup', 'equal-treatment']) {
        const res = await t.request({
          method: 'GET',
          url: `/api/v1/follow-up/${path}?cycle=${seeded.cycleId}${query}`,
          cookie: admin,
        });
        expect(res.statusCode, `${path}${query}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
      }
    }
    expect((await rollupOf('region', '&limit=500')).items).toHaveLength(5);
  });

  it('follows a new report at once, through the read cache', async () => {
    const before = await getRollup(t.ctx(t.actors.admin), { cycle: seeded.cycleId, by: 'region' });
    await seedFollowUp(t.database.db, {
      rounds: ['2024-02-01'],
      commitments: [
        {
          region: 'Haldenregionen',
          department: 'Næring',
          subjectArea: 'Næring',
          title: 'L: Ny',
          budgetNok: 100,
          endsOn: later,
          reports: [{ status: 'on_track', progress: 10 }],
        },
      ],
    });
    const after = await getRollup(t.ctx(t.actors.admin), { cycle: seeded.cycleId, by: 'region' });
    expect(after.total.total.commitments).toBe(before.total.total.commitments + 1);
  });

  it('refuses a bad dimension, a bad or unknown cycle, and anyone not signed in', async () => {
    for (const [query, field] of [
      [`cycle=${seeded.cycleId}&by=kommune`, 'by'],
      ['cycle=abc&by=region', 'cycle'],
      ['by=region', 'cycle'],
    ] as const) {
      const res = await t.request({ method: 'GET', url: `/api/v1/follow-up/rollup?${query}`, cookie: admin });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/follow-up/rollup?cycle=7d3e6b4e-0000-4000-8000-000000000000',
      cookie: admin,
    });
    expect(unknown.statusCode).toBe(404);
    const anonymous = await t.request({
      method: 'GET',
      url: `/api/v1/follow-up/rollup?cycle=${seeded.cycleId}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the equal-treatment view', () => {
  const population: { counts: { number: string; count: number }[] } = JSON.parse(
    readFileSync(new URL('../../../data/demo/population-2020.json', import.meta.url), 'utf8'),
  );
  const inhabitantsOf = (numbers: string[]) =>
    numbers.reduce((sum, n) => sum + (population.counts.find((c) => c.number === n)?.count ?? Number.NaN), 0);

  it('counts Jevnaker in full in both Hadeland and Ringerike, and gives kroner per inhabitant', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/follow-up/equal-treatment?cycle=${seeded.cycleId}&date=2022-01-01`,
      cookie: await t.cookieFor('hallingdal@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(200);
    const view: EqualTreatment = res.json();
    expect(view.date).toBe('2022-01-01');
    // Every region of the registry has an agreement in the test cycle: they fit on the first page.
    expect(view.items).toHaveLength(view.count);
    expect(view.nextCursor).toBeNull();
    const region = (start: string) => view.items.find((r) => r.name.startsWith(start));
    // Lunner, Jevnaker, Gran.
    const hadeland = region('Regionrådet for Hadeland');
    expect(hadeland).toMatchObject({
      inhabitants: inhabitantsOf(['3054', '3053', '3446']),
      shared: ['Jevnaker'],
    });
    // Ringerike, Hole, Jevnaker, and Modum and Krødsherad, members from 2021.
    const ringerike = region('Ringeriksregionen');
    expect(ringerike).toMatchObject({
      inhabitants: inhabitantsOf(['3007', '3038', '3053', '3047', '3046']),
      members: 5,
      shared: ['Jevnaker'],
      ownCommitments: 1,
      ownKroner: 0,
    });
    expect(ringerike?.total).toMatchObject({
      commitments: 1,
      kroner: 12_000_000,
      kronerPerInhabitant: Math.round(12_000_000 / (ringerike?.inhabitants ?? 1)),
      kronerOutlier: 'high',
    });
    // Indre Østfold: A, B and the dropped D are owed by the county; the dropped one's kroner are not counted.
    expect(region('Indre Østfold')?.total).toMatchObject({ commitments: 3, kroner: 4_000_000 });
    expect(region('Indre Østfold')).toMatchObject({ ownCommitments: 1, ownKroner: 400_000 });
    // Drammensregionen had no members until April 2022: no inhabitants, no per-inhabitant figure, no mark.
    expect(region('Drammensregionen')).toMatchObject({ inhabitants: null, members: 0 });
    expect(region('Drammensregionen')?.total).toMatchObject({
      kronerPerInhabitant: null,
      kronerOutlier: null,
    });
    // The county counts Jevnaker once: its inhabitants are fewer than the regions' added up.
    const added = view.items.reduce((sum, r) => sum + (r.inhabitants ?? 0), 0);
    expect(view.county.inhabitants).toBeLessThan(added);
    expect(view.county).toMatchObject({ commitments: 9, kroner: 18_800_100 });
    // Only the regions far from the rest are marked.
    expect(view.items.filter((r) => r.total.kronerOutlier).map((r) => r.name)).toEqual([
      'Ringeriksregionen interkommunale politiske råd',
    ]);
    expect(view.kronerFences?.high).toBeLessThan(ringerike?.total.kronerPerInhabitant ?? 0);
  });

  it('shows each subject area and department with the regions side by side', async () => {
    const view = await getEqualTreatment(t.ctx(t.actors.viewer), {
      cycle: seeded.cycleId,
      date: '2022-01-01',
    });
    expect(view.subjectAreas.map((s) => s.name)).toEqual(['Samferdsel', 'Næring', 'Kultur']);
    const transport = view.subjectAreas[0];
    // A cell for each region, in the regions' order, with what the screen shows of it.
    expect(transport?.cells).toHaveLength(view.items.length);
    const cellOf = (start: string) => {
      const index = view.items.findIndex((r) => r.name.startsWith(start));
      return { region: view.items[index], cell: transport?.cells[index] };
    };
    const ringerike = cellOf('Ringeriksregionen');
    expect(ringerike.cell).toEqual({
      kronerPerInhabitant: Math.round(12_000_000 / (ringerike.region?.inhabitants ?? 1)),
      kronerOutlier: 'high',
    });
    const hadeland = cellOf('Regionrådet for Hadeland');
    expect(hadeland.cell?.kronerPerInhabitant).toBe(
      Math.round(2_000_000 / (hadeland.region?.inhabitants ?? 1)),
    );
    expect(cellOf('Drammensregionen').cell).toEqual({ kronerPerInhabitant: null, kronerOutlier: null });
    expect(cellOf('Kongsbergregionen').cell).toEqual({ kronerPerInhabitant: 0, kronerOutlier: null });
    expect(view.departments.map((d) => d.name).sort()).toEqual(
      ['Kultur, frivillighet og folkehelse', 'Næring', 'Samferdsel'].sort(),
    );
  });

  it('comes a page of regions at a time, each judged against every region, not its page', async () => {
    const base = `/api/v1/follow-up/equal-treatment?cycle=${seeded.cycleId}&date=2022-01-01`;
    const read = async (query: string): Promise<EqualTreatment> => {
      const res = await t.request({ method: 'GET', url: `${base}${query}`, cookie: admin });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const whole = await read('');
    // Pages of one region: each alone is too few for fences, so a mark on one is the whole county's.
    const pages: EqualTreatment[] = [await read('&limit=1')];
    for (let cursor = pages[0]?.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor)
      pages.push(await read(`&limit=1&cursor=${encodeURIComponent(cursor)}`));
    expect(pages).toHaveLength(whole.count);
    expect(pages.flatMap((p) => p.items)).toEqual(whole.items);
    for (const page of pages) {
      expect(page).toMatchObject({
        count: whole.count,
        county: whole.county,
        kronerFences: whole.kronerFences,
        commitmentsFences: whole.commitmentsFences,
      });
      expect(page.subjectAreas.map((c) => c.name)).toEqual(whole.subjectAreas.map((c) => c.name));
      expect(page.departments.map((c) => c.name)).toEqual(whole.departments.map((c) => c.name));
    }
    const ringerike = pages.find((p) => p.items[0]?.name.startsWith('Ringeriksregionen'));
    expect(ringerike?.items[0]?.total.kronerOutlier).toBe('high');
    expect(ringerike?.subjectAreas[0]?.cells).toEqual([expect.objectContaining({ kronerOutlier: 'high' })]);
    // The columns' cells, page after page, are the whole view's.
    for (const [index, column] of whole.subjectAreas.entries())
      expect(pages.flatMap((p) => p.subjectAreas[index]?.cells ?? [])).toEqual(column.cells);
    for (const [index, column] of whole.departments.entries())
      expect(pages.flatMap((p) => p.departments[index]?.cells ?? [])).toEqual(column.cells);
    // Sorted by name as Norwegian sorts it.
    const names = whole.items.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('nb').compare));
  });

  it('refuses a bad date or cycle', async () => {
    for (const [query, field] of [
      [`cycle=${seeded.cycleId}&date=2022-13-01`, 'date'],
      ['cycle=1', 'cycle'],
    ] as const) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/follow-up/equal-treatment?${query}`,
        cookie: admin,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
    }
  });
});
