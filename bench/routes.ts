import { z } from 'zod';

/**
 * The routes `npm run bench` drives, in order, each with its budget. Add a route here when a feature adds
 * a read that people wait for; the first entry is the baseline the others are compared with.
 */

export type Budget = {
  /** The 95th percentile latency under load may be at most this many milliseconds. */
  p95Ms: number;
  /** The route must serve at least this share of the baseline's requests per second (0.4 = 40 %). */
  minRatio: number;
};

/** What the Foundation promised for every read: p95 ≤ 50 ms and ≥ 40 % of /api/health's throughput. */
export const foundationBudget: Budget = { p95Ms: 50, minRatio: 0.4 };

/** Ids picked from the generated dataset, for routes that address one thing. */
export type Fixtures = {
  /** The region with the most members (some of them also in another region, some outside the county). */
  regionId: string;
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

const PageOf = z.object({ items: z.array(z.unknown()), nextCursor: z.string().nullable() });

/** The path of the page after `firstPage` (same filters), from the first page's `nextCursor`. */
async function nextPage(ctx: RouteContext, firstPage: string): Promise<string> {
  const page = PageOf.parse(await ctx.getJson(firstPage));
  if (!page.nextCursor) throw new Error(`${firstPage} has no next page (nextCursor is null)`);
  const separator = firstPage.includes('?') ? '&' : '?';
  return `${firstPage}${separator}cursor=${encodeURIComponent(page.nextCursor)}`;
}

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
];
