import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  CreateDispositionInput,
  Disposition,
  UpdateDispositionInput,
} from '../../shared/contracts/hearings.js';
import { adminOnly } from '../platform/authorize.js';
import { createDisposition } from './create-disposition.js';
import { dispositionEditors, updateDisposition } from './update-disposition.js';

const tags = ['hearings'];

export const dispositionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/hearings/:id/dispositions',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Answer one or more inputs of a closed hearing (taken in, partly, not taken in, noted)',
        params: IdParams,
        body: CreateDispositionInput,
        response: { 201: Disposition },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDisposition(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/dispositions/:id',
    {
      config: { access: dispositionEditors },
      schema: {
        tags,
        summary:
          "Change a disposition (admin), or answer one assigned to one's department while not final (outcome, reason)",
        params: IdParams,
        body: UpdateDispositionInput,
        response: { 200: Disposition },
      },
    },
    async (request) => updateDisposition(request.ctx, request.params.id, request.body),
  );
};
