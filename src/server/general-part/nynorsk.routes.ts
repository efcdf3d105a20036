import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import { GeneralPartNynorsk, UpdateNynorskInput } from '../../shared/contracts/general-part.js';
import { sectionsBodyLimit } from '../document-versions/section-edits.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { getNynorsk } from './get-nynorsk.js';
import { updateNynorsk } from './update-nynorsk.js';

const tags = ['general part'];

/** The nynorsk text of an approved version, for the documents of regions that write nynorsk. */
export const nynorskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/general-part-versions/:id/nynorsk',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "A version's sections in bokmål beside their nynorsk text",
        params: IdParams,
        response: { 200: GeneralPartNynorsk },
      },
    },
    async (request) => getNynorsk(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/general-part-versions/:id/nynorsk',
    {
      bodyLimit: sectionsBodyLimit,
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Enter the nynorsk text of every section of the approved version (409 if stale or not the approved version)',
        params: IdParams,
        body: UpdateNynorskInput,
        response: { 200: GeneralPartNynorsk },
      },
    },
    async (request) => updateNynorsk(request.ctx, request.params.id, request.body),
  );
};
