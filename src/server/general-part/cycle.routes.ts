import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import {
  CreateCycleInput,
  Cycle,
  GeneralPart,
  UpdateCycleInput,
} from '../../shared/contracts/general-part.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { createCycle } from './create-cycle.js';
import { getCycle } from './get-cycle.js';
import { getGeneralPart } from './get-general-part.js';
import { listCycles } from './list-cycles.js';
import { updateCycle } from './update-cycle.js';

const tags = ['cycles'];

export const cycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cycles',
    {
      config: { access: everyone },
      schema: { tags, summary: 'List agreement cycles, newest first', response: { 200: page(Cycle) } },
    },
    async (request) => listCycles(request.ctx),
  );
  app.post(
    '/api/v1/cycles',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Create a cycle, with version 1 of its general part as a draft of the five required sections',
        body: CreateCycleInput,
        response: { 201: Cycle },
      },
    },
    async (request, reply) => reply.status(201).send(await createCycle(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/cycles/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Show a cycle', params: IdParams, response: { 200: Cycle } },
    },
    async (request) => getCycle(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/cycles/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Rename a cycle, change its period or status',
        params: IdParams,
        body: UpdateCycleInput,
        response: { 200: Cycle },
      },
    },
    async (request) => updateCycle(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/v1/cycles/:id/general-part',
    {
      config: { access: everyone },
      schema: {
        tags: ['general part'],
        summary: "A cycle's general part: its versions, the current (approved) one and the draft",
        params: IdParams,
        response: { 200: GeneralPart },
      },
    },
    async (request) => getGeneralPart(request.ctx, request.params.id),
  );
};
