import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../shared/contracts/common.js';
import { GeneralPartDocumentQuery } from '../../shared/contracts/general-part.js';
import { documentMediaType } from '../documents/download.js';
import { sendDownload } from '../platform/http/files.js';
import { exportGeneralPartDocument, generalPartDocumentReaders } from './export-general-part-document.js';

const documentFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export const generalPartDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/general-part-versions/:id/document',
    {
      config: { access: generalPartDocumentReaders },
      schema: {
        tags: ['general part'],
        summary:
          'One version of the general part as DOCX or PDF, for a region to take to its council during a hearing; in nynorsk for a region that writes nynorsk when the version has a nynorsk text',
        params: IdParams,
        querystring: GeneralPartDocumentQuery,
        response: {
          200: {
            description: 'The general part',
            content: {
              [documentMediaType.docx]: { schema: documentFile },
              [documentMediaType.pdf]: { schema: documentFile },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const file = await exportGeneralPartDocument(request.ctx, request.params.id, request.query.format);
      return sendDownload(reply, file);
    },
  );
};
