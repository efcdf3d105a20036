import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Overview, OverviewQuery } from '../../shared/contracts/overview.js';
import { everyone } from '../platform/authorize.js';
import { getOverview } from './get-overview.js';

const tags = ['agreements'];

/** The overview of all regions in a cycle: where each agreement stands, in one request. */
export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/overview',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A cycle's agreements, one row each: region, phase and the day it began, ready flag, next milestone, contributions by status, open actions, last and next meeting, and the milestones' dates; compact: every label once in the answer's dictionaries, each row a short array pointing into them; a region contact gets their own region's row only; `agreement` narrows to one row",
        querystring: OverviewQuery,
        response: { 200: Overview },
      },
    },
    async (request) => getOverview(request.ctx, request.query),
  );
};
