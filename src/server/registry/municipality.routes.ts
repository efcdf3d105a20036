import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import {
  CreateMunicipalityInput,
  Municipality,
  UpdateMunicipalityInput,
} from '../../shared/contracts/registry.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { createMunicipality } from './create-municipality.js';
import { getMunicipality } from './get-municipality.js';
import { listMunicipalities, MunicipalityListQuery } from './list-municipalities.js';
import { updateMunicipality } from './update-municipality.js';

const tags = ['registry'];

export const municipalityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/municipalities',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'List municipalities by number, optionally searched by name or number',
        querystring: MunicipalityListQuery,
        response: { 200: page(Municipality) },
      },
    },
    async (request) => listMunicipalities(request.ctx, request.query),
  );
  app.get(
    '/api/v1/municipalities/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Get a municipality', params: IdParams, response: { 200: Municipality } },
    },
    async (request) => getMunicipality(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/municipalities',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Register a municipality',
        body: CreateMunicipalityInput,
        response: { 201: Municipality },
      },
    },
    async (request, reply) => reply.status(201).send(await createMunicipality(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/municipalities/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change a municipality's number, name, dates or county",
        params: IdParams,
        body: UpdateMunicipalityInput,
        response: { 200: Municipality },
      },
    },
    async (request) => updateMunicipality(request.ctx, request.params.id, request.body),
  );
};
