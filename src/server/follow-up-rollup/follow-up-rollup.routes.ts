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
        querystring: EqualTreatmentQuery,
        response: { 200: EqualTreatment },
      },
    },
    async (request) => getEqualTreatment(request.ctx, request.query),
  );
};
