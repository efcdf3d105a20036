import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Agreement,
  AgreementList,
  AgreementListQuery,
  AgreementSummary,
  CreateAgreementsInput,
  CreateSubjectAreaInput,
  MarkSubjectAreaInput,
  MoveGeneralPartInput,
  SubjectArea,
  UpdateAgreementInput,
  UpdateSubjectAreaInput,
  WantedSubjectAreaParams,
} from '../../shared/contracts/agreements.js';
import type { Role } from '../../shared/contracts/common.js';
import { IdParams, page } from '../../shared/contracts/common.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { DeleteQuery } from '../registry/delete-query.js';
import { createAgreements } from './create-agreements.js';
import { createSubjectArea } from './create-subject-area.js';
import { deleteSubjectArea } from './delete-subject-area.js';
import { getAgreement } from './get-agreement.js';
import { listAgreements } from './list-agreements.js';
import { listSubjectAreas } from './list-subject-areas.js';
import { moveGeneralPart } from './move-general-part.js';
import { updateAgreement } from './update-agreement.js';
import { updateSubjectArea } from './update-subject-area.js';
import { markSubjectArea, unmarkSubjectArea } from './wanted-subject-areas.js';

const tags = ['agreements'];
const subjectAreaTags = ['subject areas'];
const adminAndRegion: readonly Role[] = ['admin', 'region'];

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/agreements',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "A cycle's agreements, by region name, with drift and counts",
        querystring: AgreementListQuery,
        response: { 200: AgreementList },
      },
    },
    async (request) => listAgreements(request.ctx, request.query),
  );
  app.post(
    '/api/v1/agreements',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Create agreements for the chosen regions, or every region without one; each pins the cycle's approved general part",
        body: CreateAgreementsInput,
        response: { 201: z.array(AgreementSummary) },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgreements(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/agreements/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'An agreement with its title, parties, wanted subject areas and general part history',
        params: IdParams,
        response: { 200: Agreement },
      },
    },
    async (request) => getAgreement(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/agreements/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change an agreement's period",
        params: IdParams,
        body: UpdateAgreementInput,
        response: { 200: Agreement },
      },
    },
    async (request) => updateAgreement(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/agreements/:id/general-part',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Move the agreement to a newer approved general part version, with a reason',
        params: IdParams,
        body: MoveGeneralPartInput,
        response: { 200: Agreement },
      },
    },
    async (request) => moveGeneralPart(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/agreements/:id/subject-areas/:subjectAreaId',
    {
      config: { access: adminAndRegion },
      schema: {
        tags,
        summary:
          "Mark a subject area the region wants, with a justification (the region's own contact or admin)",
        params: WantedSubjectAreaParams,
        body: MarkSubjectAreaInput,
        response: { 200: Agreement },
      },
    },
    async (request) =>
      markSubjectArea(request.ctx, request.params.id, request.params.subjectAreaId, request.body),
  );
  app.delete(
    '/api/v1/agreements/:id/subject-areas/:subjectAreaId',
    {
      config: { access: adminAndRegion },
      schema: {
        tags,
        summary: 'Unmark a wanted subject area',
        params: WantedSubjectAreaParams,
        response: { 204: z.undefined().describe('Subject area no longer wanted') },
      },
    },
    async (request, reply) => {
      await unmarkSubjectArea(request.ctx, request.params.id, request.params.subjectAreaId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/cycles/:id/subject-areas',
    {
      config: { access: everyone },
      schema: {
        tags: subjectAreaTags,
        summary: "A cycle's subject areas, in order",
        params: IdParams,
        response: { 200: page(SubjectArea) },
      },
    },
    async (request) => listSubjectAreas(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/cycles/:id/subject-areas',
    {
      config: { access: adminOnly },
      schema: {
        tags: subjectAreaTags,
        summary: 'Add a subject area to a cycle, last or at a given place',
        params: IdParams,
        body: CreateSubjectAreaInput,
        response: { 201: SubjectArea },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSubjectArea(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/subject-areas/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: subjectAreaTags,
        summary: 'Rename, describe or move a subject area',
        params: IdParams,
        body: UpdateSubjectAreaInput,
        response: { 200: SubjectArea },
      },
    },
    async (request) => updateSubjectArea(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/subject-areas/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: subjectAreaTags,
        summary: 'Delete a subject area (409 inUse while contributions or wishes use it)',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Subject area deleted') },
      },
    },
    async (request, reply) => {
      await deleteSubjectArea(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
};
