import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Matrix, MatrixQuery } from '../../shared/contracts/matrix.js';
import { everyone } from '../platform/authorize.js';
import { getMatrix } from './get-matrix.js';

const tags = ['contributions'];

/** The departments × regions matrix of a cycle: the coordinator's overview of the special parts. */
export const matrixRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/matrix',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A cycle's departments × regions: each department's (and the region's own) contributions per region counted by status, and per region the wanted subject areas no department has answered; filters subjectArea and status (repeatable or comma lists)",
        querystring: MatrixQuery,
        response: { 200: Matrix },
      },
    },
    async (request) => getMatrix(request.ctx, request.query),
  );
};
