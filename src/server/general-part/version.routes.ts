import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import { CompareQuery } from '../../shared/contracts/document-versions.js';
import {
  ApproveVersionInput,
  Comparison,
  GeneralPartVersion,
  UpdateSectionsInput,
} from '../../shared/contracts/general-part.js';
import { sectionsBodyLimit } from '../document-versions/section-edits.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { approveVersion } from './approve-version.js';
import { compareGeneralPart } from './compare-general-part.js';
import { createDraft } from './create-draft.js';
import { getVersion } from './get-version.js';
import { updateSections } from './update-sections.js';

const tags = ['general part'];

export const versionRoutes: FastifyPluginAsyncZod = async (app) => {
  // Registered before `/:id`, though the router prefers the static segment anyway.
  app.get(
    '/api/v1/general-part-versions/compare',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Compare two versions section by section, with inserted and deleted words marked',
        querystring: CompareQuery,
        response: { 200: Comparison },
      },
    },
    async (request) => compareGeneralPart(request.ctx, request.query),
  );
  app.get(
    '/api/v1/general-part-versions/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Show a version with its sections',
        params: IdParams,
        response: { 200: GeneralPartVersion },
      },
    },
    async (request) => getVersion(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/general-part-versions/:id/drafts',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Make a new draft copied from this version (409 if the cycle has a draft already)',
        params: IdParams,
        response: { 201: GeneralPartVersion },
      },
    },
    async (request, reply) => reply.status(201).send(await createDraft(request.ctx, request.params.id)),
  );
  app.put(
    '/api/v1/general-part-versions/:id/sections',
    {
      bodyLimit: sectionsBodyLimit,
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Replace a draft's sections, in order (409 if stale or not a draft)",
        params: IdParams,
        body: UpdateSectionsInput,
        response: { 200: GeneralPartVersion },
      },
    },
    async (request) => updateSections(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/general-part-versions/:id/approve',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Record the executive board's approval; the previously approved version is superseded",
        params: IdParams,
        body: ApproveVersionInput,
        response: { 200: GeneralPartVersion },
      },
    },
    async (request) => approveVersion(request.ctx, request.params.id, request.body),
  );
};
