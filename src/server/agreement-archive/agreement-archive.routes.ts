import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementArchive } from '../../shared/contracts/agreement-document.js';
import { IdParams } from '../../shared/contracts/common.js';
import { adminOnly } from '../platform/authorize.js';
import { sendDownload } from '../platform/http/files.js';
import { getAgreementArchive, getAgreementArchiveFile } from './get-agreement-archive.js';
import { requestAgreementArchive } from './request-agreement-archive.js';

const tags = ['agreements'];
const zipFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export const agreementArchiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/cycles/:id/agreement-archives',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Starts a ZIP of every agreement of the cycle (DOCX and PDF of each) in the background; answers the one already being made, if any',
        params: IdParams,
        response: { 202: AgreementArchive },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestAgreementArchive(request.ctx, request.params.id)),
  );

  app.get(
    '/api/v1/agreement-archives/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "An agreement archive's state and progress (done of total agreements)",
        params: IdParams,
        response: { 200: AgreementArchive },
      },
    },
    async (request) => getAgreementArchive(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/agreement-archives/:id/file',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'The finished ZIP of an agreement archive (409 until it is done)',
        params: IdParams,
        response: {
          200: { description: 'The ZIP', content: { 'application/zip': { schema: zipFile } } },
        },
      },
    },
    async (request, reply) => {
      const file = await getAgreementArchiveFile(request.ctx, request.params.id);
      return sendDownload(reply, file);
    },
  );
};
