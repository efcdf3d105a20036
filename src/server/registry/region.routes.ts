import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import { CreateRegionInput, Region, UpdateRegionInput } from '../../shared/contracts/registry.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { createRegion } from './create-region.js';
import { getRegion } from './get-region.js';
import { listRegions, RegionPageQuery } from './list-regions.js';
import { updateRegion } from './update-region.js';

const tags = ['registry'];

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/regions',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'List regions by name, each with all its dated memberships',
        querystring: RegionPageQuery,
        response: { 200: page(Region) },
      },
    },
    async (request) => listRegions(request.ctx, request.query),
  );
  app.get(
    '/api/v1/regions/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Get a region with its memberships',
        params: IdParams,
        response: { 200: Region },
      },
    },
    async (request) => getRegion(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/regions',
    {
      config: { access: adminOnly },
      schema: { tags, summary: 'Create a region', body: CreateRegionInput, response: { 201: Region } },
    },
    async (request, reply) => reply.status(201).send(await createRegion(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/regions/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Rename a region or change its written standard',
        params: IdParams,
        body: UpdateRegionInput,
        response: { 200: Region },
      },
    },
    async (request) => updateRegion(request.ctx, request.params.id, request.body),
  );
};
