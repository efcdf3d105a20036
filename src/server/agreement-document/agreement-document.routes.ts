import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementDocumentQuery } from '../../shared/contracts/agreement-document.js';
import { IdParams } from '../../shared/contracts/common.js';
import { documentMediaType } from '../documents/download.js';
import { sendDownload } from '../platform/http/files.js';
import { documentReaders, exportAgreementDocument } from './export-agreement-document.js';

const documentFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export const agreementDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/agreements/:id/document',
    {
      config: { access: documentReaders },
      schema: {
        tags: ['agreements'],
        summary:
          "The whole agreement as DOCX or PDF: title page with parties and period, the pinned general part, the special part with the agreed contributions by subject area, and the bodies that adopt it; fixed texts in the region's written standard",
        params: IdParams,
        querystring: AgreementDocumentQuery,
        response: {
          200: {
            description: 'The agreement document',
            content: {
              [documentMediaType.docx]: { schema: documentFile },
              [documentMediaType.pdf]: { schema: documentFile },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const file = await exportAgreementDocument(request.ctx, request.params.id, request.query.format);
      return sendDownload(reply, file);
    },
  );
};
