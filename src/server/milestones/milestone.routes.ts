import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../shared/contracts/common.js';
import { IdParams } from '../../shared/contracts/common.js';
import {
  AgreementMilestones,
  ApplyMilestoneTemplateResult,
  CreateMilestoneTemplateItemInput,
  MarkRegionReadyInput,
  MilestoneTemplate,
  MilestoneTemplateItem,
  UpdateMilestoneInput,
  UpdateMilestoneTemplateItemInput,
} from '../../shared/contracts/milestones.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { DeleteQuery } from '../registry/delete-query.js';
import { applyMilestoneTemplate } from './apply-milestone-template.js';
import { createMilestoneTemplateItem } from './create-milestone-template-item.js';
import { deleteMilestoneTemplateItem } from './delete-milestone-template-item.js';
import { getAgreementMilestones } from './get-agreement-milestones.js';
import { getMilestoneTemplate } from './get-milestone-template.js';
import { markRegionReady } from './mark-region-ready.js';
import { updateMilestone } from './update-milestone.js';
import { updateMilestoneTemplateItem } from './update-milestone-template-item.js';

const tags = ['milestones'];
const adminAndRegion: readonly Role[] = ['admin', 'region'];

export const milestoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cycles/:id/milestone-template',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "A cycle's milestone template, in order, and how many agreements differ from it",
        params: IdParams,
        response: { 200: MilestoneTemplate },
      },
    },
    async (request) => getMilestoneTemplate(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/cycles/:id/milestone-template/items',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Add a milestone to a cycle's template, last or at a given place",
        params: IdParams,
        body: CreateMilestoneTemplateItemInput,
        response: { 201: MilestoneTemplateItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMilestoneTemplateItem(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/milestone-template-items/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Rename, move, mark optional or change the stage or evidence of a template milestone',
        params: IdParams,
        body: UpdateMilestoneTemplateItemInput,
        response: { 200: MilestoneTemplateItem },
      },
    },
    async (request) => updateMilestoneTemplateItem(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/milestone-template-items/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Take a milestone out of the template (the agreements follow when it is applied)',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Template milestone deleted') },
      },
    },
    async (request, reply) => {
      await deleteMilestoneTemplateItem(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/cycles/:id/milestone-template/apply',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Bring every agreement of the cycle in line with its template (milestones begun are never deleted, but marked not applicable)',
        params: IdParams,
        response: { 200: ApplyMilestoneTemplateResult },
      },
    },
    async (request) => applyMilestoneTemplate(request.ctx, request.params.id),
  );
  app.get(
    '/api/v1/agreements/:id/milestones',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "An agreement's milestones, its phase and the region's ready flag (a region contact reads only its own)",
        params: IdParams,
        response: { 200: AgreementMilestones },
      },
    },
    async (request) => getAgreementMilestones(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/milestones/:id',
    {
      config: { access: adminAndRegion },
      schema: {
        tags,
        summary:
          "Record a milestone's dates, state and note (done by hand needs a reason; a region contact keeps its own region's internal milestones)",
        params: IdParams,
        body: UpdateMilestoneInput,
        response: { 200: AgreementMilestones },
      },
    },
    async (request) => updateMilestone(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/agreements/:id/region-ready',
    {
      config: { access: adminAndRegion },
      schema: {
        tags,
        summary:
          'Mark the region ready or not ready to start, with a note (admin or the region’s own contact)',
        params: IdParams,
        body: MarkRegionReadyInput,
        response: { 200: AgreementMilestones },
      },
    },
    async (request) => markRegionReady(request.ctx, request.params.id, request.body),
  );
};
