import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import { CompareQuery } from '../../shared/contracts/document-versions.js';
import {
  SpecialPart,
  SpecialPartComparison,
  SpecialPartTransitionInput,
  SpecialPartVersion,
  UpdateSpecialPartSectionsInput,
} from '../../shared/contracts/special-part.js';
import { sectionsBodyLimit } from '../document-versions/section-edits.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { agreeSpecialPartVersion } from './agree-special-part-version.js';
import { compareSpecialPartVersions } from './compare-special-part-versions.js';
import { createSpecialPart } from './create-special-part.js';
import { createSpecialPartDraft } from './create-special-part-draft.js';
import { getSpecialPart } from './get-special-part.js';
import { getSpecialPartVersion } from './get-special-part-version.js';
import { sendSpecialPartVersion } from './send-special-part-version.js';
import { updateSpecialPartSections } from './update-special-part-sections.js';

const tags = ['special part'];

/**
 * Everyone signed in reads every agreement's special part; the coordinator (admin) writes its text, sends it
 * and records it agreed. Departments and regions shape it through their contributions, which the generated
 * contributions section shows.
 */
export const specialPartRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/agreements/:id/special-part',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "An agreement's special part: its versions, newest first, with the agreed one and the draft",
        params: IdParams,
        response: { 200: SpecialPart },
      },
    },
    async (request) => getSpecialPart(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/agreements/:id/special-part',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Start the agreement's special part: a first draft with the default sections (409 if started)",
        params: IdParams,
        response: { 201: SpecialPartVersion },
      },
    },
    async (request, reply) => reply.status(201).send(await createSpecialPart(request.ctx, request.params.id)),
  );
  app.get(
    '/api/v1/special-part-versions/compare',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Compare two versions of one special part section by section, the contributions as text',
        querystring: CompareQuery,
        response: { 200: SpecialPartComparison },
      },
    },
    async (request) => compareSpecialPartVersions(request.ctx, request.query),
  );
  app.get(
    '/api/v1/special-part-versions/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'Show a version with its sections; the contributions section live for a draft, frozen otherwise',
        params: IdParams,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => getSpecialPartVersion(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/special-part-versions/:id/sections',
    {
      bodyLimit: sectionsBodyLimit,
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Replace a draft's sections, in order (409 if stale or not a draft)",
        params: IdParams,
        body: UpdateSpecialPartSectionsInput,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => updateSpecialPartSections(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/special-part-versions/:id/drafts',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Make a new draft copied from this version (409 if the agreement has a draft already)',
        params: IdParams,
        response: { 201: SpecialPartVersion },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSpecialPartDraft(request.ctx, request.params.id)),
  );
  app.post(
    '/api/v1/special-part-versions/:id/send',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Send a draft to the parties, freezing its contributions section (409 if stale or not a draft)',
        params: IdParams,
        body: SpecialPartTransitionInput,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => sendSpecialPartVersion(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/special-part-versions/:id/agree',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Record a sent version as agreed; the previously agreed version is superseded',
        params: IdParams,
        body: SpecialPartTransitionInput,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => agreeSpecialPartVersion(request.ctx, request.params.id, request.body),
  );
};
