import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { County, UpdateCountyInput } from '../../shared/contracts/registry.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { getCounty } from './get-county.js';
import { updateCounty } from './update-county.js';

const tags = ['registry'];

export const countyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/county',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Get the county', response: { 200: County } },
    },
    async (request) => getCounty(request.ctx),
  );
  app.patch(
    '/api/v1/county',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change the county's name or number",
        body: UpdateCountyInput,
        response: { 200: County },
      },
    },
    async (request) => updateCounty(request.ctx, request.body),
  );
};
