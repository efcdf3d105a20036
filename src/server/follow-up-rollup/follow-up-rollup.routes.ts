import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EqualTreatment,
  EqualTreatmentQuery,
  Rollup,
  RollupQuery,
} from '../../shared/contracts/follow-up-rollup.js';
import { everyone } from '../platform/authorize.js';
import { getEqualTreatment } from './get-equal-treatment.js';
import { getRollup } from './get-rollup.js';

const tags = ['follow-up'];

/** The follow-up's roll-up and equal-treatment view: everyone signed in reads them. */
export const followUpRollupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/follow-up/rollup',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A cycle's commitments rolled up by region, department, subject area or agreement: progress with its weighting rule, statuses, indicators and what is overdue, the county's and the region's side apart",
        description:
          "The groups come a page at a time, in the order the screen shows them (regions, departments and agreements by name, subject areas by position; by department the regions' own commitments last): `limit` groups (default 100, at most 500) after `cursor`, the `nextCursor` of the page before (null on the last page). `total` (the county) and `count` (the number of groups) are over every group, on every page. Paged because a national county's 1,200 regions made a megabyte that every request sent and a screen shows a hundred of.",
        querystring: RollupQuery,
        response: { 200: Rollup },
      },
    },
    async (request) => getRollup(request.ctx, request.query),
  );
  app.get(
    '/api/v1/follow-up/equal-treatment',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'What each region got in a cycle: commitments and kroner in total, per subject area and per department, per inhabitant, with outliers marked',
        description:
          "The regions come a page at a time by name: `limit` regions (default 100, at most 500) after `cursor`, the `nextCursor` of the page before (null on the last page). Each subject area's and department's `cells` are the page's regions', in the same order as `items`. The county's figures, `count` (the number of regions) and the fences are over every region, on every page, so a region is marked an outlier against all of them, not against its page. Paged because at national size every column repeated a cell for each of 1,200 regions: megabytes that every request sent and a screen shows a hundred rows of.",
        querystring: EqualTreatmentQuery,
        response: { 200: EqualTreatment },
      },
    },
    async (request) => getEqualTreatment(request.ctx, request.query),
  );
};
