import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExportQuery } from '../../shared/contracts/contribution-export.js';
import { everyone } from '../platform/authorize.js';
import { sendDownload } from '../platform/http/files.js';
import { exportContributions, exportMediaType } from './export-contributions.js';

const tags = ['contributions'];
const file = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

/** All contributions of a cycle as a spreadsheet, with the matrix's filters. */
export const contributionExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/contributions/export',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A cycle's contributions, one row each, as CSV (UTF-8 with BOM, ';' separated, for Norwegian Excel) or XLSX, headers in the caller's language; filters subjectArea and status as on the matrix",
        querystring: ExportQuery,
        response: {
          200: {
            description: 'The contributions as CSV or XLSX',
            content: {
              [exportMediaType.csv]: { schema: file },
              [exportMediaType.xlsx]: { schema: file },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const exported = await exportContributions(request.ctx, request.query);
      return sendDownload(reply, exported);
    },
  );
};
