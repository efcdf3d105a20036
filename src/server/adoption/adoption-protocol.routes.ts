import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdoptionParams, AgreementAdoption } from '../../shared/contracts/adoption.js';
import { AttachmentQuery, attachmentMaxBytes } from '../../shared/contracts/common.js';
import { everyone } from '../platform/authorize.js';
import { fieldError } from '../platform/errors.js';
import { declaredMediaType } from '../platform/files.js';
import { acceptRawUploads, sendDownload } from '../platform/http/files.js';
import { attachProtocol } from './attach-protocol.js';
import { getProtocol } from './get-protocol.js';
import { adoptionRecorders } from './record-adoption.js';

const tags = ['political processing'];

export const adoptionProtocolRoutes: FastifyPluginAsyncZod = async (app) => {
  // The protocol is uploaded as the raw file (see acceptRawUploads); the body limit is the route's.
  acceptRawUploads(app);

  app.put(
    '/api/v1/agreements/:id/adoption/:municipalityId/protocol',
    {
      bodyLimit: attachmentMaxBytes,
      config: { access: adoptionRecorders },
      schema: {
        tags,
        summary:
          "Attach the council's protocol to a member municipality's recorded decision, replacing any before (the raw PDF or DOCX as the body, its type as Content-Type, at most 10 MB; checked by content; a region contact: its own region's; 409 until the decision is recorded)",
        params: AdoptionParams,
        querystring: AttachmentQuery,
        response: { 200: AgreementAdoption },
      },
    },
    async (request) => {
      // A JSON body reaches here through the app's JSON parser: it is no file.
      if (!Buffer.isBuffer(request.body)) throw fieldError('file', 'validation.fileType');
      return attachProtocol(request.ctx, request.params.id, request.params.municipalityId, {
        filename: request.query.filename,
        mediaType: declaredMediaType(request.headers['content-type']),
        content: request.body,
      });
    },
  );
  app.get(
    '/api/v1/agreements/:id/adoption/:municipalityId/protocol',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "Download the council's protocol of a member municipality's decision (a region contact: its own region's)",
        params: AdoptionParams,
      },
    },
    async (request, reply) => {
      const file = await getProtocol(request.ctx, request.params.id, request.params.municipalityId);
      return sendDownload(reply, file);
    },
  );
};
