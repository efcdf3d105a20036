import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BatchPlan,
  CaseDocumentQuery,
  CaseList,
  CaseListQuery,
  CreateCaseInput,
  PoliticalCase,
  RecordDecisionInput,
  ReplaceDecisionPointsInput,
  UpdateCaseInput,
  UpdateTreatmentInput,
} from '../../shared/contracts/cases.js';
import { Id, IdParams } from '../../shared/contracts/common.js';
import { documentMediaType } from '../documents/download.js';
import { adminOnly } from '../platform/authorize.js';
import { sendDownload } from '../platform/http/files.js';
import { exportCaseDocument } from './case-document.js';
import { createCase } from './create-case.js';
import { createCouncilCase } from './create-council-case.js';
import { replaceDecisionPoints, updateCase, updateTreatment } from './edit-case.js';
import { caseReaders, getBatchPlan, getCase, listCases } from './read-cases.js';
import { recordDecision } from './record-decision.js';

const tags = ['political processing'];
const documentFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });
const TreatmentParams = z.object({ id: Id, treatmentId: Id });

/**
 * Political cases: the county's people read them; the coordinator batches ready agreements into a case
 * for the executive board, edits it, makes the county council's case from it and downloads the document.
 */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cases',
    {
      config: { access: caseReaders },
      schema: {
        tags,
        summary: "A cycle's cases, newest first",
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (request) => listCases(request.ctx, request.query),
  );
  app.post(
    '/api/v1/cases',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Batch ready agreements into a case for the executive board, written from the live process (refused for an agreement that is not ready or is in another open case of the board)',
        body: CreateCaseInput,
        response: { 201: PoliticalCase },
      },
    },
    async (request, reply) => reply.status(201).send(await createCase(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/cycles/:id/batch-plan',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Every agreement of the cycle, ready for the executive board or with what it lacks, and the board's meetings whose deadline has not passed",
        params: IdParams,
        response: { 200: BatchPlan },
      },
    },
    async (request) => getBatchPlan(request.ctx, request.params.id),
  );
  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: caseReaders },
      schema: {
        tags,
        summary: 'A case with its agreements, decision points, parts and treatments',
        params: IdParams,
        response: { 200: PoliticalCase },
      },
    },
    async (request) => getCase(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/cases/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change a case's title, archive number, parts, decision authority and signer",
        params: IdParams,
        body: UpdateCaseInput,
        response: { 200: PoliticalCase },
      },
    },
    async (request) => updateCase(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/cases/:id/decision-points',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Set a case's proposed decision points as they should stand, in order",
        params: IdParams,
        body: ReplaceDecisionPointsInput,
        response: { 200: PoliticalCase },
      },
    },
    async (request) => replaceDecisionPoints(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/cases/:id/treatments/:treatmentId',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Set a treatment's meeting and the body's case number (unique in the body and year)",
        params: TreatmentParams,
        body: UpdateTreatmentInput,
        response: { 200: PoliticalCase },
      },
    },
    async (request) =>
      updateTreatment(request.ctx, request.params.id, request.params.treatmentId, request.body),
  );
  app.post(
    '/api/v1/cases/:id/treatments/:treatmentId/decision',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Record a body's treatment of a case: adopted (with or without changes), rejected, postponed to a later meeting, or taken for information, with the decision text, date and vote",
        params: TreatmentParams,
        body: RecordDecisionInput,
        response: { 200: PoliticalCase },
      },
    },
    async (request) =>
      recordDecision(request.ctx, request.params.id, request.params.treatmentId, request.body),
  );
  app.post(
    '/api/v1/cases/:id/council-case',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Make the county council's case, for information, from the executive board's",
        params: IdParams,
        response: { 201: PoliticalCase },
      },
    },
    async (request, reply) => reply.status(201).send(await createCouncilCase(request.ctx, request.params.id)),
  );
  app.get(
    '/api/v1/cases/:id/document',
    {
      config: { access: caseReaders },
      schema: {
        tags,
        summary: 'The case document (saksframlegg) as DOCX or PDF',
        params: IdParams,
        querystring: CaseDocumentQuery,
        response: {
          200: {
            description: 'The case document',
            content: {
              [documentMediaType.docx]: { schema: documentFile },
              [documentMediaType.pdf]: { schema: documentFile },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await exportCaseDocument(request.ctx, request.params.id, request.query)),
  );
};
