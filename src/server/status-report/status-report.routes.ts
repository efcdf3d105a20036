import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../shared/contracts/common.js';
import { StatusReportQuery } from '../../shared/contracts/status-report.js';
import { documentMediaType } from '../documents/download.js';
import { sendDownload } from '../platform/http/files.js';
import { exportStatusReport, statusReportMakers } from './export-status-report.js';

const documentFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export const statusReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cycles/:id/status-report',
    {
      config: { access: statusReportMakers },
      schema: {
        tags: ['agreements'],
        summary:
          "The cycle's status report as DOCX or PDF: a summary table of every region, then per region its phase, the meetings held, milestones completed and contributions agreed since a day, and what comes next; in nynorsk for a user who reads nynorsk, otherwise bokmål",
        params: IdParams,
        querystring: StatusReportQuery,
        response: {
          200: {
            description: 'The status report',
            content: {
              [documentMediaType.docx]: { schema: documentFile },
              [documentMediaType.pdf]: { schema: documentFile },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const file = await exportStatusReport(request.ctx, request.params.id, request.query);
      return sendDownload(reply, file);
    },
  );
};
