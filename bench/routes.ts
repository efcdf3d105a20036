import { z } from 'zod';

/**
 * The routes `npm run bench` drives, in order, each with its budget. Add a route here when a feature adds
 * a read that people wait for; the first entry is the baseline the others are compared with.
 */

export type Budget = {
  /** The 95th percentile latency under load may be at most this many milliseconds. */
  p95Ms: number;
  /**
   * The route must serve at least this share of the baseline's requests per second (0.4 = 40 %). Absent
   * where the issue that set the budget asked for a latency only.
   */
  minRatio?: number;
};

/** What the Foundation promised for every read: p95 ≤ 50 ms and ≥ 40 % of /api/health's throughput. */
export const foundationBudget: Budget = { p95Ms: 50, minRatio: 0.4 };

/** Issue 3: the hearing screen's API on a hearing with 1,000 inputs answers at p95 ≤ 100 ms. */
export const hearingScreenBudget: Budget = { p95Ms: 100 };

/** Issue 3: comparing two versions of about 50 pages of text answers at p95 ≤ 200 ms. */
export const compareBudget: Budget = { p95Ms: 200 };

/** Issue 4: the departments × regions matrix on the national dataset answers at p95 ≤ 100 ms. */
export const matrixBudget: Budget = { p95Ms: 100 };

/**
 * Issue "Process and meetings", item 5: the overview of all regions on the national dataset answers at
 * p95 ≤ 50 ms and at ≥ 40 % of /api/health's throughput, as the Foundation asked of every read.
 */
export const overviewBudget: Budget = foundationBudget;

/** Issue "Process and meetings", item 3: a calendar feed of 500 meetings answers at p95 ≤ 50 ms. */
export const calendarFeedBudget: Budget = { p95Ms: 50 };

/** Issue 12: the public list of agreements in force at national size: p95 ≤ 50 ms and ≥ 40 % of health. */
export const publicListBudget: Budget = foundationBudget;

/**
 * Issue 13: the follow-up's roll-up by region at national size (~170,000 commitments with a round of
 * reports) at p95 ≤ 50 ms and ≥ 40 % of health's throughput; the equal-treatment view at p95 ≤ 100 ms.
 */
export const rollupBudget: Budget = foundationBudget;
export const equalTreatmentBudget: Budget = { p95Ms: 100 };

/** Ids picked from the generated dataset, for routes that address one thing. */
export type Fixtures = {
  /** The region with the most members (some of them also in another region, some outside the county). */
  regionId: string;
  /** The closed hearing all 1,200 regions were invited to, with 1,000 inputs (bench/dataset-hearing.ts). */
  hearingId: string;
  /** Version 1 (on hearing) and version 2 (the draft taking the input in) of the general part. */
  compareFrom: string;
  compareTo: string;
  /** Their length in pages, for the report. */
  comparedPages: [number, number];
  /** The cycle of the national matrix: 1,200 regions × 7 departments, ~170,000 contributions. */
  matrixCycleId: string;
  /** The path of region 1's contact's calendar feed, ~500 meetings (bench/calendar.ts), once it is made. */
  calendarFeedPath?: string;
};

export type RouteContext = {
  fixtures: Fixtures;
  /** A signed-in GET as the benchmark's admin; throws unless the answer is 200. */
  getJson(path: string): Promise<unknown>;
};

export type BenchRoute = {
  /** Shown in the table and in results/latest.json. */
  name: string;
  /** The path and query to load; a function when it needs the dataset's ids or the API's answer. */
  path: string | ((ctx: RouteContext) => string | Promise<string>);
  budget: Budget | 'baseline';
};

const AgreementPage = z.object({ items: z.array(z.object({ id: z.string() })) });

const PageOf = z.object({ nextCursor: z.string().nullable() });

/** The path of the page after `firstPage` (same filters), from the first page's `nextCursor`. */
async function nextPage(ctx: RouteContext, firstPage: string): Promise<string> {
  const page = PageOf.parse(await ctx.getJson(firstPage));
  if (!page.nextCursor) throw new Error(`${firstPage} has no next page (nextCursor is null)`);
  const separator = firstPage.includes('?') ? '&' : '?';
  return `${firstPage}${separator}cursor=${encodeURIComponent(page.nextCursor)}`;
}

/** A hearing's first page of inputs as the web asks for it (web/features/hearings/hearings.api.ts). */
export const hearingPage = (fixtures: Fixtures, what: 'inputs' | 'overview', filters = '') =>
  `/api/v1/hearings/${fixtures.hearingId}/${what}?${filters}limit=100`;

/** The agreements table's first page as the web asks for it (web/features/agreements/agreements.api.ts). */
export const agreementsPage = (fixtures: Fixtures) =>
  `/api/v1/agreements?cycle=${fixtures.matrixCycleId}&sort=region&dir=asc&limit=100`;

/** The first pages of Samlet oppfølging as the web asks for them (cycle, dimension, then limit). */
const rollupPage = (fixtures: Fixtures) =>
  `/api/v1/follow-up/rollup?cycle=${fixtures.matrixCycleId}&by=region&limit=100`;
const equalTreatmentPage = (fixtures: Fixtures) =>
  `/api/v1/follow-up/equal-treatment?cycle=${fixtures.matrixCycleId}&limit=100`;

export const routes: readonly BenchRoute[] = [
  { name: 'GET /api/health', path: '/api/health', budget: 'baseline' },
  { name: 'GET /api/v1/regions', path: '/api/v1/regions', budget: foundationBudget },
  {
    name: 'GET /api/v1/regions/{id}',
    path: ({ fixtures }) => `/api/v1/regions/${fixtures.regionId}`,
    budget: foundationBudget,
  },
  { name: 'GET /api/v1/audit-events', path: '/api/v1/audit-events', budget: foundationBudget },
  {
    name: 'GET /api/v1/audit-events?entityType=region, page 2',
    path: (ctx) => nextPage(ctx, '/api/v1/audit-events?entityType=region'),
    budget: foundationBudget,
  },
  // The hearing screen (web: HearingPage) loads the hearing and its overview, a hundred inputs at a time
  // (web/features/hearings/hearings.api.ts); the dispositions page loads the overview with filters, and the
  // inputs list is the same input without the tallies. The hearing has 1,000 inputs.
  {
    name: 'GET /api/v1/hearings/{id} (1,200 invited)',
    path: ({ fixtures }) => `/api/v1/hearings/${fixtures.hearingId}`,
    budget: hearingScreenBudget,
  },
  {
    name: 'GET /api/v1/hearings/{id}/inputs?limit=100 (of 1,000)',
    path: ({ fixtures }) => hearingPage(fixtures, 'inputs'),
    budget: hearingScreenBudget,
  },
  {
    name: 'GET /api/v1/hearings/{id}/overview?limit=100 (of 1,000)',
    path: ({ fixtures }) => hearingPage(fixtures, 'overview'),
    budget: hearingScreenBudget,
  },
  {
    name: 'GET /api/v1/hearings/{id}/overview?limit=100 (of 1,000), page 2',
    path: (ctx) => nextPage(ctx, hearingPage(ctx.fixtures, 'overview')),
    budget: hearingScreenBudget,
  },
  {
    name: 'GET /api/v1/hearings/{id}/overview?status=unanswered&limit=100',
    path: ({ fixtures }) => hearingPage(fixtures, 'overview', 'status=unanswered&'),
    budget: hearingScreenBudget,
  },
  {
    name: 'GET /api/v1/general-part-versions/compare (2 × 50 pages)',
    path: ({ fixtures }) =>
      `/api/v1/general-part-versions/compare?from=${fixtures.compareFrom}&to=${fixtures.compareTo}`,
    budget: compareBudget,
  },
  // The agreements page (web: AgreementListPage): the national cycle's 1,200 agreements with their counts,
  // as the table asks for them, 100 at a time in the region's order, and the next 100 after «Vis flere».
  {
    name: 'GET /api/v1/agreements?limit=100 (1,200 agreements)',
    path: ({ fixtures }) => agreementsPage(fixtures),
    budget: foundationBudget,
  },
  {
    name: 'GET /api/v1/agreements?limit=100, page 2',
    path: (ctx) => nextPage(ctx, agreementsPage(ctx.fixtures)),
    budget: foundationBudget,
  },
  // An agreement's Bidrag tab (web: ContributionsTab): one region's contributions from every department.
  {
    name: 'GET /api/v1/agreements/{id}/contributions (one agreement of the national cycle)',
    path: async (ctx) => {
      const agreements = `/api/v1/agreements?cycle=${ctx.fixtures.matrixCycleId}&limit=1`;
      const first = AgreementPage.parse(await ctx.getJson(agreements)).items[0];
      if (!first) throw new Error('the national cycle has no agreements');
      return `/api/v1/agreements/${first.id}/contributions`;
    },
    budget: foundationBudget,
  },
  // The coordinator's matrix (web: MatrixPage), plain and filtered as the screen's filters ask for it.
  {
    name: 'GET /api/v1/matrix (1,200 × 7, ~170,000 contributions)',
    path: ({ fixtures }) => `/api/v1/matrix?cycle=${fixtures.matrixCycleId}`,
    budget: matrixBudget,
  },
  {
    name: 'GET /api/v1/matrix?status=agreed',
    path: ({ fixtures }) => `/api/v1/matrix?cycle=${fixtures.matrixCycleId}&status=agreed`,
    budget: matrixBudget,
  },
  // The overview of all regions (web: OverviewPage): the table and the timeline of the national cycle, as
  // the page asks for them, 100 rows at a time in the region's order, and the next 100 after «Vis flere».
  {
    name: 'GET /api/v1/overview?limit=100 (1,200 agreements, milestones and meetings)',
    path: ({ fixtures }) => `/api/v1/overview?cycle=${fixtures.matrixCycleId}&sort=region&dir=asc&limit=100`,
    budget: overviewBudget,
  },
  {
    name: 'GET /api/v1/overview?limit=100, page 2',
    path: (ctx) =>
      nextPage(ctx, `/api/v1/overview?cycle=${ctx.fixtures.matrixCycleId}&sort=region&dir=asc&limit=100`),
    budget: overviewBudget,
  },
  // Issue 12: the public list of agreements in force (web: the public front page), for anyone without a
  // session, at national size: the matrix cycle's 1,200 agreements in force (bench/dataset-public.ts). The
  // front page asks for them 100 at a time (web/shared/use-paged-list.ts), the first page and then each
  // next one, so both are measured.
  {
    name: 'GET /api/v1/public/agreements?limit=100 (1,200 agreements in force)',
    path: '/api/v1/public/agreements?limit=100',
    budget: publicListBudget,
  },
  {
    name: 'GET /api/v1/public/agreements?limit=100, page 2',
    path: (ctx) => nextPage(ctx, '/api/v1/public/agreements?limit=100'),
    budget: publicListBudget,
  },
  // Issue 13: Samlet oppfølging (web: RollupPage, EqualTreatmentPage) on the national cycle's commitments
  // (bench/dataset-follow-up-rollup.ts). Both pages ask for 100 groups or regions at a time
  // (web/shared/use-paged-list.ts), the first page and then each next one, so both are measured.
  {
    name: 'GET /api/v1/follow-up/rollup?by=region&limit=100 (~170,000 commitments)',
    path: ({ fixtures }) => rollupPage(fixtures),
    budget: rollupBudget,
  },
  {
    name: 'GET /api/v1/follow-up/rollup?by=region&limit=100, page 2',
    path: (ctx) => nextPage(ctx, rollupPage(ctx.fixtures)),
    budget: rollupBudget,
  },
  {
    name: 'GET /api/v1/follow-up/equal-treatment?limit=100 (1,200 regions)',
    path: ({ fixtures }) => equalTreatmentPage(fixtures),
    budget: equalTreatmentBudget,
  },
  {
    name: 'GET /api/v1/follow-up/equal-treatment?limit=100, page 2',
    path: (ctx) => nextPage(ctx, equalTreatmentPage(ctx.fixtures)),
    budget: equalTreatmentBudget,
  },
  // A calendar program subscribed to a personal feed (the token is the only key; no session).
  {
    name: 'GET /api/v1/calendar/{token}.ics (500 meetings)',
    path: ({ fixtures }) => {
      if (!fixtures.calendarFeedPath) throw new Error('no calendar feed was made (bench/calendar.ts)');
      return fixtures.calendarFeedPath;
    },
    budget: calendarFeedBudget,
  },
];
