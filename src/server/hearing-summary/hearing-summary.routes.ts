import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../shared/contracts/common.js';
import { InputSummary, SummaryQuery } from '../../shared/contracts/hearing-summary.js';
import { documentMediaType } from '../documents/download.js';
import { sendDownload } from '../platform/http/files.js';
import { exportHearingSummary } from './export-hearing-summary.js';
import { getHearingSummary, summaryReaders } from './get-hearing-summary.js';

const tags = ['hearings'];
const documentFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export const hearingSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/hearings/:id/summary',
    {
      config: { access: summaryReaders },
      schema: {
        tags,
        summary:
          "A hearing's input summary per section, with dispositions and reasons: JSON, or with format=docx|pdf the document for the political case (a region contact: once the hearing is closed)",
        params: IdParams,
        querystring: SummaryQuery,
        response: {
          200: {
            description: 'The summary as JSON, DOCX or PDF',
            content: {
              'application/json': { schema: InputSummary },
              [documentMediaType.docx]: { schema: documentFile },
              [documentMediaType.pdf]: { schema: documentFile },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (format === 'json') return getHearingSummary(request.ctx, request.params.id);
      const file = await exportHearingSummary(request.ctx, request.params.id, format);
      // A Buffer is sent as it is: the JSON schema above describes the default format only.
      return sendDownload(reply, file);
    },
  );
};
