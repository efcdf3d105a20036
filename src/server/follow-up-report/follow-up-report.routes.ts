import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PoliticalCase } from '../../shared/contracts/cases.js';
import { IdParams } from '../../shared/contracts/common.js';
import { RoundCaseInput, RoundReportQuery } from '../../shared/contracts/follow-up-report.js';
import { documentMediaType } from '../documents/download.js';
import { adminOnly } from '../platform/authorize.js';
import { sendDownload } from '../platform/http/files.js';
import { createRoundCase } from './create-round-case.js';
import { exportRoundReport, roundReportReaders } from './export-round-report.js';

const tags = ['follow-up'];
const documentFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export const followUpReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/reporting-rounds/:id/annual-report',
    {
      config: { access: roundReportReaders },
      schema: {
        tags,
        summary:
          "The round's annual report as DOCX or PDF, a summary table first. The county's (in bokmål) then has the deviations with their explanations region by region and names the regions' reports; a region's (with `region`, in its written standard) has what was agreed, what was done, the status of each commitment and indicator, and the deviations with their explanations. A region contact reads their own region's only",
        params: IdParams,
        querystring: RoundReportQuery,
        response: {
          200: {
            description: 'The annual report',
            content: {
              [documentMediaType.docx]: { schema: documentFile },
              [documentMediaType.pdf]: { schema: documentFile },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const file = await exportRoundReport(request.ctx, request.params.id, request.query);
      return sendDownload(reply, file);
    },
  );
  app.post(
    '/api/v1/reporting-rounds/:id/case',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Make the round's annual report a political case for the executive board (taken for information, the report listed as its attachment); refused while the round has an open case",
        params: IdParams,
        body: RoundCaseInput,
        response: { 201: PoliticalCase },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRoundCase(request.ctx, request.params.id, request.body)),
  );
};
